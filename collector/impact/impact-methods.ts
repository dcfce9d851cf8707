import type { Impact, ImpactCount, SurveyDefinition } from '../../protocol/index.ts';
import { FLAG_DESCRIPTIONS } from '../export/flag-descriptions.ts';
import { ETHNIC_COUNTRY } from './ethnic-outcomes.ts';
import { IMPACT_GROUPS } from './impact-groups.ts';
import { ETHNIC_QUESTIONS } from './impact-respondents.ts';

type Method = Impact['methods'][number];

const count = (c: ImpactCount) => (c.count === null ? 'withheld (too few to show)' : c.count.toLocaleString('en'));
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const ETHNIC_NAMES: Record<(typeof ETHNIC_QUESTIONS)[number], string> = {
  ethnic_group_gb: 'the England and Wales census question',
  ethnic_group_sct: 'the Scotland census question',
  ethnic_group_nir: 'the Northern Ireland census question',
  race_ethnicity_us: 'the US combined race and ethnicity question (SPD 15, 2024)',
};

const GROUP_NAMES: Record<(typeof IMPACT_GROUPS)[number], string> = {
  jobseeker: 'Jobseekers',
  underserved_area: 'People in underserved areas',
  low_education: 'People with a low level of education',
  disability: 'People with a disability',
  refugee: 'Refugees',
  any_underserved: 'Any underserved group',
};

function population(impact: Impact): Method {
  const p = impact.population;
  const cohorts =
    p.cohorts.length === 0 ? 'no cohort roster' : `the roster${p.cohorts.length > 1 ? 's' : ''} of ${list(p.cohorts)}`;
  const filters = Object.entries(impact.filters).map(([k, v]) => `${k.replace('_id', '')} ${v}`);
  const parts = [
    `The population of ${impact.year} is every learner on ${cohorts} who completed (or, without a completion date, enrolled) in ${impact.year}, each counted once: ${count(p.members)} learners.`,
    `Respondents are the learners who answered the survey "${impact.survey}" in ${impact.year}, one per learner (the latest complete answer is kept): ${count(p.respondents)}.`,
  ];
  if (filters.length > 0) parts.push(`Only ${list(filters)} ${filters.length > 1 ? 'are' : 'is'} included.`);
  if (p.outsideRoster.count === null)
    parts.push(
      `The number of respondents on no roster read is withheld (fewer than ${impact.rules.minCell}, perhaps none): they count among respondents but in no rate over the population.`,
    );
  else if (p.outsideRoster.count > 0)
    parts.push(
      `${count(p.outsideRoster)} ${p.outsideRoster.count === 1 ? 'respondent is' : 'respondents are'} on no roster read: they count among respondents but in no rate over the population.`,
    );
  if (p.undatedMembers > 0)
    parts.push(
      `${p.undatedMembers.toLocaleString('en')} roster ${p.undatedMembers === 1 ? 'member has' : 'members have'} neither a completion nor an enrolment date and ${p.undatedMembers === 1 ? 'is' : 'are'} left out, since no year can be given; name the cohort to include them.`,
    );
  if (p.cohorts.length === 0)
    parts.push(
      'Without a roster nobody knows how many learners should have answered: rates over the population, the response rates, the non-response check and the weights cannot be given.',
    );
  return { id: 'population', title: 'Who is counted', text: parts.join(' ') };
}

function responseRates(impact: Impact): Method {
  const rates = impact.responseRates
    .filter((r) => r.rr1.estimate !== null)
    .map((r) => `${r.cohort}, ${r.wave}: RR1 ${(100 * (r.rr1.estimate as number)).toFixed(1)} %`);
  return {
    id: 'response_rates',
    title: 'Response rates',
    text: [
      'Each roster member gets one final disposition per survey wave under the AAPOR Standard Definitions: complete (1.1), partial (1.2, at least half of the questions that applied answered), refusal (2.11, declined or asked not to be asked again), break-off (2.12), never shown (2.20), not classified (3.90) or not yet due (4.10), from the contact events the widget records.',
      'RR1 is completes over every member; RR2 counts partials too. A roster makes every member eligible, so e = 1 and RR3 and RR4 equal RR1 and RR2.',
      rates.length > 0 ? `This year: ${rates.join('; ')}.` : 'No response rate could be given for this year.',
    ].join(' '),
  };
}

function suppression(impact: Impact): Method {
  const r = impact.rules;
  return {
    id: 'suppression',
    title: 'Small numbers',
    text: `No count below ${r.minCell} people is shown, shown counts are rounded to the nearest ${r.roundTo}, and no rate is given on fewer than ${r.minPercentBase} people. When one cell of a table is withheld, another is withheld with it so that the first cannot be worked out from the total. Rates and intervals are computed from the published (rounded) counts, so they say nothing the counts do not. Intervals are 95 % Wilson score intervals.`,
  };
}

function careerOutcome(impact: Impact): Method {
  const c = impact.careerOutcomes;
  return {
    id: 'career_outcome',
    title: 'A career outcome',
    text: `${FLAG_DESCRIPTIONS.career_outcome} This is the school's own definition; the target is ${c.target.toLocaleString('en')} career outcomes a year. NACE's knowledge rate is the members whose situation is known over the population; its career-outcomes rate counts those in work of any kind, in an apprenticeship or internship, or in further study, over those known minus those not seeking work. France Compétences' insertion rates at 6 and 24 months count those in the job the training leads to (in work, closely related to the course) and those in any work, after removing from both counts those in further study, in work-study, unable to work or abroad (a case the survey does not ask is said to be not asked).`,
  };
}

