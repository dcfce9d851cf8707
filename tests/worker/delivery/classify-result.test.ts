import { describe, expect, it } from 'vitest';
import { classifyResult } from '../../../worker/delivery/classify-result.ts';

const ids = ['a', 'b', 'c'];
const ack = (
  accepted: string[],
  duplicate: string[] = [],
  rejected: { id: string | null; errors: { path: string; message: string }[] }[] = [],
) => ({
  kind: 'http' as const,
  status: 200,
  body: { accepted, duplicate, rejected },
});

describe('classifyResult', () => {
  it('deletes accepted and duplicate ids and dead-letters rejected ones with the collector errors', () => {
    const v = classifyResult(
      ids,
      ack(['a'], ['b'], [{ id: 'c', errors: [{ path: 'answers.q1', message: 'expected one of x, y' }] }]),
    );
    expect(v).toMatchObject({ accepted: ['a'], duplicate: ['b'], retry: [], deadKeepsResponse: false });
    expect(v.dead).toEqual([{ id: 'c', errors: [{ path: 'answers.q1', message: 'expected one of x, y' }] }]);
  });

  it('keeps ids the acknowledgement does not mention', () => {
    expect(classifyResult(ids, ack(['a'])).retry).toEqual(['b', 'c']);
  });

  it('dead-letters unnamed ids when the collector rejected an item whose id it could not read', () => {
    const v = classifyResult(
      ['a', 'b'],
      ack(['a'], [], [{ id: null, errors: [{ path: 'id', message: 'expected a UUID' }] }]),
    );
    expect(v.dead).toEqual([{ id: 'b', errors: [{ path: 'id', message: 'expected a UUID' }] }]);
  });

  it.each([500, 502, 503, 504, 408, 429, 425, 302])('keeps the whole batch for a retry on HTTP %i', (status) => {
    const v = classifyResult(ids, { kind: 'http', status, body: undefined, retryAfterMs: 5000 });
    expect(v).toMatchObject({ retry: ids, accepted: [], dead: [], retryAfterMs: 5000 });
  });

  it('keeps the whole batch on a network error', () => {
    expect(classifyResult(ids, { kind: 'network', message: 'Failed to fetch' })).toMatchObject({
      retry: ids,
      reason: expect.stringContaining('Failed to fetch'),
    });
  });

  it.each([400, 401, 403, 404, 413, 415])(
    'dead-letters the whole batch, keeping the responses, on HTTP %i',
    (status) => {
      const v = classifyResult(ids, { kind: 'http', status, body: { error: 'site key "k" is not allowed' } });
      expect(v.retry).toEqual([]);
      expect(v.deadKeepsResponse).toBe(true);
      expect(v.dead.map((d) => d.id)).toEqual(ids);
      expect(v.dead[0].errors[0].message).toBe(
        `collector refused the whole batch with HTTP ${status}: site key "k" is not allowed`,
      );
    },
  );

  it.each([
    ['an HTML page', '<html>Sign in to the Wi-Fi</html>'],
    ['a body cut short', undefined],
    ['a malformed ack', { accepted: 'a' }],
  ])('acknowledges nothing on HTTP 200 with %s', (_, body) => {
    expect(classifyResult(ids, { kind: 'http', status: 200, body })).toMatchObject({ retry: ids, accepted: [] });
  });
});
