import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repeatedHints, withRepeatedHints } from '../../../collector/surveys/repeated-hints.ts';
import { checkSurvey, type Question, type SurveyDefinition } from '../../../protocol/index.ts';

const survey = (question: Partial<Question>): SurveyDefinition => ({
  id: 's',
  version: 1,
  title: { en: 'S' },
  questions: [
    {
      id: 'q',
      kind: 'multiple_choice',
      text: { en: 'Which?' },
      required: true,
      options: [{ id: 'a', label: { en: 'A' } }],
      ...question,
    } as Question,
  ],
});

describe('repeatedHints', () => {
  it.each([
    ['en', 'Which of these? Choose all that apply.', 'Choose all that apply.'],
    ['fr', 'Lesquelles ? Cochez toutes les réponses qui conviennent.', 'Cochez toutes les réponses qui conviennent.'],
    ['es', '¿Cuáles? Elige todas las que correspondan.', 'Elige todas las que correspondan.'],
    ['ar', 'أيّها؟ اختر كل ما ينطبق.', 'اختر كل ما ينطبق.'],
    ['uk', 'Які? Виберіть усе, що підходить.', 'Виберіть усе, що підходить.'],
    ['ja', 'どれですか。あてはまるものをすべて選んでください。', 'あてはまるものをすべて選んでください。'],
    ['fr-CA', 'Lesquelles? Cochez toutes les réponses qui conviennent.', 'Cochez toutes les réponses qui conviennent.'],
  ])('finds a multiple-choice text in %s that repeats the widget’s select-all hint', (locale, text, sentence) => {
    expect(repeatedHints(survey({ text: { en: 'Which?', [locale]: text } }))).toEqual([
      {
        path: `questions[0].text.${locale}`,
        message: expect.stringContaining(`"${sentence}" repeats the widget's own`),
      },
    ]);
  });

  it.each([
    ['en', 'Your pay? This question is optional.'],
    ['fr', 'Votre salaire ? Cette question est facultative.'],
    ['es', '¿Tu sueldo? Esta pregunta es opcional.'],
    ['ar', 'ما أجرك؟ هذا السؤال اختياري.'],
    ['uk', 'Ваша зарплата? Це питання необов’язкове.'],
    ['ja', '年収はいくらですか。この質問は任意です。'],
  ])('finds an optional question’s text in %s that repeats the widget’s optional marker', (locale, text) => {
    const errors = repeatedHints(
      survey({ kind: 'single_choice', required: false, text: { en: 'Pay?', [locale]: text } }),
    );
    expect(errors.map((e) => e.path)).toEqual([`questions[0].text.${locale}`]);
    expect(errors[0].message).toMatch(/shown after every optional question; remove the sentence from the survey text$/);
  });

  it('looks at hints too', () => {
    const errors = repeatedHints(survey({ hint: { en: 'Tick every box. Select all that apply.' } }));
    expect(errors.map((e) => e.path)).toEqual(['questions[0].hint.en']);
  });

  it.each([
    [
      'a select-all sentence on a single-choice question (the widget adds no hint there)',
      { kind: 'single_choice', text: { en: 'Which? Choose all that apply.' } },
    ],
    [
      '"optional" on a required question (the widget adds no marker there)',
      { kind: 'number', text: { en: 'Hours? This question is optional.' } },
    ],
    [
      'a question that only mentions options',
      { kind: 'single_choice', required: false, text: { en: 'Which of these options fits you best?' } },
    ],
    [
      'a long sentence that happens to hold the words',
      { text: { en: 'Choose the courses that apply to the job you have had for all of the last year.' } },
    ],
  ] as const)('does not report %s', (_, question) => {
    expect(repeatedHints(survey(question as Partial<Question>))).toEqual([]);
  });

  it('passes the shipped survey', () => {
    const result = checkSurvey(JSON.parse(readFileSync('surveys/career-outcomes.json', 'utf8')));
    expect(result.ok && repeatedHints(result.survey)).toEqual([]);
  });

  it('fails a survey check that passed the schema when a text repeats a hint, and keeps a failed one as it is', () => {
    const repeated = withRepeatedHints({ ok: true, survey: survey({ text: { en: 'Which? Choose all that apply.' } }) });
    expect(repeated.ok).toBe(false);
    const failed = { ok: false as const, errors: [{ path: 'id', message: 'missing' }] };
    expect(withRepeatedHints(failed)).toBe(failed);
  });
});
