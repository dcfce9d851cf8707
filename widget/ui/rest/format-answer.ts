import type { ResolvedQuestion } from '../../../protocol/index.ts';
import type { Translator } from '../../i18n/index.ts';
import type { Answers } from '../flow/flow-path.ts';

/** How an answer reads on the check-your-answers screen, in the UI language; undefined when not answered. */
export function formatAnswer(q: ResolvedQuestion, answers: Answers, tr: Translator): string | undefined {
  const label = (id: string) => q.options?.find((o) => o.id === id)?.label ?? id;
  if (q.kind === 'grid') {
    const rows = (q.rows ?? []).filter((r) => answers[r.id] !== undefined);
    // French typesetting puts a no-break space before the colon (protocol/french-spacing.ts does it for texts).
    const colon = tr.lang.startsWith('fr') ? '\u00a0: ' : ': ';
    return rows.length
      ? rows.map((r) => `${withoutEndPunctuation(r.text)}${colon}${label(String(answers[r.id]))}`).join('\n')
      : undefined;
  }
  const value = answers[q.id];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return new Intl.ListFormat(tr.lang, { type: 'conjunction' }).format(value.map(label));
  if (typeof value === 'number') return tr.number(value);
  if (q.kind === 'month_year') {
    const [year, month] = value.split('-').map(Number);
    return new Intl.DateTimeFormat(tr.lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(year, month - 1, 1),
    );
  }
  return q.options ? label(value) : value;
}

// A row that is a question ("…even if wearing glasses?") read "glasses?: Yes"; the separator
// replaces its end mark, in every script (Arabic "؟", Japanese "？" and "。").
function withoutEndPunctuation(text: string): string {
  return text.replace(/[\s\u00a0\u202f?!.:;؟？！。：]+$/u, '');
}
