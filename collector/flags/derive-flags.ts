import type { SurveyDefinition, SurveyResponse } from '../../protocol/index.ts';
import { FLAG_NAMES, type Flags } from './flag.ts';

export type FlagSettings = { includeAsylumSeekers: boolean };

// Placeholder until the rules land (issue 4): every flag unknown.
export function deriveFlags(_survey: SurveyDefinition, _r: SurveyResponse, _settings?: FlagSettings): Flags {
  return Object.fromEntries(FLAG_NAMES.map((n) => [n, { value: null, rule: 'unimplemented' }])) as Flags;
}
