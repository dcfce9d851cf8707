import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ResolvedQuestion, resolveSurvey, SurveyDefinition } from '../../../../protocol/index.ts';
import { type Answers, CONSENT, isQuestionStep, stepGroup } from '../../../../widget/ui/flow/flow-path.ts';
import { questionTotal } from '../../../../widget/ui/flow/question-total.ts';
import {
  type FlowEvent,
  type FlowState,
  initialFlowState,
  surveyFlow,
} from '../../../../widget/ui/flow/survey-flow.ts';

// Issue 19: "Question 1 of 8" → "2 of 9" → "3 of 11" made people quit; the total may only shrink.
const definition = SurveyDefinition.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../surveys/career-outcomes.json'), 'utf8')),
);
// Every pack, and a country without one (the default pack).
const countries = ['FR', 'GB', 'US', 'JP', 'DE'];
const questionsOf = (country: string) => resolveSurvey(definition, { country, locale: 'en' }).questions;
const totalOf = (s: FlowState) => questionTotal(s);

/** The events that answer the current step, the choice among its possible answers taken from `pick`. */
function answer(s: FlowState, pick: number): FlowEvent[] {
  const group = stepGroup(s.step);
  if (s.step === CONSENT) return [{ type: 'consent', agree: pick % 3 !== 0 }];
  if (group) return [{ type: 'groupConsent', group, agree: pick % 3 !== 0 }];
  const q = s.questions.find((x) => x.id === s.step) as ResolvedQuestion;
  const ids = (q.options ?? []).map((o) => o.id);
  const values: (Answers[string] | undefined)[] = q.required ? [] : [undefined];
  if (q.kind === 'multiple_choice') {
    const plain = (q.options ?? []).filter((o) => !o.exclusive && o.id !== 'prefer_not_to_say').map((o) => o.id);
    values.push(...ids.map((id) => [id]), plain.slice(0, 2), plain.slice(1));
  } else if (q.kind === 'month_year') values.push('2024-03');
  else if (q.kind === 'free_text') values.push('It helped.');
  else if (q.kind === 'number') values.push(3);
  else values.push(...ids);
  if (q.kind === 'grid')
    return [
      ...(q.rows ?? []).map((r) => ({ type: 'set', key: r.id, value: ids[pick % ids.length] }) as const),
      { type: 'next' },
    ];
  return [{ type: 'set', key: q.id, value: values[pick % values.length] }, { type: 'next' }];
}

type Seen = { n: number; total: number };

/** Walks to check-your-answers, reading "Question n of total" on every question screen. */
function walk(questions: readonly ResolvedQuestion[], picks: number[]) {
  const intro = initialFlowState(questions);
  let s = surveyFlow(intro, { type: 'start' });
  const seen: Seen[] = [];
  for (let i = 0; s.screen === 'step'; i++) {
    if (i > 200) throw new Error(`the walk did not reach check-your-answers; stuck at ${s.step}`);
    if (isQuestionStep(s.step ?? '')) seen.push({ n: seen.length + 1, total: totalOf(s) });
    s = answer(s, picks[i % picks.length] ?? 0).reduce(surveyFlow, s);
  }
  return { introTotal: totalOf(intro), seen, end: s };
}

describe('questionTotal over the real survey', () => {
  describe.each(countries)('pack for %s', (country) => {
    const questions = questionsOf(country);
    const picks = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 60 });

    it('never grows from one question to the next', () => {
      fc.assert(
        fc.property(picks, (p) => {
          const { seen } = walk(questions, p);
          seen.slice(1).forEach((now, k) => {
            expect(now.total, `question ${now.n} after ${seen[k].total}`).toBeLessThanOrEqual(seen[k].total);
          });
        }),
        { numRuns: 60 },
      );
    }, 60_000);

    it('ends on "n of n", n being the questions actually asked', () => {
      fc.assert(
        fc.property(picks, (p) => {
          const { seen, end } = walk(questions, p);
          expect(end.screen).toBe('check');
          const last = seen[seen.length - 1];
          expect(last).toEqual({ n: seen.length, total: seen.length });
        }),
        { numRuns: 60 },
      );
    }, 60_000);

    it("gives the intro the first question's total", () => {
      fc.assert(
        fc.property(picks, (p) => {
          const { introTotal, seen } = walk(questions, p);
          expect(introTotal).toBe(seen[0].total);
        }),
        { numRuns: 20 },
      );
    }, 60_000);
  });

  it('shrinks when the learner declines the sensitive questions', () => {
    const questions = questionsOf('FR');
    let s = surveyFlow(initialFlowState(questions), { type: 'start' });
    while (s.step !== CONSENT) s = answer(s, 1).reduce(surveyFlow, s);
    const before = totalOf(s);
    const declined = surveyFlow(s, { type: 'consent', agree: false });
    expect(totalOf(declined)).toBeLessThan(before);
    expect(totalOf(declined)).toBe(declined.seen.filter(isQuestionStep).length);
  });
});
