import type { PublishedCount } from '../report/disclosure-control.ts';
import type { Respondent } from './impact-respondents.ts';

/** Figure path → the sorted response ids behind a published numerator (CIRR: every statistic backed by records). */
export type Evidence = Map<string, string[]>;

/** Records the respondents behind a count when it is published; a withheld count has no evidence to give. */
export function addEvidence(
  evidence: Evidence,
  path: string,
  published: PublishedCount,
  respondents: Iterable<Respondent>,
): void {
  if (published.count === null) return;
  const ids: string[] = [];
  for (const r of respondents) ids.push(...r.responseIds);
  evidence.set(path, ids.sort());
}
