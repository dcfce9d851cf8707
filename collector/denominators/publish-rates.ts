import type { PublishedRates, RateGroup, Suppression } from '../../protocol/index.ts';
import { PUBLISHED_RATE_NAMES, RATE_DISPOSITION_CODES } from '../../protocol/index.ts';
import { type DisclosureRules, type PublishedCount, suppressTable } from '../report/disclosure-control.ts';
import { aaporRates } from './aapor-rates.ts';
import type { DispositionCode } from './disposition.ts';
import { type PublishedFunnel, publishFunnels } from './publish-funnels.ts';
import type { RateTally } from './rate-tally.ts';

type Counts = RateGroup['dispositions'];
export type PublishedTally = Omit<RateGroup, 'value'>;

const COMPLETE = RATE_DISPOSITION_CODES.indexOf('1.1');
const ELIGIBLE: DispositionCode[] = ['1.1', '1.2', '2.11', '2.12', '2.20', '3.30', '3.90'];
const KNOWN: DispositionCode[] = ['1.1', '1.2', '2.11', '2.12', '2.20'];
const CONTACTED: DispositionCode[] = ['1.1', '1.2', '2.11', '2.12'];

/** The dispositions each rate's denominator sums (its numerator is a part of it): a rate is withheld when any is. */
const RATE_BASE: Record<(typeof PUBLISHED_RATE_NAMES)[number], DispositionCode[]> = {
  RR1: ELIGIBLE,
  RR2: ELIGIBLE,
  RR3: ELIGIBLE,
  RR4: ELIGIBLE,
  RR5: KNOWN,
  RR6: KNOWN,
  COOP1: CONTACTED,
  COOP2: CONTACTED,
  REF1: ELIGIBLE,
  CON1: ELIGIBLE,
};

/**
 * Disclosure control for the cohort and its groups at once, as the report does it
 * (collector/report/disclosure-control.ts): one table, a row per group (the cohort alone without `by`) and a column
 * per disposition, so a cell below k is hidden and, by complementary suppression, no hidden cell can be recovered
 * from its row (the group's population) or its column (the cohort's count). The cohort's figures are the table's
 * margins, so they agree with what the groups hide. The funnels have their own relations (collector/denominators/
 * publish-funnels.ts).
 */
export function publishRateTable(
  total: RateTally,
  groups: readonly RateTally[] | null,
  rules: DisclosureRules,
): { total: PublishedTally; groups: PublishedTally[] } {
  const rows = groups ?? [total];
  const table = suppressTable(
    { cells: rows.map((t) => RATE_DISPOSITION_CODES.map((c) => t.dispositions[c])) },
    rules,
    undefined,
    {
      // No member had this disposition: nobody to identify, and a rate of the roster needs every count.
      zerosShown: true,
    },
  );
  // Funnel steps that repeat a withheld disposition count: completed is 1.1 unless a completion is on its way.
  const linked = (cells: readonly PublishedCount[]) => (cells[COMPLETE].count === null ? ['completed'] : []);
  const funnels = publishFunnels(total, groups, rules, [
    ...(groups ? table.cells.map(linked) : []),
    linked(table.colTotals),
  ]);
  const publish = (
    cells: readonly PublishedCount[],
    population: PublishedCount,
    f: PublishedFunnel,
  ): PublishedTally => {
    const suppressed: Record<string, Suppression> = { ...f.suppressed };
    const dispositions = {} as Record<DispositionCode, number | null>;
    RATE_DISPOSITION_CODES.forEach((code, c) => {
      dispositions[code] = note(suppressed, code, cells[c]);
    });
    const out: PublishedTally = {
      population: note(suppressed, 'population', population),
      dispositions: dispositions as Counts,
      rates: publishedRates(dispositions, rules),
      funnel: f.funnel,
    };
    return Object.keys(suppressed).length > 0 ? { ...out, suppressed } : out;
  };
  return {
    total: publish(table.colTotals, table.total, funnels.total),
    groups: groups ? groups.map((_, r) => publish(table.cells[r], table.rowTotals[r], funnels.groups[r])) : [],
  };
}

function note(suppressed: Record<string, Suppression>, key: string, cell: PublishedCount): number | null {
  if (cell.suppressed) suppressed[key] = cell.suppressed;
  return cell.count;
}

/**
 * Rates from the published (rounded) counts, as the report's percentages are, so a rate says nothing the counts
 * do not; withheld when a count it uses is hidden or its base is below minPercentBase.
 */
export function publishedRates(counts: Record<DispositionCode, number | null>, rules: DisclosureRules): PublishedRates {
  const shown = Object.fromEntries(Object.entries(counts).map(([c, n]) => [c, n ?? 0]));
  const all = aaporRates(shown);
  const out = {} as Record<keyof PublishedRates, number | null>;
  for (const name of PUBLISHED_RATE_NAMES) {
    const base = RATE_BASE[name];
    const hidden = base.some((c) => counts[c] === null);
    const size = base.reduce((sum, c) => sum + (counts[c] ?? 0), 0);
    out[name] = hidden || size < rules.minPercentBase ? null : all[name];
  }
  return out;
}
