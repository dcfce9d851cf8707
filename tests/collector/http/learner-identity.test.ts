import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../../../protocol/index.ts';
import {
  batch,
  LEARNER_SECRET,
  ORIGIN,
  OTHER_LEARNER_SECRET,
  post,
  response,
  SIGNED_SITE_KEYS,
  SITE_KEY,
  testApp,
  testConfig,
} from './test-app.ts';

type App = ReturnType<typeof testApp>['app'];

// Written out here rather than imported, so the test holds the collector to the documented encoding.
const sign = (ref: string, secret = LEARNER_SECRET) => createHmac('sha256', secret).update(ref).digest('hex');

const signedApp = () => testApp({ SITE_KEYS: SIGNED_SITE_KEYS });

const postJson = (app: App, path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(body),
  });
const who = (learnerRef: string, learnerSig?: string) => ({
  siteKey: SITE_KEY,
  learnerRef,
  surveyId: 'outcomes',
  ...(learnerSig === undefined ? {} : { learnerSig }),
});

/** Ana, known to the collector: she opted out (signed) and answered wave m6 (signed). */
async function anaKnown() {
  const made = signedApp();
  expect((await postJson(made.app, '/v1/eligibility/opt-out', who('ana', sign('ana')))).status).toBe(200);
  const sent = await post(
    made.app,
    batch(response({ learnerRef: 'ana', learnerSig: sign('ana'), context: { wave: 'm6' } })),
  );
  expect((await sent.json()).accepted).toHaveLength(1);
  return made;
}

const untrusted = [
  ['no signature', undefined],
  ['a wrong signature', sign('ben')],
  ["the signature made with another site key's secret", sign('ana', OTHER_LEARNER_SECRET)],
  ['a signature that is not hex', 'not-a-signature'],
  ['a truncated signature', sign('ana').slice(0, 32)],
] as const;

describe('learner identity where the site key has a learnerSecret', () => {
  it('tells a signed ref its status and waves', async () => {
    const { app } = await anaKnown();
    const res = await postJson(app, '/v1/eligibility', who('ana', sign('ana')));
    expect(await res.json()).toEqual({ eligible: false, reason: 'opted_out', answeredWaves: ['m6'] });
  });

  it('accepts the signature in upper-case hex too', async () => {
    const { app } = await anaKnown();
    const res = await postJson(app, '/v1/eligibility', who('ana', sign('ana').toUpperCase()));
    expect((await res.json()).reason).toBe('opted_out');
  });

  it.each(untrusted)('reveals nothing about the learner to a ref with %s', async (_name, learnerSig) => {
    const { app } = await anaKnown();
    const res = await postJson(app, '/v1/eligibility', who('ana', learnerSig));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // The same answer a learner nobody knows gets with a bad signature: nothing to tell them apart by.
    const stranger = await (await postJson(app, '/v1/eligibility', who('nobody', learnerSig))).json();
    expect(await res.json()).toEqual({ eligible: true, reason: 'unverified', answeredWaves: [] });
    expect(stranger).toEqual({ eligible: true, reason: 'unverified', answeredWaves: [] });
  });

  it.each(untrusted)('refuses to opt out a ref with %s, with a code', async (_name, learnerSig) => {
    const { app, storage } = signedApp();
    const res = await postJson(app, '/v1/eligibility/opt-out', who('ana', learnerSig));
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.code).toBe('learner_unverified');
    expect(body.error).toMatch(/learnerSig.*HMAC-SHA-256.*learnerSecret/);
    expect(storage.optOuts.size).toBe(0);
    const after = await postJson(app, '/v1/eligibility', who('ana', sign('ana')));
    expect((await after.json()).eligible).toBe(true);
  });

  it('stores a signed ref as the learner, verified, and never the signature', async () => {
    const { app, storage } = signedApp();
    const r = response({ learnerRef: 'ana', learnerSig: sign('ana') });
    expect((await (await post(app, batch(r))).json()).accepted).toEqual([r.id]);
    const [stored] = storage.rows.values();
    expect(stored.learnerRefStatus).toBe('verified');
    expect(stored.learnerHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(sign('ana'));
  });

  it.each(untrusted)('stores the response of a ref with %s without the ref, flagged', async (_name, learnerSig) => {
    const { app, storage } = signedApp();
    const r: SurveyResponse = response({ learnerRef: 'ana', context: { wave: 'm6' } });
    if (learnerSig !== undefined) r.learnerSig = learnerSig;
    expect((await (await post(app, batch(r))).json()).accepted).toEqual([r.id]);
    const stored = storage.rows.get(r.id);
    expect(stored?.learnerRefStatus).toBe('unverified');
    expect(stored).not.toHaveProperty('learnerHash');
    // Counted for nobody: the real learner's answered waves do not change.
    const ana = await postJson(app, '/v1/eligibility', who('ana', sign('ana')));
    expect((await ana.json()).answeredWaves).toEqual([]);
  });

  it('stores a response without a ref as before, with no status', async () => {
    const { app, storage } = signedApp();
    const r = response();
    await post(app, batch(r));
    expect(storage.rows.get(r.id)).not.toHaveProperty('learnerRefStatus');
  });
});

describe('learner identity where the site key has no learnerSecret', () => {
  it('takes an unsigned ref on trust and marks it unchecked', async () => {
    const { app, storage } = testApp();
    const r = response({ learnerRef: 'ana' });
    await post(app, batch(r));
    expect(storage.rows.get(r.id)).toMatchObject({ learnerRefStatus: 'unchecked', learnerHash: expect.any(String) });
    expect((await postJson(app, '/v1/eligibility/opt-out', who('ana'))).status).toBe(200);
  });

  const production = { NODE_ENV: 'production', LEARNER_REF_SECRET: 'x'.repeat(32), ERASE_TOKEN: 'e'.repeat(32) };

  it('warns at start-up in production, naming each site key without a secret', () => {
    const siteKeys = JSON.stringify({
      open: { origins: [ORIGIN] },
      signed: { origins: [ORIGIN], learnerSecret: 's'.repeat(32) },
    });
    const { log } = testApp({ ...production, SITE_KEYS: siteKeys });
    expect(log.lines.filter((l) => l.level === 'warn')).toEqual([
      expect.objectContaining({
        event: 'learner_secret_unset',
        siteKeys: ['open'],
        message: expect.stringMatching(/"open" has no learnerSecret.*add "learnerSecret"/),
      }),
    ]);
  });

  it('refuses a learnerSecret under 32 characters, naming where it is and not echoing it', () => {
    const short = JSON.stringify({ [SITE_KEY]: { origins: [ORIGIN], learnerSecret: 'short-secret' } });
    expect(() => testConfig({ SITE_KEYS: short })).toThrow(/SITE_KEYS\.test-site\.learnerSecret: expected at least 32/);
    expect(() => testConfig({ SITE_KEYS: short })).not.toThrow(/short-secret/);
  });

  it('does not warn in production when every site key has a secret', () => {
    const { log } = testApp({ ...production, SITE_KEYS: SIGNED_SITE_KEYS });
    expect(log.lines.filter((l) => l.level === 'warn')).toEqual([]);
  });
});
