import { describe, expect, it } from 'vitest';
import { CONSENT } from '../../../../widget/ui/flow/flow-path.ts';
import {
  type FlowEvent,
  type FlowState,
  initialFlowState,
  surveyFlow,
} from '../../../../widget/ui/flow/survey-flow.ts';
import { harnessSurvey } from '../../../e2e/fixtures/ui-harness-survey.ts';

const questions = harnessSurvey('en').questions;
const run = (events: FlowEvent[], from: FlowState = initialFlowState(questions)) => events.reduce(surveyFlow, from);
const where = (s: FlowState) => (s.screen === 'step' ? s.step : s.screen);

const start: FlowEvent = { type: 'start' };
const next: FlowEvent = { type: 'next' };
const back: FlowEvent = { type: 'back' };
const set = (key: string, value: FlowState['answers'][string] | undefined): FlowEvent => ({ type: 'set', key, value });
const agree: FlowEvent = { type: 'consent', agree: true };
const decline: FlowEvent = { type: 'consent', agree: false };
/** Answers every non-sensitive question up to the consent screen, with a change so "started" shows. */
const toConsent: FlowEvent[] = [
  start,
  set('situation', 'employed'),
  next,
  set('changes', ['new_job']),
  next,
  set('started', '2024-03'),
  next,
  next,
  next,
  next,
];
const toCheck: FlowEvent[] = [
  ...toConsent,
  agree,
  set('jobseeker', 'no'),
  next,
  set('wg_seeing', 'no_difficulty'),
  next,
];

describe('surveyFlow moves between screens', () => {
  it.each<[string, FlowEvent[], string | undefined]>([
    ['start opens the first question', [start], 'situation'],
    ['next on a required question left empty stays put', [start, next], 'situation'],
    ['next goes to the following question', [start, set('situation', 'employed'), next], 'changes'],
    [
      'branching skips a question whose condition fails',
      [start, set('situation', 'employed'), next, set('changes', ['none']), next],
      'helped',
    ],
    [
      'branching shows a question whose condition holds',
      [start, set('situation', 'employed'), next, set('changes', ['promotion']), next],
      'started',
    ],
    ['an optional question can be left empty', [start, set('situation', 'looking'), next, next], 'helped'],
    ['the consent screen comes before the first sensitive question', toConsent, CONSENT],
    ['agreeing goes to the first sensitive question', [...toConsent, agree], 'jobseeker'],
    ['declining skips every sensitive question', [...toConsent, decline], 'check'],
    ['the last question leads to check-your-answers', toCheck, 'check'],
    ['back from the first question returns to the intro', [start, back], 'intro'],
    ['back returns to the previous question', [start, set('situation', 'employed'), next, back], 'situation'],
    [
      'back skips a question hidden by branching',
      [start, set('situation', 'employed'), next, set('changes', ['none']), next, back],
      'changes',
    ],
    ['back from a sensitive question returns to consent', [...toConsent, agree, back], CONSENT],
    ['back from check returns to the last question', [...toCheck, back], 'wg'],
    ['back from check after declining returns to consent', [...toConsent, decline, back], CONSENT],
    ['change opens the question from check', [...toCheck, { type: 'change', step: 'hours' }], 'hours'],
    [
      'next after a change returns to check',
      [...toCheck, { type: 'change', step: 'hours' }, set('hours', '12'), next],
      'check',
    ],
    ['back after a change returns to check', [...toCheck, { type: 'change', step: 'hours' }, back], 'check'],
    [
      'a change that opens a new branch asks it before check',
      [
        start,
        set('situation', 'employed'),
        next,
        set('changes', ['none']),
        next,
        next,
        next,
        next,
        decline,
        { type: 'change', step: 'changes' },
        set('changes', ['promotion']),
        next,
      ],
      'started',
    ],
    [
      'after the new branch, next returns to check',
      [
        start,
        set('situation', 'employed'),
        next,
        set('changes', ['none']),
        next,
        next,
        next,
        next,
        decline,
        { type: 'change', step: 'changes' },
        set('changes', ['promotion']),
        next,
        next,
      ],
      'check',
    ],
    [
      'changing consent to yes asks the sensitive questions not seen yet',
      [...toConsent, decline, { type: 'change', step: CONSENT }, agree],
      'jobseeker',
    ],
    ['submit from check sends', [...toCheck, { type: 'submit' }], 'sending'],
    [
      'a sent response shows the confirmation',
      [...toCheck, { type: 'submit' }, { type: 'submitted', outcome: 'saved' }],
      'done',
    ],
    ['a failed send returns to check', [...toCheck, { type: 'submit' }, { type: 'submitFailed' }], 'check'],
    ['not now closes from the intro', [{ type: 'dismiss', reason: 'not_now' }], 'closed'],
    ["don't ask again closes from the intro", [{ type: 'dismiss', reason: 'never' }], 'closed'],
    ['escape closes mid-survey', [start, { type: 'dismiss', reason: 'closed' }], 'closed'],
    ['submitted is ignored unless sending', [...toCheck, { type: 'submitted', outcome: 'sent' }], 'check'],
    ['start is ignored after the intro', [start, set('situation', 'employed'), next, start], 'changes'],
    ['consent is ignored away from the consent screen', [start, agree], 'situation'],
  ])('%s', (_name, events, expected) => {
    expect(where(run(events))).toBe(expected);
  });
});

