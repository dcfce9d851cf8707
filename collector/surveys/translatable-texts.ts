import type { LocalizedText, SurveyDefinition } from '../../protocol/index.ts';

export type TranslatableText = { path: string; text: LocalizedText };

/**
 * Every text a learner reads, with its JSON path: title, intro, and per question its text, hint,
 * options' labels, grid rows and link label. Consent and navigation wording is not in the survey
 * file (the widget's string tables hold it), so it is not listed here.
 */
export function translatableTexts(def: SurveyDefinition): TranslatableText[] {
  const out: TranslatableText[] = [{ path: 'title', text: def.title }];
  if (def.intro) out.push({ path: 'intro', text: def.intro });
  def.questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    out.push({ path: `${at}.text`, text: q.text });
    if (q.hint) out.push({ path: `${at}.hint`, text: q.hint });
    q.options?.forEach((o, j) => {
      out.push({ path: `${at}.options[${j}].label`, text: o.label });
    });
    q.rows?.forEach((r, j) => {
      out.push({ path: `${at}.rows[${j}].text`, text: r.text });
    });
    if (q.link) out.push({ path: `${at}.link.label`, text: q.link.label });
  });
  return out;
}
