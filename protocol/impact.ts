import type { DisclosureRules, Suppression } from './report.ts';

/**
 * GET /v1/impact (collector/impact/build-impact.ts builds it; the HTML report and the dashboard draw it).
 * Every count has passed disclosure control (k, rounding, complementary suppression); every estimate and
 * interval is computed from the published (rounded) counts, never from exact ones, so a rate says nothing the
 * counts do not. A suppressed count is null and `suppressed` says why.
 */

/** A published count: null where suppressed. */
export type ImpactCount = { count: number | null; suppressed?: Suppression };

/**
 * A proportion numerator / denominator. `estimate` and `ci95` (Wilson score interval, z = 1.959964) are null when
 * either count is suppressed or the published denominator is below minPercentBase.
 */
export type RateCell = {
  numerator: number | null;
  denominator: number | null;
  estimate: number | null;
  ci95: [number, number] | null;
  suppressed?: { numerator?: Suppression; denominator?: Suppression; rate?: 'small_base' };
};

/** A case France Compétences removes from both counts; `asked: false` when the survey has no question for it. */
export type NeutralisedCase = {
  case: 'further_study' | 'work_study' | 'unable_to_work' | 'abroad';
  asked: boolean;
  count: ImpactCount | null;
};

export type InsertionRates = {
  wave: 'm6' | 'm24';
  respondents: ImpactCount;
  neutralised: NeutralisedCase[];
  /** In the job the training leads to: situation in work and work "closely" related to the course. */
  targetJob: RateCell;
  /** In any work (employed, fixed term, self-employed, apprenticeship, internship). */
  inWork: RateCell;
};

export type CareerOutcomes = {
  /** Respondents of the year who report a change and credit the training (career_outcome true). */
  count: ImpactCount;
  /** The yearly target (IMPACT_CAREER_TARGET, default 500,000) and the published count's share of it. */
  target: number;
  shareOfTarget: number | null;
  /** career_outcome true over respondents whose career_outcome is known. */
  rateAmongKnown: RateCell;
  /** NACE: members with a known outcome (situation answered) over the cohort population. */
  knowledgeRate: RateCell | null;
  /** NACE: employed, self-employed, apprenticeship/internship or studying, over known outcomes minus "not seeking". */
  naceCareerOutcomesRate: RateCell | null;
  /** France Compétences, one per wave that has respondents in the year. */
  insertion: InsertionRates[];
};

export type GroupOutcome = {
  /** A flag name (jobseeker, underserved_area, low_education, disability, refugee, any_underserved) or an ethnic group value. */
  group: string;
  whenTrue: RateCell;
  whenFalse: RateCell;
  unknown: ImpactCount;
};

export type EthnicOutcome = {
  /** The question the group comes from, e.g. ethnic_group_gb or race_ethnicity_us. */
  question: string;
  country: string;
  groups: { value: string; outcome: RateCell }[];
};

export type TargetStatus = 'met' | 'not_met' | 'undetermined';

export type UnderservedGroup = {
  group: string;
  /** Share of respondents (with the flag known) for whom the flag is true. */
  share: RateCell;
  /** share × population, with the interval scaled the same way; null without a roster population. */
  estimatedInCohort: { estimate: number; ci95: [number, number] } | null;
  previous: { share: RateCell; estimatedInCohort: { estimate: number; ci95: [number, number] } | null } | null;
  /** Relative change of the estimated number against the previous year, e.g. 0.25 for +25 %. */
  change: number | null;
  status: TargetStatus;
  /** Why the status is what it is, in plain words. */
  statusReason: string;
};

export type CohortWaveRates = { cohort: string; wave: string; population: ImpactCount; rr1: RateCell; rr2: RateCell };

export type NonresponseRow = {
  value: string | null;
  population: ImpactCount;
  respondents: ImpactCount;
  /** Shares in percentage points, from published counts; null when a count is suppressed. */
  populationShare: number | null;
  respondentShare: number | null;
  differencePoints: number | null;
};

export type NonresponseAttribute = { attribute: string; rows: NonresponseRow[]; warning?: string };

export type WeightedFigures = {
  attributes: string[];
  iterations: number;
  converged: boolean;
  /** Weights are capped at this multiple of the mean weight, then raked again. */
  cap: number;
  /** Kish's design effect from the weights' spread: 1 + CV². */
  designEffect: number;
  effectiveN: number;
  /** Weighted estimates, rounded to 0.01 (finer could single out one respondent by differencing), with a Wilson interval on the effective n. */
  rateAmongKnown: { estimate: number; ci95: [number, number] } | null;
  underservedShare: { estimate: number; ci95: [number, number] } | null;
  /** What could not be weighted and why (e.g. a margin cell with no respondent). */
  notes: string[];
};

export type CarbonFigures = {
  model: string;
  bytesPerDisplay: number;
  bytesPerResponse: number;
  gramsPerDisplay: number;
  gramsPerResponse: number;
  displays: number;
  responses: number;
  gramsPerYear: number;
  /** gramsPerYear over the cohort population, or over respondents without a roster (see `perLearnerBase`). */
  gramsPerLearner: number | null;
  perLearnerBase: 'population' | 'respondents';
};

export type ImpactPopulation = {
  cohorts: string[];
  /** Roster members in the year (deduplicated across cohorts). */
  members: ImpactCount;
  /** Respondents of the year (one per learner; an anonymous response counts alone). */
  respondents: ImpactCount;
  /** Respondents on none of the cohorts' rosters. */
  outsideRoster: ImpactCount;
  /** Members with neither completed_at nor enrolled_at, left out when no cohort is named. */
  undatedMembers: number;
};

export type Impact = {
  survey: string;
  year: number;
  generatedAt: string;
  rules: DisclosureRules;
  filters: { cohort?: string; country?: string; course_id?: string; path_id?: string };
  population: ImpactPopulation;
  careerOutcomes: CareerOutcomes;
  byGroup: GroupOutcome[];
  byEthnicGroup: EthnicOutcome[];
  underserved: UnderservedGroup[];
  responseRates: CohortWaveRates[];
  nonresponse: NonresponseAttribute[];
  weighted?: WeightedFigures;
  carbon: CarbonFigures;
  /** Plain-language notes on how each figure was made (the methods section is generated from these and the data). */
  methods: { id: string; title: string; text: string }[];
};
