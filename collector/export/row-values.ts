import type { StoredResponse } from '../storage/storage.ts';
import type { CellValue } from './csv-cell.ts';
import type { Column } from './export-columns.ts';

export type RowOptions = { labels: boolean };
export type Getter = (r: StoredResponse) => CellValue;

/** One getter per column, compiled once, so each row costs one pass and no lookups by name. */
export function columnGetters(columns: readonly Column[], opts: RowOptions): Getter[] {
  return columns.map((c) => getter(c, opts));
}

/** Each row's values in column order (csv-row.ts writes the same values straight into a line). */
export function rowReader(columns: readonly Column[], opts: RowOptions): (r: StoredResponse) => CellValue[] {
  const getters = columnGetters(columns, opts);
  return (r) => {
    const values: CellValue[] = new Array(getters.length);
    for (let i = 0; i < getters.length; i++) values[i] = getters[i](r);
    return values;
  };
}

// A sensitive answer wins over a plain one with the same key, as when both were merged into one object;
// looked up in place because copying both objects for every row was a visible share of an export (issue 9).
function answer(r: StoredResponse, key: string): StoredResponse['answers'][string] | undefined {
  const sensitive = r.sensitiveAnswers[key];
  return sensitive !== undefined ? sensitive : r.answers[key];
}

const META: Record<string, Getter> = {
  id: (r) => r.id,
  survey_id: (r) => r.surveyId,
  survey_version: (r) => r.surveyVersion,
  locale: (r) => r.locale,
  country: (r) => r.country,
  submitted_at: (r) => r.submittedAt,
  received_at: (r) => r.receivedAt,
  consent_sensitive: (r) => String(r.consent.sensitive),
  consent_version: (r) => r.consent.version,
  // ";" rather than "," so the cell needs no quotes in a comma CSV (Excel exports quote it).
  consent_groups: (r) => r.consent.groups?.join(';'),
  learner_ref_status: (r) => r.learnerRefStatus,
  status: (r) => r.status ?? 'complete',
  course_id: (r) => r.context?.courseId,
  path_id: (r) => r.context?.pathId,
  trigger: (r) => r.context?.trigger,
  wave: (r) => r.context?.wave,
  cohort: (r) => r.context?.cohort,
};

function getter(c: Column, { labels }: RowOptions): Getter {
  const s = c.source;
  switch (s.kind) {
    case 'meta':
      return META[c.name];
    case 'option':
      return (r) => {
        const v = answer(r, s.questionId);
        return Array.isArray(v) ? (v.includes(s.optionId) ? 1 : 0) : null;
      };
    case 'flag':
      return (r) => {
        const v = r.flags[s.flag]?.value;
        if (v === null || v === undefined) return null;
        if (labels) return v ? 'Yes' : 'No';
        return String(v);
      };
    case 'flag_rule':
      return (r) => r.flags[s.flag]?.rule;
    case 'harmonised': {
      const valueLabels = labels && c.values ? new Map(c.values.map((v) => [v.code, v.label.en])) : undefined;
      return (r) => {
        const v = s.harmonised.value((id) => answer(r, id));
        if (v === undefined) return null;
        return valueLabels?.get(String(v)) ?? v;
      };
    }
    case 'answer': {
      const valueLabels = labels && c.values ? new Map(c.values.map((v) => [v.code, v.label.en])) : undefined;
      return (r) => {
        const v = answer(r, s.answerKey);
        if (v === undefined) return null;
        if (Array.isArray(v)) return v.join(' '); // not expected for this kind; kept rather than dropped
        if (typeof v === 'number') return v;
        return valueLabels?.get(v) ?? v;
      };
    }
  }
}
