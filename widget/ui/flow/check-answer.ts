import type { ResolvedQuestion } from '../../../protocol/index.ts';
import type { UiKey } from '../../i18n/en.ts';
import { answerKeys } from './answer-keys.ts';
import type { Answers } from './flow-path.ts';

/** A problem with one field: `field` is the answer key (or "<id>.year") the error summary links to. */
export type FieldError = { field: string; message: UiKey; vars?: Record<string, number | string> };
export type Checked = { ok: true; answers: Answers } | { ok: false; error: FieldError };

const MONTH_YEAR = /^(\d{4})-(\d{2})$/;

function empty(v: Answers[string] | undefined): boolean {
  return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * Checks the current question's answer when the learner presses Continue, and turns typed text
 * into its stored form (numbers become numbers). Text fields hold what was typed until then.
 */
export function checkAnswer(q: ResolvedQuestion, answers: Answers): Checked {
  const value = answers[q.id];
  const next = { ...answers };
  const fail = (message: UiKey, field = q.id, vars?: FieldError['vars']): Checked => ({
    ok: false,
    error: { field, message, vars },
  });
  switch (q.kind) {
    case 'grid': {
      const missing = answerKeys(q).find((k) => empty(answers[k]));
      return q.required && missing ? fail('errChoose', missing) : { ok: true, answers };
    }
    case 'single_choice':
    case 'scale':
    case 'multiple_choice':
      return q.required && empty(value) ? fail('errChoose') : { ok: true, answers };
    case 'free_text': {
      const text = typeof value === 'string' ? value.trim() : '';
      if (!text) return q.required ? fail('errEnterText') : { ok: true, answers: drop(next, q.id) };
      if (q.maxLength && text.length > q.maxLength) return fail('errTooLong', q.id, { max: q.maxLength });
      return { ok: true, answers: { ...next, [q.id]: text } };
    }
    case 'number': {
      const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
      if (!raw) return q.required ? fail('errEnterNumber') : { ok: true, answers: drop(next, q.id) };
      const n = Number(raw.replace(',', '.'));
      if (!Number.isFinite(n)) return fail('errNumber');
      if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max))
        return fail('errRange', q.id, { min: q.min ?? Number.MIN_SAFE_INTEGER, max: q.max ?? Number.MAX_SAFE_INTEGER });
      return { ok: true, answers: { ...next, [q.id]: n } };
    }
    case 'month_year': {
      const raw = typeof value === 'string' ? value : '';
      if (raw === '' || raw === '-')
        return q.required ? fail('errMonthYear', q.id) : { ok: true, answers: drop(next, q.id) };
      const [month, year] = raw.split('-').reverse();
      const m = MONTH_YEAR.exec(raw);
      const yearOk = m && Number(m[1]) >= (q.min ?? 1900) && Number(m[1]) <= (q.max ?? 2100);
      if (!month) return fail('errMonthYear', q.id);
      if (!m || !yearOk || Number(m[2]) < 1 || Number(m[2]) > 12 || !year) return fail('errMonthYear', `${q.id}.year`);
      return { ok: true, answers };
    }
  }
}

function drop(answers: Answers, key: string): Answers {
  const { [key]: _, ...rest } = answers;
  return rest;
}
