import type { ResponseRates } from '../../protocol/index.ts';
import { type DisclosureRules, roundTo } from '../report/disclosure-control.ts';
import type { DenominatorStorage, StoredMember, WaveQuery } from '../storage/denominator-storage.ts';
import { checkPartialThreshold } from './disposition.ts';
import { type DispositionContext, memberDisposition } from './member-disposition.ts';
import { publishRateTable } from './publish-rates.ts';
import { addMember, addMembers, emptyTally, type RateTally } from './rate-tally.ts';
import { waveDueRule } from './wave-schedule.ts';

/** The roster columns a rate may be broken down by: country, course_id, path_id or attr_<name>. */
export type RateGroupBy = string;

/** A member's value of a `by` column, or null when the roster row leaves it empty. */
export function groupValue(member: StoredMember, by: RateGroupBy): string | null {
  if (by === 'country') return member.country ?? null;
  if (by === 'course_id') return member.courseId ?? null;
  if (by === 'path_id') return member.pathId ?? null;
  return member.attrs[by.slice('attr_'.length)] ?? null;
}

export type ResponseRatesQuery = WaveQuery & Omit<DispositionContext, 'wave'> & { by?: RateGroupBy };

/**
 * Counts the cohort's members in the database where storage can (rateCounts), else streams them once, counting as
 * it goes: memory holds one counter set for the cohort and one per value of `by`, never the members. Disclosure control is applied to the counts before anything is returned.
 */
export async function responseRates(
  denominators: DenominatorStorage,
  q: ResponseRatesQuery,
  rules: DisclosureRules,
): Promise<ResponseRates> {
  const query: WaveQuery = { surveyId: q.surveyId, cohortId: q.cohortId, wave: q.wave };
  const ctx: DispositionContext = {
    wave: q.wave,
    schedule: q.schedule,
    partialThreshold: q.partialThreshold,
    at: q.at,
  };
  const total = emptyTally();
  const byValue = new Map<string | null, RateTally>();
  const tallyOf = (value: string | null) => {
    const tally = byValue.get(value) ?? emptyTally();
    byValue.set(value, tally);
    return tally;
  };
  if (denominators.rateCounts) {
    checkPartialThreshold(q.partialThreshold);
    const due = waveDueRule(q.wave, q.schedule);
    const counts = await denominators.rateCounts({
      ...query,
      due,
      at: q.at,
      partialThreshold: q.partialThreshold,
      by: q.by,
    });
    for (const { value, code, members, ...steps } of counts) {
      addMembers(total, code, steps, members);
      if (q.by !== undefined) addMembers(tallyOf(value), code, steps, members);
    }
  } else
    for await (const facts of denominators.memberFacts(query)) {
      const { code } = memberDisposition(facts, ctx);
      addMember(total, facts, code);
      if (q.by !== undefined) addMember(tallyOf(groupValue(facts.member, q.by)), facts, code);
    }
  const outside = await denominators.outsideRoster(query);
  // Known values in order, the members with no value last.
  const values = [...byValue.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const published = publishRateTable(
    total,
    q.by === undefined ? null : values.map((v) => byValue.get(v) as RateTally),
    rules,
  );
  const suppressed = { ...published.total.suppressed };
  if (outside > 0 && outside < rules.minCell) suppressed.outside_roster = 'below_k';
  const out: ResponseRates = {
    survey: q.surveyId,
    cohort: q.cohortId,
    wave: q.wave,
    population: published.total.population,
    dispositions: {
      ...published.total.dispositions,
      outside_roster: outside > 0 && outside < rules.minCell ? null : roundTo(outside, rules.roundTo),
    },
    rates: published.total.rates,
    funnel: published.total.funnel,
    groups: published.groups.map((g, i) => ({ value: values[i], ...g })),
  };
  return Object.keys(suppressed).length > 0 ? { ...out, suppressed } : out;
}
