import { describe, expect, it } from 'vitest';
import { exportColumns } from '../../../collector/export/export-columns.ts';
import { FLAG_NAMES } from '../../../collector/flags/flag.ts';
import { TEST_SURVEYS } from '../../support/generate-responses.ts';

describe('exportColumns', () => {
  const [v1, v2] = TEST_SURVEYS;

  it('names columns by question, option and grid row, then flags and their rules', () => {
    const names = exportColumns([v1]).map((c) => c.name);
    expect(names.slice(0, 17)).toEqual([
      'id',
      'survey_id',
      'survey_version',
      'locale',
      'country',
      'submitted_at',
      'received_at',
      'consent_sensitive',
      'consent_version',
      'consent_groups',
      'learner_ref_status',
      'status',
      'course_id',
      'path_id',
      'trigger',
      'wave',
      'cohort',
    ]);
    expect(names.slice(17, 28)).toEqual([
      'situation',
      'changes__new_job',
      'changes__promotion',
      'changes__none',
      'helped',
      'comment',
      'pay_change',
      'started',
      'wg_seeing',
      'wg_walking',
      'refugee',
    ]);
    expect(names.slice(28)).toEqual(FLAG_NAMES.flatMap((f) => [`flag_${f}`, `flag_${f}__rule`]));
  });

  it('keeps every earlier column name, in the same relative order, when a version adds questions and options', () => {
    const before = exportColumns([v1])
      .map((c) => c.name)
      .filter((n) => !n.startsWith('flag_'));
    const after = exportColumns([v2, v1]).map((c) => c.name);
    const newOnes = after.filter((n) => !before.includes(n) && !n.startsWith('flag_'));
    expect(newOnes).toEqual(['changes__apprenticeship', 'in_field']);
    expect(after.filter((n) => before.includes(n))).toEqual(before);
  });

  it('records the versions each question appears in', () => {
    const cols = exportColumns(TEST_SURVEYS);
    expect(cols.find((c) => c.name === 'in_field')?.versions).toEqual([2]);
    expect(cols.find((c) => c.name === 'situation')?.versions).toEqual([1, 2]);
  });
});

describe('exportColumns collisions', () => {
  it('refuses two columns with one name, naming the column', () => {
    const [v1] = TEST_SURVEYS;
    const clash = {
      ...v1,
      questions: [...v1.questions, { id: 'changes__promotion', kind: 'free_text' as const, text: { en: 'x' } }],
    };
    expect(() => exportColumns([clash])).toThrow(/two export columns are named "changes__promotion"/);
  });
});
