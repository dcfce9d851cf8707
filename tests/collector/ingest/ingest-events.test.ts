import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learnerHash } from '../../../collector/ingest/learner-hash.ts';
import { learnerSignature } from '../../../collector/ingest/learner-signature.ts';
import type { Ack, ContactEvent } from '../../../protocol/index.ts';
import { LEARNER_SECRET, post, response, SIGNED_SITE_KEYS, SITE_KEY, testApp } from '../http/test-app.ts';

let counter = 0;
function event(overrides: Partial<ContactEvent> = {}): ContactEvent {
  counter++;
  return {
    id: `0190a0b0-0000-7000-9000-${counter.toString(16).padStart(12, '0')}`,
    kind: 'shown',
    surveyId: 'outcomes',
    surveyVersion: 1,
    at: '2026-01-31T12:00:00Z',
    ...overrides,
  };
}

// MemoryStorage keeps contact events by id (`events`), as the adapters do.
function appWithEvents(env: Record<string, string> = {}) {
  const made = testApp(env);
  return { ...made, events: made.storage };
}

const send = async (app: ReturnType<typeof testApp>['app'], body: unknown) => {
  const res = await post(app, body);
  return { status: res.status, body: (await res.json()) as Ack };
};

describe('contact events in POST /v1/responses', () => {
  it('judges each event and each response alone and acknowledges all in the same lists', async () => {
    const { app, events } = appWithEvents();
    const good = [
      event(),
      event({ kind: 'progress', answered: 2, asked: 3 }),
      event({ kind: 'dismissed', reason: 'never' }),
    ];
    const badKind = { ...event(), kind: 'peeked' };
    const withAnswers = { ...event({ kind: 'completed' }), answers: { situation: 'employed' } };
    const r = response();
    const badResponse = { ...response(), surveyVersion: 'one' };
    const { status, body } = await send(app, {
      siteKey: SITE_KEY,
      responses: [r, badResponse],
      events: [good[0], badKind, good[1], withAnswers, good[2]],
    });
    expect(status).toBe(200);
    expect(body.accepted.sort()).toEqual([r.id, ...good.map((e) => e.id)].sort());
    expect(body.duplicate).toEqual([]);
    expect(body.rejected.map((x) => [x.id, x.errors[0].path])).toEqual([
      [badResponse.id, 'responses[1].surveyVersion'],
      [badKind.id, 'events[1].kind'],
      [withAnswers.id, 'events[3]'],
    ]);
    expect([...events.events.keys()].sort()).toEqual(good.map((e) => e.id).sort());
  });

  it('acknowledges a resent event as a duplicate and stores it once', async () => {
    const { app, events } = appWithEvents();
    const e = event({ kind: 'started' });
    await send(app, { siteKey: SITE_KEY, responses: [], events: [e] });
    const { body } = await send(app, { siteKey: SITE_KEY, responses: [], events: [e] });
    expect(body).toEqual({ accepted: [], duplicate: [e.id], rejected: [] });
    expect(events.events.size).toBe(1);
  });

  it('rejects an event id reused with other content, naming the id at its place', async () => {
    const { app, events } = appWithEvents();
    const e = event({ kind: 'started' });
    await send(app, { siteKey: SITE_KEY, responses: [], events: [e] });
    const { body } = await send(app, {
      siteKey: SITE_KEY,
      responses: [],
      events: [event(), { ...e, kind: 'completed' }],
    });
    expect(body.rejected).toEqual([
      { id: e.id, errors: [{ path: 'events[1].id', message: 'id already stored with different content' }] },
    ]);
    expect(events.events.get(e.id)?.kind).toBe('started');
  });

  it.each([
    ['with its signature', learnerSignature('learner-7', LEARNER_SECRET), 'verified', true],
    ['without a signature', undefined, 'unverified', false],
    ['with a wrong signature', learnerSignature('learner-8', LEARNER_SECRET), 'unverified', false],
  ] as const)('keeps a learnerRef sent %s, hashed only when it can be believed', async (_n, sig, refStatus, hashed) => {
    const { app, events, config } = appWithEvents({ SITE_KEYS: SIGNED_SITE_KEYS });
    const e = event({ learnerRef: 'learner-7', ...(sig ? { learnerSig: sig } : {}) });
    const { body } = await send(app, { siteKey: SITE_KEY, responses: [], events: [e] });
    expect(body.accepted).toEqual([e.id]);
    const stored = events.events.get(e.id);
    expect(stored?.learnerRefStatus).toBe(refStatus);
    expect(stored?.learnerHash).toBe(hashed ? learnerHash('learner-7', config.learnerRefSecret) : undefined);
    expect(stored && ('learnerRef' in stored || 'learnerSig' in stored)).toBe(false);
  });

  it('refuses with 413 a batch whose responses and events together pass MAX_BATCH, storing nothing', async () => {
    const { app, events } = appWithEvents({ MAX_BATCH: '3' });
    const res = await post(app, { siteKey: SITE_KEY, responses: [response(), response()], events: [event(), event()] });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(
      /4 items \(responses and events together\).*limit of 3/,
    );
    expect(events.events.size).toBe(0);
  });

  it.each([
    ['before the retention window', { at: '2001-01-01T00:00:00Z' }, 'events[0].at', 'submitted_at_out_of_range'],
    ['far ahead of the collector clock', { at: '2999-01-01T00:00:00Z' }, 'events[0].at', 'submitted_at_out_of_range'],
    ['of a survey it does not serve', { surveyId: 'no-such-survey' }, 'events[0].surveyId', 'unknown_survey'],
    ['of a survey version it does not serve', { surveyVersion: 9 }, 'events[0].surveyVersion', 'unknown_survey'],
  ])('rejects alone an event dated or named like no response would be kept: %s', async (_, over, path, reason) => {
    const { app, events, storage } = appWithEvents();
    const bad = event(over);
    const good = event();
    const { body } = await send(app, { siteKey: SITE_KEY, responses: [], events: [bad, good] });
    expect(body.accepted).toEqual([good.id]);
    expect(body.rejected.map((x) => [x.id, x.errors[0].path])).toEqual([[bad.id, path]]);
    expect([...events.events.keys()]).toEqual([good.id]);
    await expect.poll(async () => (await storage.rejectionsByDay()).map((r) => r.reason)).toEqual([reason]);
  });

  it('counts rejected events with the rejected responses by reason', async () => {
    const { app, storage } = appWithEvents();
    await send(app, { siteKey: SITE_KEY, responses: [], events: [{ ...event(), kind: 'peeked' }] });
    await expect.poll(async () => (await storage.rejectionsByDay()).length).toBeGreaterThan(0);
    expect(await storage.rejectionsByDay()).toEqual([expect.objectContaining({ reason: 'invalid_shape', count: 1 })]);
  });
});

