import { describe, expect, it } from 'vitest';
import { JOBSEEKER_ILO_RULE, JOBSEEKER_RULE, jobseeker, jobseekerIlo } from '../../../collector/flags/jobseeker.ts';

const P = 'prefer_not_to_say';

describe('jobseekerIlo', () => {
  it.each([
    ['not working, searched, available', { ilo_worked: 'no', ilo_searched: 'yes', ilo_available: 'yes' }, true],
    ['not working, searched, not available', { ilo_worked: 'no', ilo_searched: 'yes', ilo_available: 'no' }, false],
    ['not working, not searching', { ilo_worked: 'no', ilo_searched: 'no' }, false],
    ['working, whatever else was left over', { ilo_worked: 'yes', ilo_searched: 'yes', ilo_available: 'yes' }, false],
    ['work refused', { ilo_worked: P }, null],
    ['search refused', { ilo_worked: 'no', ilo_searched: P }, null],
    ['availability refused', { ilo_worked: 'no', ilo_searched: 'yes', ilo_available: P }, null],
    ['availability unanswered', { ilo_worked: 'no', ilo_searched: 'yes' }, null],
    ['search unanswered', { ilo_worked: 'no' }, null],
    ['nothing answered', {}, null],
  ])('gives %s → %s', (_name, answers, value) => {
    expect(jobseekerIlo(answers)).toEqual({ value, rule: JOBSEEKER_ILO_RULE });
  });
});

describe('jobseeker', () => {
  const ilo = { ilo_worked: 'no', ilo_searched: 'yes', ilo_available: 'yes' };
  const notIlo = { ilo_worked: 'yes' };
  it.each([
    ['ILO jobseeker, no registration question', ilo, false, true],
    ['not ILO, no registration question', notIlo, false, false],
    ['ILO unknown, no registration question', {}, false, null],
    ['registered with France Travail though working', { ...notIlo, pes_registered_fr: 'yes' }, true, true],
    ['registered with Hello Work, ILO refused', { ilo_worked: P, pes_registered_jp: 'yes' }, true, true],
    ['not ILO and not registered', { ...notIlo, pes_registered_fr: 'no' }, true, false],
    ['not ILO, registration unknown to the learner', { ...notIlo, pes_registered_fr: 'dont_know' }, true, null],
    ['not ILO, registration refused', { ...notIlo, pes_registered_fr: P }, true, null],
    ['not ILO, registration asked but unanswered', notIlo, true, null],
    ['ILO unknown, not registered', { pes_registered_fr: 'no' }, true, null],
  ])('gives %s → %s', (_name, answers, asksRegistration, value) => {
    expect(jobseeker(answers, asksRegistration)).toEqual({ value, rule: JOBSEEKER_RULE });
  });
});
