import { IMPACT_GROUPS } from '../../../collector/impact/impact-groups.ts';
import type { Respondent } from '../../../collector/impact/impact-respondents.ts';
import type { JoinedMember } from '../../../collector/impact/year-data.ts';
import type { StoredMember } from '../../../collector/storage/denominator-storage.ts';

export type Spec = {
  n: number;
  member?: Partial<StoredMember>;
  /** Absent: members who did not respond. */
  respondent?: { outcome?: boolean | null; underserved?: boolean | null };
};

let counter = 0;

/** A population joined to its respondents, built directly (no storage): `n` members per spec. */
export function populationOf(specs: readonly Spec[]): JoinedMember[] {
  return specs.flatMap((spec) =>
    Array.from({ length: spec.n }, () => {
      const learnerHash = `m${++counter}`;
      const m: JoinedMember = { cohort: 'c', learnerHash, member: { learnerHash, attrs: {}, ...spec.member } };
      if (!spec.respondent) return m;
      const groups = Object.fromEntries(IMPACT_GROUPS.map((g) => [g, null])) as Respondent['groups'];
      groups.any_underserved = spec.respondent.underserved ?? null;
      const respondent: Respondent = {
        learnerHash,
        responseIds: [`r-${learnerHash}`],
        careerOutcome: spec.respondent.outcome ?? null,
        groups,
        ethnic: {},
        keptAt: '2026-06-15T10:00:00.000Z',
        keptId: `r-${learnerHash}`,
      };
      return { ...m, respondent };
    }),
  );
}
