import type { FieldError, SurveyDefinition } from '../../protocol/index.ts';

/**
 * Questions no learner can be asked. With a "default" pack every country is served a pack
 * (questionsFor), so a question in no pack is never shown. Without one, countries that have no
 * pack get the whole bank, so every question can be asked.
 */
export function unaskedQuestions(def: SurveyDefinition): FieldError[] {
  const packs = def.packs;
  if (!packs?.default) return [];
  const listed = new Set(Object.values(packs).flatMap((p) => p.questions));
  const names = Object.keys(packs).join(', ');
  const errors: FieldError[] = [];
  def.questions.forEach((q, i) => {
    if (listed.has(q.id)) return;
    errors.push({
      path: `questions[${i}].id`,
      message: `"${q.id}" is in no pack (${names}), so no learner is ever asked it; add it to a pack's "questions" (e.g. packs.default.questions) or remove it`,
    });
  });
  return errors;
}
