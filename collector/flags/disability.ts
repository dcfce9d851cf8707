import { type Answers, choice, flag } from './answers.ts';
import type { Flag, FlagDoc } from './flag.ts';
import { Q } from './question-ids.ts';

export const DISABILITY_WG_RULE = 'disability.wg-ss@1';
export const DISABILITY_GSS_RULE = 'disability.gss@1';
export type DisabilityInstrument = 'wg-ss' | 'gss';

export const DISABILITY_DOC: FlagDoc = {
  description:
    'Washington Group Short Set: true when any of the six domains is answered "a lot of difficulty" or "cannot do at all"; false when all six are answered with less; empty otherwise. Where the country pack asks the GSS harmonised standard instead (United Kingdom): true for a condition lasting or expected to last 12 months or more that reduces day-to-day activities a lot or a little; false for no such condition, or one that does not reduce them; empty otherwise.',
  reads: [...Q.wgRows, Q.gssCondition, Q.gssReduces],
};

const SEVERE = new Set(['a_lot_of_difficulty', 'cannot_do']);
const MILD = new Set(['no_difficulty', 'some_difficulty']);

/**
 * Washington Group cut-off: at least one domain at "a lot of difficulty" or
 * "cannot do at all". False only when all six domains were answered below it.
 */
function washingtonGroup(answers: Answers): Flag {
  const levels = Q.wgRows.map((id) => choice(answers, id));
  if (levels.some((l) => l !== undefined && SEVERE.has(l))) return flag(true, DISABILITY_WG_RULE);
  if (levels.every((l) => l !== undefined && MILD.has(l))) return flag(false, DISABILITY_WG_RULE);
  return flag(null, DISABILITY_WG_RULE);
}

/** GSS harmonised standard (Equality Act 2010): a long-lasting condition that reduces day-to-day activities a lot or a little. */
function gss(answers: Answers): Flag {
  const condition = choice(answers, Q.gssCondition);
  if (condition === 'no') return flag(false, DISABILITY_GSS_RULE);
  if (condition !== 'yes') return flag(null, DISABILITY_GSS_RULE);
  const reduces = choice(answers, Q.gssReduces);
  if (reduces === undefined) return flag(null, DISABILITY_GSS_RULE);
  return flag(reduces !== 'not_at_all', DISABILITY_GSS_RULE);
}

export function disability(answers: Answers, instrument: DisabilityInstrument): Flag {
  return instrument === 'gss' ? gss(answers) : washingtonGroup(answers);
}
