import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSettings, createApp } from '../../../collector/app.ts';
import { silentLogger } from '../../../collector/logging/logger.ts';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import type { Storage } from '../../../collector/storage/storage.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { Ack, type SurveyResponse } from '../../../protocol/index.ts';
import { createDatabase } from '../../support/postgres.ts';
import { usePostgresServer } from '../../support/use-postgres-server.ts';
import { ORIGIN, response, SITE_KEY, SURVEY, testConfig } from '../http/test-app.ts';

const server = usePostgresServer();

type Database = { url: string; drop(): Promise<void> };
const databases: Record<string, () => Promise<Database>> = {
  SQLite: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outcome-controls-'));
    return { url: `sqlite:${join(dir, 'outcomes.sqlite')}`, drop: () => rm(dir, { recursive: true, force: true }) };
  },
  PostgreSQL: () => createDatabase(server()),
};

// Every C0 control, DEL, a C1 control and the two halves of a surrogate pair alone.
const CONTROLS = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  '\u0085',
  '\ud800',
  '\udfff',
];

/** Where a generated string goes: one field of an otherwise valid response, and whether that field is free text. */
const FIELDS: { name: string; freeText: boolean; put(r: SurveyResponse, s: string): void }[] = [
  { name: 'consent.version', freeText: false, put: (r, s) => (r.consent.version = `v${s}`) },
  { name: 'consent.groups', freeText: false, put: (r, s) => (r.consent.groups = [`g${s}`]) },
  { name: 'locale', freeText: false, put: (r, s) => (r.locale = `en${s}`) },
  { name: 'surveyId', freeText: false, put: (r, s) => (r.surveyId = `outcomes${s}`) },
  { name: 'id', freeText: false, put: (r, s) => (r.id = `${r.id}${s}`) },
  { name: 'learnerRef', freeText: false, put: (r, s) => (r.learnerRef = `ref${s}`) },
  { name: 'context.courseId', freeText: false, put: (r, s) => (r.context = { courseId: `c${s}` }) },
  { name: 'context.wave', freeText: false, put: (r, s) => (r.context = { wave: `m${s}` }) },
  { name: 'answers (key)', freeText: false, put: (r, s) => (r.answers = { ...r.answers, [`k${s}`]: 'x' }) },
  { name: 'answers.situation', freeText: false, put: (r, s) => (r.answers = { situation: `employed${s}` }) },
  { name: 'answers.comment', freeText: true, put: (r, s) => (r.answers = { ...r.answers, comment: `a${s}b` }) },
];

const withControls = fc
  .array(fc.oneof(fc.constantFrom(...CONTROLS), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

describe.each(Object.keys(databases))('string fields with control characters, on %s', (name) => {
  let db: Database;
  let storage: Storage;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    db = await databases[name]();
    storage = await openStorage(db.url);
    const config = testConfig({ RATE_LIMIT_PER_ADDRESS: '1000000', RATE_LIMIT_PER_SITE_KEY: '1000000' });
    const deps = { storage, surveys: new SurveyRegistry([SURVEY]), settings: appSettings(config) };
    app = createApp(deps, { config, log: silentLogger });
  }, 60_000);
  afterAll(async () => {
    await storage?.close();
    await db?.drop();
  });

  const send = async (items: SurveyResponse[]) => {
    const res = await app.request('/v1/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ siteKey: SITE_KEY, responses: items }),
    });
    return { status: res.status, ack: res.status === 200 ? Ack.parse(await res.json()) : undefined };
  };
  const stored = async (id: string) => {
    for await (const r of storage.responses({ surveyId: 'outcomes' })) if (r.id === id) return r;
    return undefined;
  };

  it('rejects a NUL in consent.version alone, naming the field, and stores the good item of the batch', async () => {
    const bad = response({ consent: { sensitive: false, version: '2026\u0000' } });
    const good = response();
    const { status, ack } = await send([bad, good]);
    expect(status).toBe(200);
    expect(ack?.accepted).toEqual([good.id]);
    expect(ack?.rejected).toEqual([
      {
        id: bad.id,
        errors: [
          {
            path: 'responses[0].consent.version',
            message: expect.stringMatching(/without control characters.*found U\+0000 at character 5: remove it$/),
          },
        ],
      },
    ]);
    expect(await stored(good.id)).toMatchObject({ id: good.id, consent: good.consent });
    expect(await stored(bad.id)).toBeUndefined();
  });

  it('stores free text with tabs, line breaks and other controls but no NUL exactly as sent', async () => {
    const comment = `a\tb\r\nc\u000bd\u001fe\u007f\u0085 💼`;
    const r = response({ answers: { situation: 'employed', comment } });
    expect((await send([r])).ack?.accepted).toEqual([r.id]);
    expect((await stored(r.id))?.answers).toEqual({ situation: 'employed', comment });
  });

  it('accepts or rejects each item alone, never answers 5xx, and always stores the good item', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), withControls, async (field, text) => {
        const probe = response();
        field.put(probe, text);
        const good = response();
        const { status, ack } = await send([probe, good]);
        expect(status).toBe(200);
        expect(ack?.accepted).toContain(good.id);
        expect(await stored(good.id)).toMatchObject({ id: good.id });
        const rejection = ack?.rejected.find((x) => x.id === probe.id || x.id === null);
        if (ack?.accepted.includes(probe.id)) {
          expect(rejection).toBeUndefined();
          // What was accepted holds nothing a database cannot keep, and comes back unchanged.
          const unstorable = text.includes('\u0000') || /\p{Surrogate}/u.test(text);
          expect(field.freeText ? unstorable : unstorable || /\p{Cc}/u.test(text)).toBe(false);
          const back = await stored(probe.id);
          expect({ ...back?.answers, ...back?.sensitiveAnswers }).toEqual(probe.answers);
          expect(back?.consent).toEqual(probe.consent);
        } else {
          expect(rejection?.errors.length).toBeGreaterThan(0);
          for (const e of rejection?.errors ?? []) {
            expect(e.path).toMatch(/^responses\[0\]/);
            expect(e.message).toMatch(/^(invalid key: )?expected|^unknown survey|^survey "/);
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});
