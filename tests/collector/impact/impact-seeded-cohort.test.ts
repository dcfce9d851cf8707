import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { authorizer, researcherCredentials } from '../../../collector/http/bearer-auth.ts';
import { impactRoutes } from '../../../collector/researcher/impact-routes.ts';
import type { StoredMember } from '../../../collector/storage/denominator-storage.ts';
import { type Answer, EXACT, member, NOW, SURVEYS, storageWith } from './impact-fixture.ts';

// A seeded cohort, the acceptance case: two years of a four-country roster in which the countries answer
// at very different rates and have very different outcomes, so the respondents do not look like the cohort. Every
// expected figure below is computed here, from what the seed drew, with the definitions written out again (never
// by calling the code under test); the figures come through GET /v1/impact as a researcher would read them.

/** mulberry32: a small, well-known 32-bit generator, so the cohort is the same on every machine. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Country = 'FR' | 'GB' | 'US' | 'KE';
// Members per country, and per country: the chance to answer, to be underserved (a jobseeker), to have a career
// outcome (10 points less when underserved). France answers most and has the fewest outcomes, Kenya the reverse,
// so the respondents' rate is pulled below the cohort's and weighting to country must pull it back.
const PLAN: Record<
  Country,
  { members: [number, number]; respond: number; underserved: [number, number]; outcome: number }
> = {
  FR: { members: [1000, 1300], respond: 0.75, underserved: [0.2, 0.3], outcome: 0.3 },
  GB: { members: [700, 900], respond: 0.55, underserved: [0.25, 0.4], outcome: 0.45 },
  US: { members: [700, 800], respond: 0.4, underserved: [0.3, 0.45], outcome: 0.6 },
  KE: { members: [400, 600], respond: 0.25, underserved: [0.5, 0.7], outcome: 0.85 },
};
const COUNTRIES = Object.keys(PLAN) as Country[];

/** What the seed knows of one member, whether or not they answered. */
type Truth = { hash: string; country: Country; underserved: boolean; outcome: boolean; answer?: Answer };

function drawYear(year: 2025 | 2026, random: () => number): Truth[] {
  const y = year - 2025;
  const truths: Truth[] = [];
  for (const country of COUNTRIES) {
    const plan = PLAN[country];
    for (let i = 0; i < plan.members[y]; i++) {
      const hash = `${country.toLowerCase()}-${year}-${i}`;
      const underserved = random() < plan.underserved[y];
      const outcome = random() < plan.outcome - (underserved ? 0.1 : 0);
      const t: Truth = { hash, country, underserved, outcome };
      if (random() < plan.respond) {
        // A respondent's outcome is unknown 8 % of the time and their group 5 %; 10 % leave the situation
        // unanswered and 3 % prefer not to say (both unknown to NACE); the rest answer it truthfully.
        const outcomeKnown = random() >= 0.08;
        const groupKnown = random() >= 0.05;
        const s = random();
        const situation =
          s < 0.1
            ? undefined
            : s < 0.13
              ? 'prefer_not_to_say'
              : outcome
                ? random() < 0.85
                  ? 'employed'
                  : 'studying'
                : random() < 0.8
                  ? 'looking'
                  : 'not_working';
        const group = groupKnown ? underserved : null;
        t.answer = {
          learner: hash,
          country,
          outcome: outcomeKnown ? outcome : null,
          groups: {
            jobseeker_ilo: group,
            underserved_area: group === null ? null : false,
            low_education: group === null ? null : false,
            disability: group === null ? null : false,
            refugee: group === null ? null : false,
            any_underserved: group,
          },
          at: `${year}-0${1 + Math.floor(random() * 9)}-15T10:00:00.000Z`,
          ...(situation === undefined ? {} : { situation }),
        };
      }
      truths.push(t);
    }
  }
  return truths;
}

const random = mulberry32(20261204);
const Y2025 = drawYear(2025, random);
const Y2026 = drawYear(2026, random);

const rosterOf = (truths: Truth[], completedAt: string): StoredMember[] =>
  truths.map((t) => member(t.hash, { country: t.country, completedAt }));

// --- The definitions, written out again -------------------------------------------------------------------------

