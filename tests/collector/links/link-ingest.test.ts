import { describe, expect, it } from 'vitest';
import { parseLinkKeys } from '../../../collector/links/link-keys.ts';
import { signLinkToken } from '../../../collector/links/link-token.ts';
import type { StoredResponse } from '../../../collector/storage/storage.ts';
import { batch, post, response } from '../http/test-app.ts';
import { ISSUED, LINK_KEYS_OFF, linkApp, linkBatch, OWN_ORIGIN } from './link-app.ts';

type App = ReturnType<typeof linkApp>;

const send = (made: App, body: unknown, origin: string | null = OWN_ORIGIN) => post(made.app, body, { origin });
const stored = async (made: App) => {
  const out: StoredResponse[] = [];
  for await (const r of made.storage.responses({})) out.push(r);
  return out;
};
const event = (over: Record<string, unknown> = {}) => ({
  id: '0190a0b0-0000-7000-9000-000000000001',
  kind: 'dismissed',
  reason: 'never',
  surveyId: 'outcomes',
  surveyVersion: 1,
  at: '2026-01-31T12:00:00Z',
  ...over,
});

describe('POST /v1/responses with a personal link', () => {
  it('takes the learner, cohort and wave from the token and records trigger "link"', async () => {
    const made = linkApp();
    const r = response({
      link: made.token(),
      learnerRef: 'someone-else',
      context: { trigger: 'delay:0', wave: 'm0', cohort: 'other', courseId: 'web-101' },
    });
    const ack = await (await send(made, linkBatch([r]))).json();
    expect(ack.accepted).toEqual([r.id]);
    const [kept] = await stored(made);
    expect(kept.learnerHash).toBe(made.ana);
    expect(kept.learnerRefStatus).toBe('verified');
    expect(kept.context).toEqual({ trigger: 'link', wave: 'm6', cohort: 'c-2026', courseId: 'web-101' });
    expect(kept).not.toHaveProperty('link');
  });

  it('accepts a link on an item of any site key', async () => {
    const made = linkApp();
    const r = response({ link: made.token() });
    expect((await (await post(made.app, batch(r))).json()).accepted).toEqual([r.id]);
    expect((await stored(made))[0].learnerHash).toBe(made.ana);
  });

  const altered = (token: string) => `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
  const otherKeys = parseLinkKeys({ k9: Buffer.alloc(32, 9).toString('base64url') });
  it.each([
    ['altered by one character', (m: App) => altered(m.token()), 'link_invalid'],
    [
      'signed with a key LINK_KEYS does not list',
      (m: App) => signLinkToken(m.claims, otherKeys, ISSUED),
      'link_invalid',
    ],
    ['made for another survey', (m: App) => m.token({ surveyId: 'other-survey' }), 'link_invalid'],
    [
      'expired before the answer was given',
      (m: App) => m.token({ expiresAt: new Date('2026-01-20T00:00:00Z') }),
      'link_expired',
    ],
  ])('rejects the item alone when its link is %s', async (_, make, reason) => {
    const made = linkApp();
    const bad = response({ link: make(made) });
    const good = response({ link: made.token() });
    const ack = await (await send(made, linkBatch([bad, good]))).json();
    expect(ack.accepted).toEqual([good.id]);
    expect(ack.rejected).toEqual([
      { id: bad.id, errors: [{ path: 'responses[0].link', message: expect.any(String) }] },
    ]);
    await expect
      .poll(() => made.storage.rejectionsByDay())
      .toEqual([{ day: '2026-02-01', siteKey: 'personal-link', reason, count: 1 }]);
  });

  it('keeps an answer given before the link expired and delivered after', async () => {
    const made = linkApp();
    const r = response({
      submittedAt: '2026-01-19T23:00:00Z',
      link: made.token({ expiresAt: new Date('2026-01-20T00:00:00Z') }),
    });
    expect((await (await send(made, linkBatch([r]))).json()).accepted).toEqual([r.id]);
  });

  it('refuses an item without a link under the link page site key, naming link', async () => {
    const made = linkApp();
    const r = response({ learnerRef: 'ana' });
    const ack = await (await send(made, linkBatch([r]))).json();
    expect(ack.rejected).toEqual([
      { id: r.id, errors: [{ path: 'responses[0].link', message: expect.stringContaining('personal-link') }] },
    ]);
  });

  it('refuses trigger "link" from an item without a link under any site key, naming context.trigger', async () => {
    const made = linkApp();
    const r = response({ learnerRef: 'ana', context: { trigger: 'link' } });
    const good = response({ learnerRef: 'ana' });
    const ack = await (await post(made.app, batch(r, good))).json();
    expect(ack.accepted).toEqual([good.id]);
    expect(ack.rejected).toEqual([
      { id: r.id, errors: [{ path: 'responses[0].context.trigger', message: expect.stringContaining('token') }] },
    ]);
  });

  it('refuses a second complete response through a spent link, and calls a resend of the first a duplicate', async () => {
    const made = linkApp();
    const first = response({ link: made.token() });
    const second = response({ link: made.token(), answers: { situation: 'looking' } });
    await send(made, linkBatch([first]));
    const ack = await (await send(made, linkBatch([second, first]))).json();
    expect(ack.duplicate).toEqual([first.id]);
    expect(ack.rejected).toEqual([
      { id: second.id, errors: [{ path: 'responses[0].link', message: expect.stringContaining('already answered') }] },
    ]);
    expect(await stored(made)).toHaveLength(1);
    await expect
      .poll(() => made.storage.rejectionsByDay())
      .toEqual([{ day: '2026-02-01', siteKey: 'personal-link', reason: 'link_spent', count: 1 }]);
  });

  it('refuses the link page site key from another origin', async () => {
    const made = linkApp();
    const res = await send(made, linkBatch([response({ link: made.token() })]), 'https://evil.example');
    expect(res.status).toBe(403);
    expect((await res.json()).error).toContain('personal-link');
  });

  it('has no link page site key, and refuses any link, where LINK_KEYS is unset', async () => {
    const made = linkApp();
    const off = linkApp(LINK_KEYS_OFF);
    expect((await send(off, linkBatch([response()]))).status).toBe(401);
    const r = response({ link: made.token() });
    const ack = await (await post(off.app, batch(r))).json();
    expect(ack.rejected[0].errors[0]).toEqual({
      path: 'responses[0].link',
      message: expect.stringContaining('LINK_KEYS'),
    });
  });
});

describe('contact events with a personal link', () => {
  it('records "Don\'t ask me again" on the link page as the learner\'s opt-out', async () => {
    const made = linkApp();
    const ack = await (await send(made, linkBatch([], [event({ link: made.token() })]))).json();
    expect(ack.accepted).toHaveLength(1);
    expect(await made.storage.optedOut(made.ana, 'outcomes')).toBe(true);
  });

  it.each([
    ['"not now"', { reason: 'not_now' }],
    ['"closed"', { reason: 'closed' }],
  ])('records no opt-out for %s', async (_, over) => {
    const made = linkApp();
    await send(made, linkBatch([], [event({ link: made.token(), ...over })]));
    expect(await made.storage.optedOut(made.ana, 'outcomes')).toBe(false);
  });

  it('rejects an event whose link is forged, naming events[i].link', async () => {
    const made = linkApp();
    const ack = await (await send(made, linkBatch([], [event({ link: `${made.token()}A` })]))).json();
    expect(ack.rejected[0].errors[0].path).toBe('events[0].link');
    expect(await made.storage.optedOut(made.ana, 'outcomes')).toBe(false);
  });
});

describe('the link page site key on the eligibility routes', () => {
  it.each(['/v1/eligibility', '/v1/eligibility/opt-out'])(
    'refuses %s, even without Origin: with no learnerSecret, a learnerRef under it could be anyone',
    async (path) => {
      const made = linkApp();
      const res = await made.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ siteKey: 'personal-link', learnerRef: 'ana', surveyId: 'outcomes' }),
      });
      expect(res.status).toBe(403);
      expect(await made.storage.optedOut(made.ana, 'outcomes')).toBe(false);
    },
  );
});