function groups(): Method {
  const lines = IMPACT_GROUPS.map((g) => `${GROUP_NAMES[g]}: ${FLAG_DESCRIPTIONS[g] ?? ''}`);
  return {
    id: 'groups',
    title: 'The underserved groups',
    text: `Each group is the learner's own answer, never a guess. ${lines.join(' ')} A learner whose answer is unknown is counted as unknown, never as outside the group.`,
  };
}

function ethnic(impact: Impact, survey: SurveyDefinition): Method {
  const asked = ETHNIC_QUESTIONS.filter((q) => survey.questions.some((s) => s.id === q));
  const countries = [...new Set(asked.map((q) => ETHNIC_COUNTRY[q]))].sort();
  const shown = impact.byEthnicGroup.map(
    (t) => ETHNIC_NAMES[t.question as (typeof ETHNIC_QUESTIONS)[number]] ?? t.question,
  );
  return {
    id: 'ethnic_background',
    title: 'Ethnic background',
    text: [
      countries.length === 0
        ? 'The survey asks no ethnic-background question.'
        : `Ethnic background is asked only of learners in ${list(countries.map((c) => ({ GB: 'the United Kingdom', US: 'the United States' })[c] ?? c))}, with the national standard question (${list(asked.map((q) => ETHNIC_NAMES[q]))}), behind a consent of its own and always optional with "prefer not to say".`,
      'Elsewhere it is not asked: in France and most of the European Union, recording racial or ethnic origin is special-category data that national practice and law do not allow a school survey to collect, and there is no national standard to compare with.',
      shown.length > 0 ? `Tables are given for ${list(shown)}.` : 'No ethnic-group table has respondents this year.',
    ].join(' '),
  };
}

function underserved(): Method {
  return {
    id: 'underserved_target',
    title: 'The +20 % target',
    text: 'The estimated number of underserved learners is the share of respondents in the group times the population, with the share’s interval scaled the same way. The target is met when the lower end of this year’s interval is at least 1.2 times the upper end of last year’s, not met when the upper end is below 1.2 times the lower end, and undetermined when the intervals overlap the target or either year has no roster (respondent counts cannot say how many learners are underserved).',
  };
}

function weighting(impact: Impact): Method {
  const w = impact.weighted;
  if (!w)
    return {
      id: 'weighting',
      title: 'Weighting',
      text: 'The figures are not weighted: each respondent counts once. Weights can be asked for (weights=country or another roster column) to rake respondents to the roster’s margins.',
    };
  return {
    id: 'weighting',
    title: 'Weighting',
    text: `Weighted figures rake respondents to the roster’s margins on ${list(w.attributes)} by iterative proportional fitting (stopping when no margin is off by more than one part in a million), with weights capped at ${w.cap} times the mean; ${w.converged ? `it converged in ${w.iterations} iteration${w.iterations === 1 ? '' : 's'}` : `it did not converge in ${w.iterations} iterations, so the weighted figures are indicative only`}. The design effect from the weights’ spread is ${w.designEffect} (an effective sample of ${w.effectiveN.toLocaleString('en')}); weighted intervals use the effective sample. Weighted estimates are rounded to 0.01.${w.notes.length > 0 ? ` ${w.notes.join(' ')}` : ''}`,
  };
}

function nonresponse(impact: Impact): Method {
  const warnings = impact.nonresponse.flatMap((a) => (a.warning ? [a.warning] : []));
  return {
    id: 'nonresponse',
    title: 'Do respondents look like the population?',
    text: `For every roster column, the share of each value among the population and among respondents is compared. When the response rate is under 80 % and a share differs by more than 5 points, the figures may not hold for everyone and a warning is given (the US federal practice of a non-response bias analysis under 80 %). ${warnings.length > 0 ? warnings.join(' ') : 'No warning this year.'}`,
  };
}

function carbon(impact: Impact): Method {
  const c = impact.carbon;
  return {
    id: 'carbon',
    title: 'Carbon',
    text: `Grams CO2e from the ${c.model}: ${c.bytesPerDisplay === 0 ? 'the bytes sent to show the first question are unknown and counted as 0 (the widget build was not found where WIDGET_DIST says)' : `${c.bytesPerDisplay.toLocaleString('en')} bytes sent to show the first question`}, ${c.bytesPerResponse.toLocaleString('en')} bytes per response sent back, over ${c.displays.toLocaleString('en')} displays and ${c.responses.toLocaleString('en')} responses in the whole year (filters aside). Per learner is over the ${c.perLearnerBase === 'population' ? 'population' : 'respondents, since no roster gives the population'}.`,
  };
}

const EVIDENCE: Method = {
  id: 'evidence',
  title: 'Checking a figure',
  text: 'Every published count is backed by the response ids behind it (npm run impact-report -- --evidence DIR writes them with a SHA-256 manifest), so an auditor can recompute any figure from the export.',
};

/** How each figure was made, in plain words from the figures themselves (docs/impact.md "Figures and definitions"). */
export function impactMethods(impact: Impact, survey: SurveyDefinition): Impact['methods'] {
  return [
    population(impact),
    responseRates(impact),
    suppression(impact),
    careerOutcome(impact),
    groups(),
    ethnic(impact, survey),
    underserved(),
    nonresponse(impact),
    weighting(impact),
    carbon(impact),
    EVIDENCE,
  ];
}