describe('contact events under generated input', () => {
  const junk = fc.oneof(
    fc.anything(),
    fc.record(
      {
        id: fc.oneof(fc.uuid(), fc.string()),
        kind: fc.oneof(fc.constantFrom('shown', 'started', 'progress', 'dismissed', 'completed'), fc.string()),
        surveyId: fc.oneof(fc.constant('outcomes'), fc.string()),
        surveyVersion: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
        at: fc.oneof(fc.constant('2026-01-31T12:00:00Z'), fc.string()),
        answered: fc.integer({ min: -2, max: 9 }),
        asked: fc.integer({ min: -2, max: 9 }),
        reason: fc.constantFrom('not_now', 'never', 'closed', 'bored'),
        learnerRef: fc.string({ maxLength: 80 }),
      },
      { requiredKeys: [] },
    ),
  );

  it('never answers a 5xx and always accepts the good events beside any junk', async () => {
    const { app } = appWithEvents();
    await fc.assert(
      fc.asyncProperty(fc.array(junk, { maxLength: 8 }), fc.integer({ min: 0, max: 3 }), async (bad, goodCount) => {
        const good = Array.from({ length: goodCount }, () => event({ kind: 'progress', answered: 1 }));
        const { status, body } = await send(app, { siteKey: SITE_KEY, responses: [], events: [...bad, ...good] });
        expect(status).toBe(200);
        for (const e of good) expect(body.accepted).toContain(e.id);
        expect(body.accepted.length + body.duplicate.length + body.rejected.length).toBe(bad.length + good.length);
      }),
      { numRuns: 60 },
    );
  });
});
