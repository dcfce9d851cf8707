import { describe, expect, it } from 'vitest';
import { batch, post, response, testApp } from '../http/test-app.ts';

// The collector's clock; the default RETENTION_MONTHS=24 puts the earliest accepted instant at 2024-03-14T12:00:00Z.
const NOW = Date.UTC(2026, 2, 14, 12, 0, 0);

describe('POST /v1/responses bounds submittedAt', () => {
  it.each([
    [
      'year 0001',
      '0001-01-01T00:00:00Z',
      /before the retention window \(RETENTION_MONTHS=24, so not before 2024-03-14/,
    ],
    ['year 9999', '9999-12-31T23:59:59Z', /more than 5 minutes after the collector received it/],
    ['a second before the retention window', '2024-03-14T11:59:59Z', /before the retention window/],
    ['six minutes ahead of the collector', '2026-03-14T12:06:00Z', /more than 5 minutes after/],
  ])('rejects a response dated %s alone, naming submittedAt', async (_, submittedAt, message) => {
    const { app, storage } = testApp({}, () => NOW);
    const bad = response({ submittedAt });
    const good = [response(), response()];
    const ack = await (await post(app, batch(good[0], bad, good[1]))).json();
    expect(ack.accepted).toEqual(good.map((r) => r.id));
    expect(ack.rejected).toEqual([
      { id: bad.id, errors: [{ path: 'responses[1].submittedAt', message: expect.stringMatching(message) }] },
    ]);
    expect(storage.rows.size).toBe(2);
  });

  it.each([
    ['at the start of the retention window', '2024-03-14T12:00:00Z'],
    ['five minutes ahead of the collector (clock drift)', '2026-03-14T12:05:00Z'],
    ['months ago (queued offline)', '2025-09-01T08:00:00Z'],
  ])('accepts a response dated %s', async (_, submittedAt) => {
    const { app } = testApp({}, () => NOW);
    const r = response({ submittedAt });
    expect((await (await post(app, batch(r))).json()).accepted).toEqual([r.id]);
  });

  it('follows RETENTION_MONTHS', async () => {
    const { app } = testApp({ RETENTION_MONTHS: '6' }, () => NOW);
    const r = response({ submittedAt: '2025-09-01T08:00:00Z' });
    const ack = await (await post(app, batch(r))).json();
    expect(ack.rejected[0].errors[0].message).toMatch(/RETENTION_MONTHS=6, so not before 2025-09-14T12:00:00.000Z/);
  });
});
