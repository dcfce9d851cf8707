// The words the response-rates section prints: pure functions of GET /v1/response-rates' answer (protocol/response-rates.ts).
import { formatNumber, formatPercent, withN } from './format.js';
import { withheldReason } from './labels.js';

/** The dispositions in the order of docs/denominators.md, in plain words with their AAPOR codes. */
export const DISPOSITIONS = [
  ['1.1', 'Complete (1.1)'],
  ['1.2', 'Partial (1.2)'],
  ['2.11', 'Refusal (2.11)'],
  ['2.12', 'Break-off (2.12)'],
  ['2.20', 'Never shown (2.20)'],
  ['3.30', 'Invitation undelivered (3.30)'],
  ['3.90', 'Not classified (3.90)'],
  ['4.10', 'Not yet due (4.10)'],
  ['outside_roster', 'Not on the roster'],
];

/** The widget's default schedule (collector/denominators/wave-schedule.ts DEFAULT_SCHEDULE) and the prompt outside it. */
export const WAVES = [
  ['m0', 'm0: at completion'],
  ['m6', 'm6: 6 months after completion'],
  ['m12', 'm12: 12 months after completion'],
  ['once', 'once: a prompt outside the wave schedule'],
];

/** The roster columns a rate can be split by without knowing the school's attr_ columns. */
export const SPLITS = [
  ['', 'Whole cohort'],
  ['country', 'Country'],
  ['course_id', 'Course'],
  ['path_id', 'Path'],
];

export const HEADLINE_RATES = [
  ['RR1', 'Completes over every eligible member of the roster (partials count as non-response).'],
  ['RR2', 'Completes and partials over every eligible member of the roster.'],
];

/** A withheld figure and why, from the answer's `suppressed` record; a rate may be withheld for its small base alone. */
export function withheldText(suppressed, key, rules) {
  const reason = suppressed?.[key];
  if (reason) return withheldReason(reason, rules);
  return `withheld: a withheld count, or fewer than ${rules?.minPercentBase ?? 'the minimum number of'} eligible members`;
}

export const countFigure = (value, suppressed, key, rules) =>
  value === null ? withheldText(suppressed, key, rules) : formatNumber(value);

/** Members a rate is out of: the roster less those not yet due (4.10), who are not eligible yet. */
export const eligible = (population, dispositions) =>
  population === null || dispositions['4.10'] === null ? null : population - dispositions['4.10'];

/** A rate between 0 and 1 as a percentage to one decimal, with the eligible members it is out of. */
export const rateFigure = (value, suppressed, key, rules, n) =>
  value === null ? withheldText(suppressed, key, rules) : withN(formatPercent(value * 100, 1), n);

/**
 * The funnel's steps in order (shown, started, each number of questions answered, completed), each with its
 * drop-off: members who reached the step before and not this one. Completed is compared with started, since a
 * learner may complete without a progress event for every question.
 */
export function funnelSteps(funnel, suppressed, rules) {
  const steps = [
    { key: 'shown', label: 'Shown', value: funnel.shown, before: null },
    { key: 'started', label: 'Started', value: funnel.started, before: 'shown' },
  ];
  let before = 'started';
  for (const { answered, members } of funnel.progress) {
    const key = `answered:${answered}`;
    const label = `Answered ${answered} question${answered === 1 ? '' : 's'}`;
    steps.push({ key, label, value: members, before });
    before = key;
  }
  steps.push({ key: 'completed', label: 'Completed', value: funnel.completed, before: 'started' });
  const members = new Map(steps.map((s) => [s.key, s.value]));
  return steps.map((s) => {
    const previous = s.before === null ? null : members.get(s.before);
    const dropOff = s.before === null || previous === null || s.value === null ? null : previous - s.value;
    return {
      key: s.key,
      label: s.label,
      value: s.value,
      text: countFigure(s.value, suppressed, s.key, rules),
      dropOffText: s.before === null ? 'first step' : dropOff === null ? 'withheld' : formatNumber(dropOff),
    };
  });
}
