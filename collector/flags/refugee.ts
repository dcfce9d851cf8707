import { type Answers, choice, firstAnswered, flag } from './answers.ts';
import type { Flag, FlagDoc } from './flag.ts';
import { Q } from './question-ids.ts';

/** Any international or national protection status, across the country lists (US asylee, TPS and parole included). */
const PROTECTED = new Set([
  'refugee',
  'subsidiary_protection',
  'complementary_protection',
  'temporary_protection',
  'asylee',
  'tps',
  'parole',
]);
export const ASYLUM_PENDING = 'asylum_pending';

export const REFUGEE_DOC: FlagDoc = {
  description:
    'True for a refugee, subsidiary, complementary or temporary protection status (in the United States also asylee, TPS or parole); for a pending asylum claim, true only when the deployment counts asylum seekers (its rule id then ends in +asylum-pending), else false; false for any other status; empty when not answered or "prefer not to say".',
  reads: Q.protection,
};

/** The setting is part of the rule's name, so figures made under different settings are never mixed up. */
export const refugeeRule = (includeAsylumSeekers: boolean) =>
  `refugee.protection@1${includeAsylumSeekers ? '+asylum-pending' : ''}`;

export function refugee(answers: Answers, includeAsylumSeekers: boolean): Flag {
  const rule = refugeeRule(includeAsylumSeekers);
  const id = firstAnswered(answers, Q.protection);
  const status = id ? choice(answers, id) : undefined;
  if (status === undefined) return flag(null, rule);
  if (status === ASYLUM_PENDING) return flag(includeAsylumSeekers, rule);
  return flag(PROTECTED.has(status), rule);
}
