import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ack, LEARNER_REF_PATTERN, type SurveyResponse } from '../../../protocol/index.ts';
import { ORIGIN, response, SITE_KEY, testApp } from '../http/test-app.ts';

// Each item travels as JSON text, so keys JSON.stringify cannot write (a literal "__proto__") can be sent too.
type Item = { text: string; valid?: SurveyResponse };

const REQUIRED = ['id', 'surveyId', 'surveyVersion', 'submittedAt', 'locale', 'answers', 'consent'] as const;
const WRONG_TYPES: Record<(typeof REQUIRED)[number], unknown[]> = {
  id: [42, null, 'not-a-uuid', ['x'], {}],
  surveyId: [7, null, true, ['outcomes']],
  surveyVersion: ['1', true, null, 1.5, -3, [1]],
  submittedAt: [0, 'yesterday', null, '2026-13-45T99:00:00Z'],
  locale: [1, '', 'not a locale', null],
  answers: ['x', 5, null, [1], { situation: 7 }, { situation: 'astronaut' }],
  consent: [null, 'yes', { sensitive: 'no', version: '1' }, {}],
};

const validItem: fc.Arbitrary<Item> = fc
  .record({
    situation: fc.constantFrom('employed', 'looking'),
    comment: fc.option(fc.string({ maxLength: 280, unit: 'grapheme' }), { nil: undefined }),
    disability: fc.option(fc.constantFrom('no', 'yes', 'prefer_not_to_say'), { nil: undefined }),
    learnerRef: fc.option(
      fc.string({ minLength: 1, maxLength: 40 }).filter((ref) => LEARNER_REF_PATTERN.test(ref)),
      { nil: undefined },
    ),
  })
  .map(({ situation, comment, disability, learnerRef }) => {
    const answers: SurveyResponse['answers'] = { situation };
    if (comment !== undefined) answers.comment = comment;
    if (disability !== undefined) answers.disability = disability;
    const r = response({
      answers,
      consent: { sensitive: disability !== undefined, version: '1' },
      ...(learnerRef ? { learnerRef } : {}),
    });
    return { text: JSON.stringify(r), valid: r };
  });

const base = () => response() as unknown as Record<string, unknown>;
const malformedItem: fc.Arbitrary<Item> = fc.oneof(
  fc.anything({ maxDepth: 3 }).map((v) => ({ text: JSON.stringify(v) ?? 'null' })),
  fc.constantFrom(...REQUIRED).map((k) => {
    const r = base();
    delete r[k];
    return { text: JSON.stringify(r) };
  }),
  fc
    .constantFrom(...REQUIRED)
    .chain((k) => fc.constantFrom(...WRONG_TYPES[k]).map((v) => ({ text: JSON.stringify({ ...base(), [k]: v }) }))),
  fc
    .integer({ min: 2001, max: 200_000 })
    .map((n) => ({ text: JSON.stringify({ ...base(), answers: { comment: 'x'.repeat(n) } }) })),
  fc
    .integer({ min: 20, max: 5000 })
    .map((d) => ({ text: JSON.stringify(base()).replace('"employed"', `${'['.repeat(d)}1${']'.repeat(d)}`) })),
  fc.constantFrom('"answers":{', '"consent":{', '{').map((at) => ({
    text: JSON.stringify(base()).replace(at, `${at}"__proto__":{"polluted":true},`),
  })),
  fc.string({ minLength: 1, maxLength: 20 }).map((key) => ({ text: JSON.stringify({ ...base(), [`x${key}`]: 1 }) })),
);

type Transport = 'json' | 'gzip' | 'text/plain' | 'invalid-utf8' | 'truncated' | 'oversize';
const transport = fc.constantFrom<Transport>(
  'json',
  'json',
  'json',
  'gzip',
  'gzip',
  'text/plain',
  'invalid-utf8',
  'truncated',
  'oversize',
);

function encode(items: Item[], how: Transport): { body: Uint8Array; headers: Record<string, string> } {
  let text = `{"siteKey":${JSON.stringify(SITE_KEY)},"responses":[${items.map((i) => i.text).join(',')}]}`;
  if (how === 'truncated') text = text.slice(0, -1);
  if (how === 'oversize') text = text.replace('"responses":', `"padding":"${'p'.repeat(1_100_000)}","responses":`);
  let body: Uint8Array = Buffer.from(text, 'utf8');
  const headers: Record<string, string> = {
    'content-type': how === 'text/plain' ? 'text/plain' : 'application/json',
    origin: ORIGIN,
  };
  if (how === 'invalid-utf8')
    body = Buffer.concat([body.subarray(0, 12), Buffer.from([0xc3, 0x28, 0xff]), body.subarray(12)]);
  if (how === 'gzip') {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  return { body, headers };
}

describe('POST /v1/responses under fuzzing', () => {
  it('never answers 5xx, names every error, and stores the valid items intact', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(validItem, malformedItem), { maxLength: 8 }),
        transport,
        async (items, how) => {
          const { app, storage } = testApp({ RATE_LIMIT_PER_ADDRESS: '1000000', RATE_LIMIT_PER_SITE_KEY: '1000000' });
          const { body, headers } = encode(items, how);
          const res = await app.request('/v1/responses', { method: 'POST', headers, body: new Uint8Array(body) });
          expect(res.status).toBeLessThan(500);
          expect(res.headers.get('content-type')).toContain('application/json');
          const json = await res.json();
          if (how !== 'json' && how !== 'gzip') {
            expect(res.status).toBe({ 'text/plain': 415, 'invalid-utf8': 400, truncated: 400, oversize: 413 }[how]);
            expect(json.error).toMatch(/Content-Type|UTF-8|JSON|limit/);
            return;
          }
          expect(res.status).toBe(200);
          const ack = Ack.parse(json);
          const valid = items.flatMap((i) => (i.valid ? [i.valid] : []));
          expect([...ack.accepted].sort()).toEqual(valid.map((r) => r.id).sort());
          expect(ack.rejected).toHaveLength(items.length - valid.length);
          for (const rejection of ack.rejected) {
            expect(rejection.errors.length).toBeGreaterThan(0);
            for (const e of rejection.errors) {
              expect(e.path).toMatch(/^responses\[\d+\]/);
              expect(e.message.length).toBeGreaterThan(0);
            }
          }
          for (const r of valid) {
            const stored = storage.rows.get(r.id);
            expect({ ...stored?.answers, ...stored?.sensitiveAnswers }).toEqual(r.answers);
            expect(stored).toMatchObject({ surveyId: r.surveyId, submittedAt: r.submittedAt, consent: r.consent });
          }
          expect(storage.rows.size).toBe(valid.length);
          expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers a JSON 4xx error for any envelope that is not one', async () => {
    const { app } = testApp({ RATE_LIMIT_PER_ADDRESS: '1000000' });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything({ maxDepth: 4 }),
          fc.record({ siteKey: fc.constant(SITE_KEY), responses: fc.anything({ maxDepth: 2 }) }),
        ),
        async (value) => {
          const res = await app.request('/v1/responses', {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: ORIGIN },
            body: JSON.stringify(value) ?? 'undefined',
          });
          if (res.status === 200) return; // e.g. { siteKey, responses: [] } happens to be a valid envelope
          expect([400, 401, 413]).toContain(res.status);
          const json = await res.json();
          expect(typeof json.error).toBe('string');
          expect(json.error.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