const Z = 1.959964;
/** Wilson score interval: centre (p + z²/2n)/(1 + z²/n), half-width z·√(p(1−p)/n + z²/4n²)/(1 + z²/n). */
function wilsonInterval(x: number, n: number): [number, number] {
  const p = x / n;
  const centre = (p + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / (1 + (Z * Z) / n);
  return [centre - half, centre + half];
}
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const round2 = (v: number) => Math.round(v * 100) / 100;
const count = <T>(xs: readonly T[], p: (x: T) => boolean) => xs.filter(p).length;

type Rate = { numerator: number; denominator: number; estimate: number; ci95: [number, number] };
function expectRate(actual: unknown, x: number, n: number) {
  const [low, high] = wilsonInterval(x, n);
  const a = actual as Rate;
  expect([a.numerator, a.denominator]).toEqual([x, n]);
  expect(a.estimate).toBeCloseTo(x / n, 6);
  expect(a.ci95[0]).toBeCloseTo(low, 6);
  expect(a.ci95[1]).toBeCloseTo(high, 6);
}

const answersOf = (truths: Truth[]) => truths.flatMap((t) => (t.answer ? [t.answer] : []));
const respondents26 = Y2026.filter((t) => t.answer);
const known26 = respondents26.filter((t) => t.answer?.outcome !== null);

// --- The collector, as a researcher reaches it ------------------------------------------------------------------

const REPORT = 'report-token-0123456789abcdef';
let app: Hono;
async function impact(query: string) {
  const res = await app.request(`/v1/impact?survey=career-outcomes&year=2026${query}`, {
    headers: { authorization: `Bearer ${REPORT}` },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  // biome-ignore lint/suspicious/noExplicitAny: the JSON body is read field by field against the expectations.
  return (await res.json()) as any;
}

beforeAll(async () => {
  const storage = await storageWith([...answersOf(Y2025), ...answersOf(Y2026)], {
    'c-2025': rosterOf(Y2025, '2025-03-31'),
    'c-2026': rosterOf(Y2026, '2026-03-31'),
  });
  app = new Hono();
  const authorize = authorizer(
    researcherCredentials({
      exportToken: 'export-token-0123456789abcdef',
      reportToken: REPORT,
      eraseToken: 'erase-token-0123456789abcdefgh',
    }),
  );
  app.route('/', impactRoutes({ storage, surveys: SURVEYS, settings: EXACT, authorize, now: () => NOW }));
});

describe('a seeded cohort of 3,600 learners in four countries, through GET /v1/impact', () => {
  it('draws the cohort the test means: a few thousand members, non-response skewed by country', () => {
    expect(Y2026).toHaveLength(3600);
    const rr = (c: Country) =>
      count(Y2026, (t) => t.country === c && t.answer !== undefined) / count(Y2026, (t) => t.country === c);
    // The seed's response rates stand where the plan put them, France far above Kenya.
    expect(rr('FR')).toBeGreaterThan(0.7);
    expect(rr('KE')).toBeLessThan(0.3);
  });

  it('counts the population, the respondents and the career outcomes, with the rate among the known', async () => {
    const body = await impact('');
    expect(body.population).toMatchObject({
      cohorts: ['c-2026'],
      members: { count: 3600 },
      respondents: { count: respondents26.length },
    });
    const outcomes = count(known26, (t) => t.answer?.outcome === true);
    expect(body.careerOutcomes.count).toEqual({ count: outcomes });
    expect(body.careerOutcomes.shareOfTarget).toBe(Math.round((outcomes / 500_000) * 10_000) / 10_000);
    expectRate(body.careerOutcomes.rateAmongKnown, outcomes, known26.length);
  });

  it("gives NACE's knowledge rate over the cohort and its career-outcomes rate", async () => {
    const body = await impact('');
    const situations = respondents26.flatMap((t) =>
      t.answer?.situation && t.answer.situation !== 'prefer_not_to_say' ? [t.answer.situation] : [],
    );
    expectRate(body.careerOutcomes.knowledgeRate, situations.length, 3600);
    const positive = count(situations, (s) => s === 'employed' || s === 'studying');
    const looking = count(situations, (s) => s === 'looking');
    expectRate(body.careerOutcomes.naceCareerOutcomesRate, positive, positive + looking);
  });

  it('tells what happens to underserved learners: the outcome rate in and out of the group, and the unknown', async () => {
    const body = await impact('');
    const row = body.byGroup.find((g: { group: string }) => g.group === 'any_underserved');
    const inGroup = known26.filter((t) => t.answer?.groups?.any_underserved === true);
    const outGroup = known26.filter((t) => t.answer?.groups?.any_underserved === false);
    expectRate(
      row.whenTrue,
      count(inGroup, (t) => t.answer?.outcome === true),
      inGroup.length,
    );
    expectRate(
      row.whenFalse,
      count(outGroup, (t) => t.answer?.outcome === true),
      outGroup.length,
    );
    expect(row.unknown).toEqual({ count: count(known26, (t) => t.answer?.groups?.any_underserved === null) });
    // The seed made underserved learners 10 points less likely to get an outcome: the table shows the gap.
    expect(row.whenTrue.estimate).toBeLessThan(row.whenFalse.estimate);
  });

  it('estimates the underserved learners in the cohort, against last year, and judges the +20 % target', async () => {
    const body = await impact('');
    const row = body.underserved.find((g: { group: string }) => g.group === 'any_underserved');
    const year = (truths: Truth[]) => {
      const rs = truths.filter((t) => t.answer);
      const x = count(rs, (t) => t.answer?.groups?.any_underserved === true);
      const n = count(rs, (t) => t.answer?.groups?.any_underserved !== null);
      const [low, high] = wilsonInterval(x, n);
      const N = truths.length;
      // share × population, with the share's interval scaled the same way (from the published, 6-decimal share)
      return {
        x,
        n,
        estimate: Math.round(round6(x / n) * N),
        ci95: [Math.round(round6(low) * N), Math.round(round6(high) * N)],
      };
    };
    const now = year(Y2026);
    const before = year(Y2025);
    expectRate(row.share, now.x, now.n);
    expectRate(row.previous.share, before.x, before.n);
    expect(row.estimatedInCohort).toEqual({ estimate: now.estimate, ci95: now.ci95 });
    expect(row.previous.estimatedInCohort).toEqual({ estimate: before.estimate, ci95: before.ci95 });
    expect(row.change).toBe(Math.round((now.estimate / before.estimate - 1) * 10_000) / 10_000);
    // Met: this year's lowest plausible number is at least 1.2 × last year's highest.
    expect(now.ci95[0]).toBeGreaterThanOrEqual(1.2 * before.ci95[1]);
    expect(row.status).toBe('met');
  });

  it('gives RR1 and RR2 of the cohort, and warns that respondents differ from the cohort by country', async () => {
    const body = await impact('&cohort=c-2026');
    expect(body.responseRates).toHaveLength(1);
    expect(body.responseRates[0]).toMatchObject({ cohort: 'c-2026', wave: 'once', population: { count: 3600 } });
    expectRate(body.responseRates[0].rr1, respondents26.length, 3600);
    expectRate(body.responseRates[0].rr2, respondents26.length, 3600); // no partial answers in the seed
    const byCountry = body.nonresponse.find((a: { attribute: string }) => a.attribute === 'country');
    const round1 = (v: number) => Math.round(v * 10) / 10;
    const expected = [...COUNTRIES].sort().map((c) => {
      const populationShare = round1((100 * count(Y2026, (t) => t.country === c)) / 3600);
      const respondentShare = round1((100 * count(respondents26, (t) => t.country === c)) / respondents26.length);
      return [c, populationShare, respondentShare, round1(respondentShare - populationShare)];
    });
    expect(
      byCountry.rows.map((r: Record<string, unknown>) => [
        r.value,
        r.populationShare,
        r.respondentShare,
        r.differencePoints,
      ]),
    ).toEqual(expected);
    // RR1 is about 52 %, under 80 %, and France is over 10 points above its share of the cohort.
    expect(expected.find((e) => e[0] === 'FR')?.[3]).toBeGreaterThan(10);
    expect(byCountry.warning).toMatch(/^RR1 is \d+(\.\d)? %, under 80 %, and respondents differ .* on country/);
    expect(byCountry.warning).toContain('"FR"');
  });

  it('weights to country: the rate moves toward the cohort’s true rate, which the seed knows', async () => {
    const body = await impact('&weights=country');
    const w = body.weighted;
    expect(w).toMatchObject({ attributes: ['country'], converged: true, notes: [] });
    // One margin: raking is post-stratification, each respondent of country c weighs N_c / n_c.
    const weight = Object.fromEntries(
      COUNTRIES.map((c) => [c, count(Y2026, (t) => t.country === c) / count(respondents26, (t) => t.country === c)]),
    ) as Record<Country, number>;
    const ws = respondents26.map((t) => weight[t.country]);
    const sum = ws.reduce((a, b) => a + b, 0);
    const kish = (ws.length * ws.reduce((a, b) => a + b * b, 0)) / (sum * sum);
    expect(w.designEffect).toBe(round2(kish));
    expect(w.designEffect).toBeGreaterThan(1);
    expect(w.effectiveN).toBe(Math.round(ws.length / kish));
    const knownW = known26.map((t) => weight[t.country]);
    const outcomeW = known26.reduce((a, t) => a + (t.answer?.outcome ? weight[t.country] : 0), 0);
    const weightedRate = outcomeW / knownW.reduce((a, b) => a + b, 0);
    expect(w.rateAmongKnown.estimate).toBe(round2(weightedRate));

    const truth = count(Y2026, (t) => t.outcome) / Y2026.length;
    const unweighted = body.careerOutcomes.rateAmongKnown.estimate;
    // The respondents' rate is well below the truth (France over-answers); the weighted rate is closer, by more
    // than the rounding of a weighted figure to 0.01.
    expect(truth - unweighted).toBeGreaterThan(0.03);
    expect(Math.abs(w.rateAmongKnown.estimate - truth) + 0.01).toBeLessThan(Math.abs(unweighted - truth));
    // Its interval is wider than the unweighted one (an effective sample smaller than the respondents).
    const widthW = w.rateAmongKnown.ci95[1] - w.rateAmongKnown.ci95[0];
    const widthU = body.careerOutcomes.rateAmongKnown.ci95[1] - body.careerOutcomes.rateAmongKnown.ci95[0];
    expect(widthW).toBeGreaterThan(widthU);
  });
});
