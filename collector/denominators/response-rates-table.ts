import type { Funnel, RateGroup, ResponseRates } from '../../protocol/index.ts';
import { PUBLISHED_RATE_NAMES, RATE_DISPOSITION_CODES } from '../../protocol/index.ts';

/** What each disposition code means, for a reader of the table (the codebook gives the rule behind each). */
const CODE_LABELS: Record<(typeof RATE_DISPOSITION_CODES)[number] | 'outside_roster', string> = {
  '1.1': 'complete',
  '1.2': 'partial',
  '2.11': 'refusal',
  '2.12': 'break-off',
  '2.20': 'non-contact',
  '3.30': 'invitation returned undelivered',
  '3.90': 'cannot be classified',
  '4.10': 'not yet eligible',
  outside_roster: 'answered, not on the roster (in no rate)',
};

/** A withheld figure: a dash, never a zero, explained once under the tables. */
const WITHHELD = '–';

/** Formats figures and remembers whether any was withheld, so the note appears only when needed. */
class Cells {
  withheld = false;
  count(n: number | null): string {
    return n === null ? this.dash() : String(n);
  }
  rate(r: number | null): string {
    return r === null ? this.dash() : r.toFixed(4);
  }
  private dash(): string {
    this.withheld = true;
    return WITHHELD;
  }
}

/**
 * The body of GET /v1/response-rates as plain-text tables for a terminal: dispositions, rates to four decimals,
 * the funnel, and one row per group when broken down (`by` names the group column).
 */
export function responseRatesTable(r: ResponseRates, by = 'group'): string {
  const f = new Cells();
  const codes = Object.keys(CODE_LABELS) as (keyof typeof CODE_LABELS)[];
  const out = [
    `Survey ${r.survey}, cohort ${r.cohort}, wave ${r.wave}: population ${f.count(r.population)}`,
    '',
    ...columns(
      ['disposition', 'meaning', 'members'],
      codes.map((code) => [code, CODE_LABELS[code], f.count(r.dispositions[code])]),
      2,
    ),
    '',
    ...columns(
      ['rate', 'value'],
      PUBLISHED_RATE_NAMES.map((name) => [name, f.rate(r.rates[name])]),
    ),
    '',
    ...columns(['funnel', 'members'], funnelRows(r.funnel, f)),
  ];
  if (r.groups.length > 0) out.push('', ...groupTable(r.groups, by, f));
  if (f.withheld) out.push('', `${WITHHELD} withheld by disclosure control (MIN_CELL, MIN_PERCENT_BASE) or no base`);
  return `${out.join('\n')}\n`;
}

function funnelRows(funnel: Funnel, f: Cells): string[][] {
  return [
    ['shown', f.count(funnel.shown)],
    ['started', f.count(funnel.started)],
    ...funnel.progress.map((p) => [`answered ${p.answered}+`, f.count(p.members)]),
    ['completed', f.count(funnel.completed)],
  ];
}

function groupTable(groups: readonly RateGroup[], by: string, f: Cells): string[] {
  return columns(
    [by, 'population', ...RATE_DISPOSITION_CODES, 'RR1', 'RR2'],
    groups.map((g) => [
      g.value ?? '(empty)',
      f.count(g.population),
      ...RATE_DISPOSITION_CODES.map((c) => f.count(g.dispositions[c])),
      f.rate(g.rates.RR1),
      f.rate(g.rates.RR2),
    ]),
  );
}

/** Left-aligns the first `left` columns (labels) and right-aligns the others (figures), each as wide as its widest cell. */
function columns(header: readonly string[], rows: readonly (readonly string[])[], left = 1): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c].length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => (c < left ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}
