import { describe, expect, it } from 'vitest';
import { exportColumns } from '../../../collector/export/export-columns.ts';
import { rowReader } from '../../../collector/export/row-values.ts';
import type { StoredResponse } from '../../../collector/storage/storage.ts';
import { generateResponse, TEST_SURVEYS } from '../../support/generate-responses.ts';

const columns = exportColumns(TEST_SURVEYS);
const cell = (values: unknown[], name: string) => values[columns.findIndex((c) => c.name === name)];

describe('rowReader', () => {
  type Answers = StoredResponse['answers'];
  it.each<{ answers: Answers; sensitiveAnswers: Answers; expected: string | null }>([
    { answers: { situation: 'employed' }, sensitiveAnswers: {}, expected: 'employed' },
    { answers: {}, sensitiveAnswers: { situation: 'looking' }, expected: 'looking' },
    { answers: { situation: 'employed' }, sensitiveAnswers: { situation: 'looking' }, expected: 'looking' },
    { answers: {}, sensitiveAnswers: {}, expected: null },
  ])(
    'reads $expected from answers $answers and sensitive answers $sensitiveAnswers',
    ({ answers, sensitiveAnswers, expected }) => {
      const read = rowReader(columns, { labels: false });
      expect(cell(read({ ...generateResponse(1), answers, sensitiveAnswers }), 'situation')).toBe(expected);
    },
  );

  it('gives one value per column, option columns as 0 or 1', () => {
    const values = rowReader(columns, { labels: false })(generateResponse(0));
    expect(values).toHaveLength(columns.length);
    expect(cell(values, 'changes__none')).toBe(1);
    expect(cell(values, 'changes__new_job')).toBe(0);
  });

  it.each<{ extra: Partial<StoredResponse>; expected: Record<string, string | undefined> }>([
    {
      extra: {
        status: 'partial',
        context: { trigger: 'link', wave: 'm6', cohort: 'grads-2026', courseId: 'c-1', pathId: 'p-2' },
      },
      expected: {
        status: 'partial',
        trigger: 'link',
        wave: 'm6',
        cohort: 'grads-2026',
        course_id: 'c-1',
        path_id: 'p-2',
      },
    },
    {
      extra: { status: undefined, context: undefined },
      expected: { status: 'complete', trigger: undefined, wave: undefined, cohort: undefined },
    },
  ])('exports where the answers came from: $expected', ({ extra, expected }) => {
    const values = rowReader(columns, { labels: false })({ ...generateResponse(2), ...extra });
    for (const [name, value] of Object.entries(expected)) expect(cell(values, name), name).toBe(value);
  });
});
