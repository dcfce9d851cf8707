import * as z from 'zod/mini';
import { Condition, ConsentGroup, QuestionKind, Topic } from './survey-definition.ts';

/** A survey resolved for one country and one language: what the widget renders. */
export const ResolvedOption = z.object({ id: z.string(), label: z.string(), exclusive: z.optional(z.boolean()) });
export const ResolvedQuestion = z.object({
  id: z.string(),
  kind: QuestionKind,
  text: z.string(),
  hint: z.optional(z.string()),
  topic: z.optional(Topic),
  required: z.optional(z.boolean()),
  sensitive: z.optional(z.boolean()),
  consentGroup: z.optional(ConsentGroup),
  options: z.optional(z.array(ResolvedOption)),
  rows: z.optional(z.array(z.object({ id: z.string(), text: z.string() }))),
  maxLength: z.optional(z.number()),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  showIf: z.optional(z.array(Condition)),
  link: z.optional(z.object({ href: z.string(), label: z.string() })),
});
export type ResolvedQuestion = z.infer<typeof ResolvedQuestion>;

export const ResolvedSurvey = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  intro: z.optional(z.string()),
  consentVersion: z.string(),
  /** The language the texts are in (after fallback), and the country whose pack was used. */
  locale: z.string(),
  country: z.optional(z.string()),
  questions: z.array(ResolvedQuestion),
});
export type ResolvedSurvey = z.infer<typeof ResolvedSurvey>;
