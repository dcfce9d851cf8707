import { render, within } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuestionKind, ResolvedQuestion } from '../../../../protocol/index.ts';
import { QuestionKind as QuestionKinds } from '../../../../protocol/survey-definition.ts';
import { createTranslator } from '../../../../widget/i18n/index.ts';
import { FIELD_KINDS } from '../../../../widget/ui/fields/field-kinds.ts';
import { QuestionField } from '../../../../widget/ui/fields/question-field.tsx';
import { loadRest } from '../../../../widget/ui/load-rest.ts';

const tr = createTranslator('en');
const questions: Record<'number' | 'free_text' | 'month_year' | 'grid', ResolvedQuestion> = {
  number: { id: 'hours', kind: 'number', text: 'How many hours a week?', min: 0, max: 80 },
  free_text: { id: 'comment', kind: 'free_text', text: 'Anything else?', maxLength: 200 },
  month_year: { id: 'started', kind: 'month_year', text: 'When did it start?' },
  grid: {
    id: 'wg',
    kind: 'grid',
    text: 'Do you have difficulty…',
    rows: [{ id: 'wg_seeing', text: 'Seeing?' }],
    options: [{ id: 'no_difficulty', label: 'No difficulty' }],
  },
};

afterEach(() => document.body.replaceChildren());

describe('QuestionField', () => {
  it.each(Object.keys(questions) as (keyof typeof questions)[])(
    'shows a "Loading…" status, not an empty screen, for a %s question until widget/ui/rest/ arrives',
    (kind) => {
      const { container } = render(
        <QuestionField q={questions[kind]} answers={{}} tr={tr} send={() => {}} rest={undefined} />,
      );
      expect(within(container as HTMLElement).getByRole('status').textContent).toBe('Loading…');
    },
  );

  it.each<[keyof typeof questions, string]>([
    ['number', 'textbox'],
    ['free_text', 'textbox'],
    ['month_year', 'combobox'],
    ['grid', 'radio'],
  ])('draws a %s question with widget/ui/rest/ once it is here', async (kind, role) => {
    const rest = await loadRest();
    const { container } = render(
      <QuestionField q={questions[kind]} answers={{}} tr={tr.withEnglish(rest.enRest)} send={() => {}} rest={rest} />,
    );
    expect(within(container as HTMLElement).queryByRole('status')).toBeNull();
    expect(within(container as HTMLElement).getAllByRole(role).length).toBeGreaterThan(0);
  });

  it('has a field for every question kind of protocol/, in one table', () => {
    const kinds = Object.keys(FIELD_KINDS).sort();
    expect(kinds).toEqual([...(QuestionKinds.options as readonly QuestionKind[])].sort());
  });
});