describe('surveyFlow keeps and shapes answers', () => {
  it('keeps answers when going back and forward', () => {
    const s = run([start, set('situation', 'employed'), next, set('changes', ['new_job']), back, back, start]);
    expect(s.answers).toEqual({ situation: 'employed', changes: ['new_job'] });
  });

  it.each<[string, string[], string, boolean, string[]]>([
    ['an ordinary option joins the others', ['new_job'], 'promotion', true, ['new_job', 'promotion']],
    ['the exclusive option clears the others', ['new_job', 'promotion'], 'none', true, ['none']],
    ['an ordinary option clears the exclusive one', ['none'], 'new_job', true, ['new_job']],
    ['unticking removes only that option', ['new_job', 'promotion'], 'new_job', false, ['promotion']],
  ])('toggle: %s', (_name, before, option, checked, after) => {
    const s = run([start, set('changes', before), { type: 'toggle', question: 'changes', option, checked }]);
    expect(s.answers.changes).toEqual(after);
  });

  it('unticking the last option leaves the question unanswered', () => {
    const s = run([
      start,
      set('changes', ['new_job']),
      { type: 'toggle', question: 'changes', option: 'new_job', checked: false },
    ]);
    expect(s.answers).not.toHaveProperty('changes');
  });

  it('declining consent drops sensitive answers given before', () => {
    const s = run([...toCheck, { type: 'change', step: CONSENT }, decline]);
    expect(s.consent).toBe(false);
    expect(Object.keys(s.answers)).not.toContain('jobseeker');
    expect(Object.keys(s.answers)).not.toContain('wg_seeing');
  });

  it('records why the learner left, so the host can stop asking after "don\'t ask again"', () => {
    expect(run([{ type: 'dismiss', reason: 'never' }]).dismissed).toBe('never');
  });

  it('stores a typed number as a number once checked', () => {
    expect(run([...toConsent.slice(0, 8), set('hours', ' 12,5 '), next]).answers.hours).toBe(12.5);
  });
});

describe('surveyFlow reports errors on Continue', () => {
  it.each<[string, FlowEvent[], { field: string; message: string }]>([
    ['a required choice left empty', [start, next], { field: 'situation', message: 'errChoose' }],
    [
      'a number that is not one',
      [...toConsent.slice(0, 8), set('hours', 'ten'), next],
      { field: 'hours', message: 'errNumber' },
    ],
    [
      'a number out of range',
      [...toConsent.slice(0, 8), set('hours', '99'), next],
      { field: 'hours', message: 'errRange' },
    ],
    [
      'a month without a year',
      [...toConsent.slice(0, 6), set('started', '-03'), next],
      { field: 'started.year', message: 'errMonthYear' },
    ],
    [
      'a year without a month',
      [...toConsent.slice(0, 6), set('started', '2024-'), next],
      { field: 'started', message: 'errMonthYear' },
    ],
    [
      'a month with an impossible year',
      [...toConsent.slice(0, 6), set('started', '24-03'), next],
      { field: 'started.year', message: 'errMonthYear' },
    ],
    [
      'text over the limit',
      [...toConsent.slice(0, 9), set('comment', 'x'.repeat(201)), next],
      { field: 'comment', message: 'errTooLong' },
    ],
  ])('%s', (_name, events, error) => {
    const s = run(events);
    expect(s.error).toMatchObject(error);
    expect(s.screen).toBe('step');
  });

  it('clears the error once the answer is fixed', () => {
    const s = run([start, next, set('situation', 'employed'), next]);
    expect(s.error).toBeUndefined();
    expect(where(s)).toBe('changes');
  });
});

describe('surveyFlow events are data', () => {
  it.each<[string, FlowEvent[]]>([
    ['a walk to check-your-answers', toCheck],
    [
      'a walk through an error, a change and sending',
      [
        ...toCheck,
        { type: 'change', step: 'hours' },
        set('hours', 'x'),
        next,
        set('hours', '3'),
        next,
        { type: 'submit' },
        { type: 'submitted', outcome: 'sent' },
      ],
    ],
    ['declining consent, then leaving', [...toConsent, decline, { type: 'dismiss', reason: 'closed' }]],
  ])('replays %s from its JSON log to the same state', (_name, events) => {
    const replayed = JSON.parse(JSON.stringify(events)) as FlowEvent[];
    expect(run(replayed)).toEqual(run(events));
  });
});
