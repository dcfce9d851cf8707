import { type Answers, choice, firstAnswered, flag } from './answers.ts';
import type { Flag } from './flag.ts';
import { Q } from './question-ids.ts';

export const JOBSEEKER_ILO_RULE = 'jobseeker_ilo.ilo-3q@1';
export const JOBSEEKER_RULE = 'jobseeker.ilo-or-pes@1';

/** ILO (19th ICLS): not in work, searched in the last 4 weeks, and available within 2 weeks. */
export function jobseekerIlo(answers: Answers): Flag {
  const worked = choice(answers, Q.iloWorked);
  if (worked === 'yes') return flag(false, JOBSEEKER_ILO_RULE);
  if (worked !== 'no') return flag(null, JOBSEEKER_ILO_RULE);
  const searched = choice(answers, Q.iloSearched);
  if (searched === 'no') return flag(false, JOBSEEKER_ILO_RULE);
  if (searched !== 'yes') return flag(null, JOBSEEKER_ILO_RULE);
  const available = choice(answers, Q.iloAvailable);
  if (available === undefined) return flag(null, JOBSEEKER_ILO_RULE);
  return flag(available === 'yes', JOBSEEKER_ILO_RULE);
}

/**
 * ILO jobseeker, or registered with the public employment service (France Travail,
 * Hello Work). `asksRegistration` is false where the country pack has no such
 * question: there, the ILO answer alone decides.
 */
export function jobseeker(answers: Answers, asksRegistration: boolean): Flag {
  const ilo = jobseekerIlo(answers).value;
  const registeredId = firstAnswered(answers, Q.pesRegistered);
  const registered = registeredId ? choice(answers, registeredId) : undefined;
  if (ilo === true || registered === 'yes') return flag(true, JOBSEEKER_RULE);
  if (ilo === false && (registered === 'no' || (!asksRegistration && !registeredId)))
    return flag(false, JOBSEEKER_RULE);
  return flag(null, JOBSEEKER_RULE);
}
