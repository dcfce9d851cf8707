import { type Answers, choice, firstAnswered, flag } from './answers.ts';
import type { Flag, FlagDoc } from './flag.ts';
import { Q } from './question-ids.ts';

export const JOBSEEKER_ILO_RULE = 'jobseeker_ilo.ilo-3q@1';
export const JOBSEEKER_RULE = 'jobseeker.ilo-or-pes@1';

// The questions ask about the time just before the course, not "last week" as the ILO's survey does.
export const JOBSEEKER_ILO_DOC: FlagDoc = {
  description:
    'ILO definition (19th ICLS), asked of the time just before the course: true when the learner had no paid work just before the course, looked for work in the 4 weeks before the course and could have started a job within 2 weeks; false when they had paid work, did not look, or could not have started; empty when unknown.',
  reads: [Q.iloWorked, Q.iloSearched, Q.iloAvailable],
};

export const JOBSEEKER_DOC: FlagDoc = {
  description:
    'True when jobseeker_ilo is true or the learner was registered with the public employment service just before the course (France Travail, Hello Work); false when jobseeker_ilo is false and they were not registered (or their country pack does not ask); empty otherwise, "prefer not to say" included.',
  reads: [Q.iloWorked, Q.iloSearched, Q.iloAvailable, ...Q.pesRegistered],
};

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
