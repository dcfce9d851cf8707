import { type FieldError, formatIssues } from './format-issues.ts';
import { PREFER_NOT_TO_SAY, type Question, SurveyDefinition } from './survey-definition.ts';

/** Countries where asking ethnic origin is unlawful or not standard practice (see research/domain.md §7). */
export const ETHNICITY_RESTRICTED = ['FR', 'JP'];

const CHOICE_KINDS = new Set(['single_choice', 'multiple_choice', 'scale', 'grid']);

export type SurveyCheck = { ok: true; survey: SurveyDefinition } | { ok: false; errors: FieldError[] };

/** Shape first (zod), then the rules a schema cannot say: unique ids, options where needed, consent rules, packs. */
export function checkSurvey(input: unknown): SurveyCheck {
  const parsed = SurveyDefinition.safeParse(input);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues) };
  const errors = semanticErrors(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, survey: parsed.data };
}

function semanticErrors(def: SurveyDefinition): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const claim = (id: string, path: string) => {
    if (seen.has(id)) errors.push({ path, message: `duplicate id "${id}"` });
    seen.add(id);
  };
  def.questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    claim(q.id, `${at}.id`);
    q.rows?.forEach((r, j) => {
      claim(r.id, `${at}.rows[${j}].id`);
    });
    errors.push(...questionErrors(q, at, def.questions.slice(0, i)));
  });
  for (const [country, pack] of Object.entries(def.packs ?? {})) {
    const inPack = new Set<string>();
    pack.questions.forEach((id, j) => {
      const at = `packs.${country}.questions[${j}]`;
      const q = def.questions.find((x) => x.id === id);
      if (!q) errors.push({ path: at, message: `unknown question id "${id}"` });
      // The default pack is what FR and JP get when they have no pack of their own.
      else if (
        q.topic === 'ethnicity' &&
        (ETHNICITY_RESTRICTED.includes(country) || country === 'default') &&
        !pack.overrideEthnicityLegalRestriction
      )
        errors.push({
          path: at,
          message: `ethnicity question "${id}" is not allowed in the ${country} pack (set overrideEthnicityLegalRestriction only with legal sign-off)`,
        });
      q?.showIf?.forEach((c, k) => {
        const target = def.questions.find((e) => e.id === c.question || e.rows?.some((r) => r.id === c.question));
        if (target && !inPack.has(target.id))
          errors.push({
            path: at,
            message: `"${id}" has showIf[${k}] on "${c.question}", which this pack does not ask before it`,
          });
      });
      if (inPack.has(id)) errors.push({ path: at, message: `duplicate id "${id}"` });
      inPack.add(id);
    });
  }
  const ethnicity = def.questions.findIndex((q) => q.topic === 'ethnicity');
  if (ethnicity >= 0 && !def.packs)
    errors.push({
      path: `questions[${ethnicity}].topic`,
      message:
        'an ethnicity question needs country packs: without packs every country, FR and JP included, would be asked it',
    });
  return errors;
}

function questionErrors(q: Question, at: string, earlier: Question[]): FieldError[] {
  const errors: FieldError[] = [];
  const needsOptions = CHOICE_KINDS.has(q.kind);
  if (needsOptions && !q.options) errors.push({ path: `${at}.options`, message: `required for a ${q.kind} question` });
  if (!needsOptions && q.options)
    errors.push({ path: `${at}.options`, message: `not allowed for a ${q.kind} question` });
  if (q.kind === 'grid' && !q.rows) errors.push({ path: `${at}.rows`, message: 'required for a grid question' });
  if (q.kind !== 'grid' && q.rows) errors.push({ path: `${at}.rows`, message: `not allowed for a ${q.kind} question` });
  const optionIds = new Set<string>();
  q.options?.forEach((o, j) => {
    if (optionIds.has(o.id)) errors.push({ path: `${at}.options[${j}].id`, message: `duplicate id "${o.id}"` });
    optionIds.add(o.id);
    if (o.exclusive && q.kind !== 'multiple_choice')
      errors.push({ path: `${at}.options[${j}].exclusive`, message: 'only multiple_choice options can be exclusive' });
  });
  if (q.sensitive && q.options && !optionIds.has(PREFER_NOT_TO_SAY))
    errors.push({ path: `${at}.options`, message: `a sensitive question must offer "${PREFER_NOT_TO_SAY}"` });
  if (
    q.sensitive &&
    q.options &&
    q.options[q.options.length - 1].id !== PREFER_NOT_TO_SAY &&
    optionIds.has(PREFER_NOT_TO_SAY)
  )
    errors.push({ path: `${at}.options`, message: `"${PREFER_NOT_TO_SAY}" must be the last option` });
  if (q.topic === 'ethnicity' && !q.sensitive)
    errors.push({ path: `${at}.sensitive`, message: 'an ethnicity question must be sensitive' });
  if (q.topic === 'ethnicity' && q.consentGroup !== 'ethnicity')
    errors.push({
      path: `${at}.consentGroup`,
      message: 'an ethnicity question must set consentGroup "ethnicity" (its own consent)',
    });
  if (q.min !== undefined && q.max !== undefined && q.min > q.max)
    errors.push({ path: `${at}.min`, message: `must not exceed max (${q.max})` });
  q.showIf?.forEach((c, j) => {
    const target = earlier.find((e) => e.id === c.question || e.rows?.some((r) => r.id === c.question));
    if (!target)
      errors.push({
        path: `${at}.showIf[${j}].question`,
        message: `expected the id of an earlier question, got "${c.question}"`,
      });
    for (const key of ['in', 'notIn'] as const)
      c[key]?.forEach((v, k) => {
        if (target?.options && !target.options.some((o) => o.id === v))
          errors.push({
            path: `${at}.showIf[${j}].${key}[${k}]`,
            message: `"${v}" is not an option of "${target.id}"`,
          });
      });
  });
  return errors;
}
