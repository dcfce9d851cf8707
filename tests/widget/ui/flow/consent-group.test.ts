import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ResolvedQuestion, resolveSurvey, SurveyDefinition } from '../../../../protocol/index.ts';
import { agreedGroups, answersToSend } from '../../../../widget/ui/flow/answers-to-send.ts';
import { CONSENT, flowPath, groupStep, isQuestionStep } from '../../../../widget/ui/flow/flow-path.ts';
import {
  type FlowEvent,
  type FlowState,
  initialFlowState,
  surveyFlow,
} from '../../../../widget/ui/flow/survey-flow.ts';

// Issue 4: ethnicity questions wait behind a consent screen of their own, after the
// general consent to sensitive questions; declining it skips the group only.
const choice = (...ids: string[]) => ids.map((id) => ({ id, label: id }));
const questions: ResolvedQuestion[] = [
  {
    id: 'situation',
    kind: 'single_choice',
    text: 'Situation?',
    required: true,
    options: choice('employed', 'looking'),
  },
  { id: 'area', kind: 'single_choice', text: 'Area?', sensitive: true, options: choice('yes', 'no') },
  {
    id: 'ethnic_group',
    kind: 'single_choice',
    text: 'Ethnic group?',
    sensitive: true,
    consentGroup: 'ethnicity',
    options: choice('asian', 'white', 'prefer_not_to_say'),
  },
  {
    id: 'ethnic_asian',
    kind: 'single_choice',
    text: 'Asian background?',
    sensitive: true,
    consentGroup: 'ethnicity',
    showIf: [{ question: 'ethnic_group', in: ['asian'] }],
    options: choice('indian', 'chinese'),
  },
  { id: 'comment', kind: 'free_text', text: 'Anything else?', maxLength: 200 },
];
const ETHNICITY = groupStep('ethnicity');

const run = (events: FlowEvent[], from: FlowState = initialFlowState(questions)) => events.reduce(surveyFlow, from);
const where = (s: FlowState) => (s.screen === 'step' ? s.step : s.screen);
const set = (key: string, value: string): FlowEvent => ({ type: 'set', key, value });
const next: FlowEvent = { type: 'next' };
const back: FlowEvent = { type: 'back' };
const agree: FlowEvent = { type: 'consent', agree: true };
const decline: FlowEvent = { type: 'consent', agree: false };
const agreeGroup: FlowEvent = { type: 'groupConsent', group: 'ethnicity', agree: true };
const declineGroup: FlowEvent = { type: 'groupConsent', group: 'ethnicity', agree: false };
const change = (step: string): FlowEvent => ({ type: 'change', step });

const toGroup: FlowEvent[] = [{ type: 'start' }, set('situation', 'employed'), next, agree, set('area', 'yes'), next];
const toCheckAgreed: FlowEvent[] = [...toGroup, agreeGroup, set('ethnic_group', 'white'), next, next];
const toCheckDeclined: FlowEvent[] = [...toGroup, declineGroup, next];

describe('surveyFlow with a consent group', () => {
  it.each<[string, FlowEvent[], string | undefined]>([
    ['the group screen comes just before its first question, after the general consent', toGroup, ETHNICITY],
    ['agreeing goes to the group’s first question', [...toGroup, agreeGroup], 'ethnic_group'],
    ['declining skips every question of the group', [...toGroup, declineGroup], 'comment'],
    ['declining the general consent skips the group screen too', [...toGroup.slice(0, 3), decline], 'comment'],
    ['back from the group screen returns to the question before it', [...toGroup, back], 'area'],
    ['back from the group’s first question returns to the group screen', [...toGroup, agreeGroup, back], ETHNICITY],
    ['back from after a declined group returns to the group screen', [...toGroup, declineGroup, back], ETHNICITY],
    ['the group answer on another screen is ignored', [...toGroup.slice(0, 3), agreeGroup], CONSENT],
    ['the general answer on the group screen is ignored', [...toGroup, decline], ETHNICITY],
    [
      'agreeing later from check-your-answers asks the group’s questions',
      [...toCheckDeclined, change(ETHNICITY), agreeGroup],
      'ethnic_group',
    ],
    [
      'declining later from check-your-answers returns there',
      [...toCheckAgreed, change(ETHNICITY), declineGroup],
      'check',
    ],
    [
      'the group’s branching still applies once agreed',
      [...toGroup, agreeGroup, set('ethnic_group', 'asian'), next],
      'ethnic_asian',
    ],
  ])('%s', (_name, events, expected) => {
    expect(where(run(events))).toBe(expected);
  });

  it('keeps an answer per group screen', () => {
    expect(run([...toGroup, agreeGroup]).groups).toEqual({ ethnicity: true });
    expect(run([...toGroup, declineGroup]).groups).toEqual({ ethnicity: false });
  });

  it('drops the group’s answers, and only those, when the group is declined from check-your-answers', () => {
    const s = run([...toCheckAgreed, change(ETHNICITY), declineGroup]);
    expect(s.answers).toEqual({ situation: 'employed', area: 'yes' });
  });

  it('forgets the group answer when the general consent is declined afterwards', () => {
    const s = run([...toCheckAgreed, change(CONSENT), decline]);
    expect(s.groups).toBeUndefined();
    expect(s.answers).toEqual({ situation: 'employed' });
    expect(agreedGroups(s.questions, s.answers, s.consent, s.groups)).toEqual([]);
  });
});

describe('what is sent for a consent group', () => {
  it.each<[string, FlowEvent[], string[], string[]]>([
    ['agreed: the group and its answers', toCheckAgreed, ['ethnicity'], ['situation', 'area', 'ethnic_group']],
    ['declined: neither the group nor its answers', toCheckDeclined, [], ['situation', 'area']],
    ['general consent declined: no group', [...toGroup.slice(0, 3), decline, next], [], ['situation']],
  ])('%s', (_name, events, groups, answered) => {
    const s = run(events);
    expect(where(s)).toBe('check');
    expect(agreedGroups(s.questions, s.answers, s.consent, s.groups)).toEqual(groups);
    expect(Object.keys(answersToSend(s.questions, s.answers, s.consent, s.groups))).toEqual(answered);
  });

  it('never sends a group answer whose group was not agreed, even if one is in the state', () => {
    const answers = { situation: 'employed', ethnic_group: 'asian', ethnic_asian: 'indian' };
    expect(answersToSend(questions, answers, true, {})).toEqual({ situation: 'employed' });
    expect(answersToSend(questions, answers, true, { ethnicity: false })).toEqual({ situation: 'employed' });
  });
});

describe('flowPath with the built-in survey', () => {
  const def = SurveyDefinition.parse(JSON.parse(readFileSync('surveys/career-outcomes.json', 'utf8')));
  const steps = (country: string) => flowPath(resolveSurvey(def, { country, locale: 'en' }).questions, {}, true);

  it.each(['GB', 'US'])(
    'puts the ethnicity screen in the %s pack, right before the first ethnicity question',
    (country) => {
      const path = steps(country);
      const first = resolveSurvey(def, { country, locale: 'en' }).questions.find((q) => q.consentGroup === 'ethnicity');
      expect(path[path.indexOf(ETHNICITY) + 1]).toBe(first?.id);
      expect(path.filter((s) => !isQuestionStep(s))).toEqual([CONSENT, ETHNICITY]);
    },
  );

  it.each(['FR', 'JP', 'DE'])('has no ethnicity screen in the %s pack', (country) => {
    expect(steps(country)).not.toContain(ETHNICITY);
  });
});
