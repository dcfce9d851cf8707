import * as z from 'zod/mini';
import { LocaleTag, LocalizedText } from './localized-text.ts';
import { PREFER_NOT_TO_SAY } from './option-ids.ts';

export { PREFER_NOT_TO_SAY };

const Id = z.string().check(
  z.regex(/^[a-z][a-z0-9_]{0,63}$/, {
    error: 'expected a stable id: lowercase letters, digits and "_", starting with a letter, at most 64 characters',
  }),
);

/** Also what the export accepts as ?survey=, so a survey id is always safe in a file name and a header. */
export const SURVEY_ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
export const SURVEY_ID_RULE =
  'expected a survey id: lowercase letters, digits, "-" and "_", starting with a letter, at most 64 characters';

const SurveyId = z.string().check(z.regex(SURVEY_ID_PATTERN, { error: SURVEY_ID_RULE }));

export const Option = z.strictObject({
  id: Id,
  label: LocalizedText,
  /** "None of these" in a multiple-choice question: choosing it clears the others. */
  exclusive: z.optional(z.boolean()),
});
export type Option = z.infer<typeof Option>;

/** Show a question only when an earlier answer is (or is not) one of some option ids. */
export const Condition = z.strictObject({
  question: Id,
  in: z.optional(z.array(z.string()).check(z.minLength(1))),
  notIn: z.optional(z.array(z.string()).check(z.minLength(1))),
  answered: z.optional(z.boolean()),
});
export type Condition = z.infer<typeof Condition>;

export const QuestionKind = z.enum([
  'single_choice',
  'multiple_choice',
  'scale',
  'free_text',
  'number',
  'month_year',
  'grid',
]);
export type QuestionKind = z.infer<typeof QuestionKind>;

/** What a question measures; drives the derived flags and the per-country legal rules. */
export const Topic = z.enum([
  'career',
  'jobseeker',
  'area',
  'education',
  'disability',
  'refugee',
  'ethnicity',
  'other',
]);

/**
 * Questions that need a consent of their own, beyond `consent.sensitive`: the
 * widget asks it just before the first question of the group and skips the
 * group when refused. Ethnicity must sit behind its own consent (research/domain.md §7).
 */
export const ConsentGroup = z.enum(['ethnicity']);
export type ConsentGroup = z.infer<typeof ConsentGroup>;

export const GridRow = z.strictObject({ id: Id, text: LocalizedText });

export const Question = z.strictObject({
  id: Id,
  kind: QuestionKind,
  text: LocalizedText,
  hint: z.optional(LocalizedText),
  topic: z.optional(Topic),
  required: z.optional(z.boolean()),
  sensitive: z.optional(z.boolean()),
  consentGroup: z.optional(ConsentGroup),
  /** Choice, scale and grid questions: the answers, in display order. */
  options: z.optional(z.array(Option).check(z.minLength(1))),
  /** Grid questions: one row per sub-question, all sharing `options`; each row is answered under its own id. */
  rows: z.optional(z.array(GridRow).check(z.minLength(1))),
  /** Free text: visible character limit. */
  maxLength: z.optional(z.int().check(z.minimum(1), z.maximum(2000))),
  /** Number questions. */
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /** All conditions must hold for the question to be shown. */
  showIf: z.optional(z.array(Condition)),
  /** A link shown under the question, e.g. the official checker for underserved areas. */
  link: z.optional(
    z.strictObject({ href: z.url({ protocol: /^https$/, error: 'expected an https:// URL' }), label: LocalizedText }),
  ),
});
export type Question = z.infer<typeof Question>;

/** A country variant: which questions of the bank it asks, in order. */
export const Pack = z.strictObject({
  questions: z.array(Id).check(z.minLength(1)),
  /**
   * Ethnicity questions are unlawful or non-standard in some countries (FR, JP);
   * a pack for them may include one only with this flag, named so nobody sets it by accident.
   */
  overrideEthnicityLegalRestriction: z.optional(z.boolean()),
});
export type Pack = z.infer<typeof Pack>;

export const SurveyDefinition = z.strictObject({
  $schema: z.optional(z.string()),
  id: SurveyId,
  version: z.int().check(z.minimum(1)),
  title: LocalizedText,
  /** Who asks and why, shown on the intro screen. */
  intro: z.optional(LocalizedText),
  /** Version of the consent text the learner agrees to; stored with every response. */
  consentVersion: z.optional(z.string().check(z.minLength(1))),
  /** Languages the survey is written in; others fall back to English. */
  locales: z.optional(z.array(LocaleTag)),
  questions: z.array(Question).check(z.minLength(1)),
  /** Country variants keyed by ISO 3166-1 alpha-2 code, plus "default". */
  packs: z.optional(
    z.record(
      z
        .string()
        .check(z.regex(/^([A-Z]{2}|default)$/, { error: 'expected an ISO 3166-1 alpha-2 country code or "default"' })),
      Pack,
    ),
  ),
});
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;
