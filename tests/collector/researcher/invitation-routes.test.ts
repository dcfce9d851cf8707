import { describe, expect, it } from 'vitest';
import { appSettings, createApp } from '../../../collector/app.ts';
import { DEV_LINK_KEYS } from '../../../collector/config/load-config.ts';
import { learnerHash } from '../../../collector/ingest/learner-hash.ts';
import { MAX_INVITATION_LEARNERS } from '../../../collector/invitations/invitation-request.ts';
import { verifyLinkToken } from '../../../collector/links/link-token.ts';
import type { StoredMember } from '../../../collector/storage/denominator-storage.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';
import { SURVEY, TOKEN, testConfig } from '../http/test-app.ts';
import { makeRecord } from '../storage/make-record.ts';

const DAY = 86_400_000;
const COHORT = 'c-2026-01';
// Completed on 2026-01-31: m6 falls due on 2026-07-31, m12 on 2027-01-31.
const START = Date.parse('2026-08-15T09:00:00Z');

function setup(env: Record<string, string> = {}, change: Partial<ReturnType<typeof testConfig>> = {}) {
  const storage = new MemoryStorage();
  const config = { ...testConfig(env), ...change };
  const clock = { now: START };
  const deps = { storage, surveys: new SurveyRegistry([SURVEY]), settings: appSettings(config) };
  const app = createApp(deps, { config, now: () => clock.now });
  const hash = (ref: string) => learnerHash(ref, config.learnerRefSecret);
  const roster = (refs: string[], extra: Partial<StoredMember> = {}) =>
    storage.importRoster(
      COHORT,
      refs.map((ref) => ({ learnerHash: hash(ref), completedAt: '2026-01-31', attrs: {}, ...extra })),
      new Date(START).toISOString(),
    );
  const invite = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('https://collector.example/v1/invitations', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  /** The kinds of the member's contact events for the survey and wave, oldest first. */
  const events = async (ref: string, wave = 'm6') => {
    for await (const f of storage.memberFacts({ surveyId: SURVEY.id, cohortId: COHORT, wave }))
      if (f.member.learnerHash === hash(ref)) return f.events;
    return undefined;
  };
  return { app, storage, config, clock, hash, roster, invite, events };
}

const body = (refs: (string | { learner_ref: string; language?: string })[], extra: object = {}) => ({
  survey: SURVEY.id,
  cohort: COHORT,
  wave: 'm6',
  learners: refs.map((r) => (typeof r === 'string' ? { learner_ref: r } : r)),
  ...extra,
});

type Skip = { learner_ref: string; reason: string };
const refOf = (row: { learner_ref: string }) => row.learner_ref;
const refsOf = (rows: { learner_ref: string }[]) => rows.map(refOf);

describe('POST /v1/invitations', () => {
  it('answers a signed link for each due member and every other learner with its reason, in the order given', async () => {
    const t = setup();
    await t.storage.importRoster(
      COHORT,
      [
        ...['ana', 'ben', 'chloe', 'dev'].map((r) => ({
          learnerHash: t.hash(r),
          completedAt: '2026-01-31',
          attrs: {},
        })),
        { learnerHash: t.hash('late'), completedAt: '2026-08-01', attrs: {} },
      ],
      new Date(START).toISOString(),
    );
    await t.storage.insert([
      makeRecord({ surveyId: SURVEY.id, learnerHash: t.hash('ben'), context: { trigger: 'link', wave: 'm6' } }),
    ]);
    await t.storage.setOptOut(t.hash('chloe'), SURVEY.id);

    const res = await t.invite(
      body([{ learner_ref: 'ana', language: 'fr' }, 'ben', 'chloe', 'stranger', 'late', 'dev', 'ana']),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const answer = await res.json();
    expect(refsOf(answer.invitations)).toEqual(['ana', 'dev']);
    expect(answer.skipped).toEqual([
      { learner_ref: 'ben', reason: 'already_answered' },
      { learner_ref: 'chloe', reason: 'opted_out' },
      { learner_ref: 'stranger', reason: 'not_on_roster' },
      { learner_ref: 'late', reason: 'wave_not_due' },
      { learner_ref: 'ana', reason: 'duplicate_in_file' },
    ]);
    const [ana, dev] = answer.invitations;
    const expires = new Date(START + 90 * DAY).toISOString();
    expect(ana).toEqual({ learner_ref: 'ana', url: expect.any(String), expires_at: expires, language: 'fr' });
    expect(dev.language).toBeNull();
    // The link starts with the origin the request came to, and its token binds survey, learner, cohort and wave.
    const url = new URL(ana.url);
    expect(url.origin).toBe('https://collector.example');
    const token = url.pathname.replace(/^\/s\//, '');
    const verdict = verifyLinkToken(token, DEV_LINK_KEYS, new Date(START));
    expect(verdict).toMatchObject({
      ok: true,
      payload: { surveyId: SURVEY.id, learnerHash: t.hash('ana'), cohortId: COHORT, wave: 'm6', language: 'fr' },
    });
    expect(token).not.toContain('ana');

    expect(await t.events('ana')).toEqual([{ kind: 'invited', at: new Date(START).toISOString() }]);
    expect(await t.events('dev')).toEqual([{ kind: 'invited', at: new Date(START).toISOString() }]);
    expect(await t.events('ben')).toEqual([]);
  });

  it('starts each link with PUBLIC_URL when it is set', async () => {
    const t = setup({ PUBLIC_URL: 'https://survey.school.example' });
    await t.roster(['ana']);
    const answer = await (await t.invite(body(['ana']))).json();
    expect(answer.invitations[0].url).toMatch(/^https:\/\/survey\.school\.example\/s\/[A-Za-z0-9_-]+$/);
  });

  it('answers a dry run with counts and three sample rows, signing and recording nothing', async () => {
    const t = setup();
    await t.roster(['a1', 'a2', 'a3', 'a4', 'a5']);
    await t.storage.setOptOut(t.hash('a5'), SURVEY.id);
    const answer = await (await t.invite(body(['a1', 'a2', 'a3', 'a4', 'a5', 'zed'], { dryRun: true }))).json();
    expect(answer.dryRun).toBe(true);
    expect(answer.counts).toEqual({ invitations: 4, skipped: 2, reasons: { opted_out: 1, not_on_roster: 1 } });
    expect(refsOf(answer.invitations)).toEqual(['a1', 'a2', 'a3']);
    expect(answer.invitations[0].url).toBe('https://collector.example/s/dry-run');
    expect(answer.skipped).toHaveLength(2);
    for (const ref of ['a1', 'a2', 'a3', 'a4']) expect(await t.events(ref)).toEqual([]);
  });

  // Issue 17, "done when": a reminder run selects exactly the members without a completed response and without an
  // opt-out; a second reminder within the spacing selects nobody; past maxReminders, nobody either.
  it('reminds exactly the members without a complete response or an opt-out, spaced and capped', async () => {
    const t = setup();
    const roster = ['ana', 'ben', 'chloe', 'dev', 'eve', 'fay'];
    await t.roster(roster);
    const invited = await (await t.invite(body(roster))).json();
    expect(refsOf(invited.invitations)).toEqual(roster);

    // ben and chloe complete through their links, dev stops half-way, eve says "don't ask me again".
    const answered = (ref: string, status: 'complete' | 'partial') =>
      makeRecord({
        surveyId: SURVEY.id,
        learnerHash: t.hash(ref),
        status,
        context: { trigger: 'link', wave: 'm6', cohort: COHORT },
      });
    await t.storage.insert([answered('ben', 'complete'), answered('chloe', 'complete'), answered('dev', 'partial')]);
    await t.storage.setOptOut(t.hash('eve'), SURVEY.id);

    t.clock.now = START + 8 * DAY;
    const first = await (await t.invite(body(roster, { reminder: true }))).json();
    expect(refsOf(first.invitations)).toEqual(['ana', 'dev', 'fay']);
    expect(first.skipped).toEqual([
      { learner_ref: 'ben', reason: 'already_answered' },
      { learner_ref: 'chloe', reason: 'already_answered' },
      { learner_ref: 'eve', reason: 'opted_out' },
    ]);
    expect((await t.events('ana'))?.map((e) => e.kind)).toEqual(['invited', 'reminded']);

    t.clock.now = START + 14 * DAY;
    const early = await (await t.invite(body(roster, { reminder: true }))).json();
    expect(early.invitations).toEqual([]);
    expect(early.skipped.filter((s: Skip) => s.reason === 'reminded_recently').map(refOf)).toEqual([
      'ana',
      'dev',
      'fay',
    ]);

    t.clock.now = START + 15 * DAY;
    expect(refsOf((await (await t.invite(body(roster, { reminder: true }))).json()).invitations)).toEqual([
      'ana',
      'dev',
      'fay',
    ]);

    t.clock.now = START + 30 * DAY;
    const capped = await (await t.invite(body(roster, { reminder: true }))).json();
    expect(capped.invitations).toEqual([]);
    expect(capped.skipped.filter((s: Skip) => s.reason === 'too_many_reminders').map(refOf)).toEqual([
      'ana',
      'dev',
      'fay',
    ]);

    // The dispositions count the invitation and both reminders of each.
    const csv = await (
      await t.app.request(`/v1/dispositions?survey=${SURVEY.id}&cohort=${COHORT}&wave=m6`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).text();
    const [header, ...lines] = csv.trimEnd().split('\r\n');
    const column = header.split(',').indexOf('invitations');
    const invitations = Object.fromEntries(
      lines.map((l) => l.split(',')).map((cells) => [cells[0], Number(cells[column])]),
    );
    expect(invitations[t.hash('ana')]).toBe(3);
    expect(invitations[t.hash('ben')]).toBe(1);
  });

  it('honours maxReminders and minSpacingDays given in the body', async () => {
    const t = setup();
    await t.roster(['ana']);
    await t.invite(body(['ana']));
    t.clock.now = START + 2 * DAY;
    const spaced = await (await t.invite(body(['ana'], { reminder: true, minSpacingDays: 1 }))).json();
    expect(refsOf(spaced.invitations)).toEqual(['ana']);
    t.clock.now = START + 4 * DAY;
    const capped = await (await t.invite(body(['ana'], { reminder: true, minSpacingDays: 1, maxReminders: 1 }))).json();
    expect(capped.skipped).toEqual([{ learner_ref: 'ana', reason: 'too_many_reminders' }]);
  });

  it.each([
    ['an unknown survey', { survey: 'nope' }, 404, 'survey "nope" is not served'],
    ['a cohort without a roster', { cohort: 'c-unknown' }, 404, 'cohort "c-unknown" has no roster'],
    ['a wave outside the schedule', { wave: 'm15' }, 400, 'wave "m15" is not in the survey\'s schedule'],
  ])('refuses %s with %i, recording nothing', async (_, change, status, error) => {
    const t = setup();
    await t.roster(['ana']);
    const res = await t.invite({ ...body(['ana']), ...change });
    expect(res.status).toBe(status);
    const answer = await res.json();
    expect(answer.error).toContain(error);
    expect(answer.error).toContain('nothing was recorded');
    expect(await t.events('ana')).toEqual([]);
  });

  it('answers 503 naming LINK_KEYS when personal links are off', async () => {
    const t = setup({}, { linkKeys: undefined });
    await t.roster(['ana']);
    const res = await t.invite(body(['ana']));
    expect(res.status).toBe(503);
    expect((await res.json()).error).toContain('LINK_KEYS is not set');
    expect(await t.events('ana')).toEqual([]);
  });

  it('names the path of every problem of the body', async () => {
    const t = setup();
    await t.roster(['ana']);
    const res = await t.invite({
      survey: 'Career Outcomes',
      cohort: COHORT,
      wave: 'm7',
      reminder: 'yes',
      maxReminders: -1,
      learners: [
        { learner_ref: 'ana' },
        { learner_ref: 'ben', language: 'fr_FR' },
        { learner_ref: 'chloe', email: 'chloe@mail.example' },
        { learner_ref: '' },
        'dev',
      ],
      extra: 1,
    });
    expect(res.status).toBe(400);
    const answer = await res.json();
    expect(answer.errors.map((e: { path: string }) => e.path)).toEqual([
      'extra',
      'survey',
      'wave',
      'reminder',
      'maxReminders',
      'learners[1].language',
      'learners[2].email',
      'learners[3].learner_ref',
      'learners[4]',
    ]);
    expect(answer.errors[6].message).toContain('keeps no contact details');
    expect(await t.events('ana')).toEqual([]);
  });

  it(`refuses more than ${MAX_INVITATION_LEARNERS} learners with 413`, async () => {
    const t = setup();
    await t.roster(['ana']);
    const refs = Array.from({ length: MAX_INVITATION_LEARNERS + 1 }, (_, i) => `l${i}`);
    const res = await t.invite(body(refs));
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0]).toEqual({
      path: 'learners',
      message: expect.stringContaining(`at most ${MAX_INVITATION_LEARNERS} per request`),
    });
  });

  it('needs the export token', async () => {
    const t = setup({ REPORT_TOKEN: 'report-token-for-the-dashboard-0123' });
    const res = await t.invite(body(['ana']), { authorization: 'Bearer report-token-for-the-dashboard-0123' });
    expect(res.status).toBe(403);
  });
});
