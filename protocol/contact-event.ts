import * as z from 'zod/mini';
import { CohortId } from './cohort-id.ts';
import { LearnerRef } from './learner-ref.ts';
import { LinkTokenText } from './link-token-text.ts';
import { plainText } from './string-rules.ts';
import { LearnerSig, SurveyResponse } from './survey-response.ts';

/** One step of a survey on a device, in the order a learner meets them. */
export const CONTACT_EVENT_KINDS = ['shown', 'started', 'progress', 'dismissed', 'completed'] as const;
export type ContactEventKind = (typeof CONTACT_EVENT_KINDS)[number];

/** "Not now" snoozes, "never" is "Don't ask me again", "closed" is the dialog's close button or Escape. */
export const DISMISS_REASONS = ['not_now', 'never', 'closed'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

// The response's own context rules, so a contact event and the response it leads to are joined on equal values.
const { courseId, pathId, trigger, wave } = SurveyResponse.shape.context.def.innerType.shape;

const count = (what: string) =>
  z.int({ error: `expected a whole number of ${what}` }).check(z.minimum(0, { error: `expected ${what} >= 0` }));

const ContactEventFields = z.strictObject({
  id: z.uuid({ error: 'expected a UUID made on the client' }),
  kind: z.enum(CONTACT_EVENT_KINDS, { error: `expected one of ${CONTACT_EVENT_KINDS.join(', ')}` }),
  surveyId: plainText(1, 64),
  surveyVersion: z.int().check(z.minimum(1)),
  at: z.iso.datetime({ error: 'expected an ISO 8601 UTC timestamp such as 2026-01-31T12:00:00Z' }),
  learnerRef: z.optional(LearnerRef),
  learnerSig: z.optional(LearnerSig),
  /** The personal link the survey was opened through, as on a response (protocol/survey-response.ts). */
  link: z.optional(LinkTokenText),
  context: z.optional(z.strictObject({ trigger, wave, courseId, pathId, cohort: z.optional(CohortId) })),
  /** How many questions the learner has answered: a count, never the answers themselves. */
  answered: z.optional(count('questions answered')),
  /** How many questions the flow has asked so far (branching makes the total vary). */
  asked: z.optional(count('questions asked')),
  reason: z.optional(z.enum(DISMISS_REASONS, { error: `expected one of ${DISMISS_REASONS.join(', ')}` })),
});

type Fields = z.infer<typeof ContactEventFields>;

/** Which kind may, or must, carry which of the kind-specific keys. */
const KIND_RULES: Record<ContactEventKind, { needs: (keyof Fields)[]; allows: (keyof Fields)[] }> = {
  shown: { needs: [], allows: [] },
  started: { needs: [], allows: [] },
  progress: { needs: ['answered'], allows: ['answered', 'asked'] },
  dismissed: { needs: ['reason'], allows: ['reason'] },
  completed: { needs: [], allows: [] },
};
const KIND_KEYS = ['answered', 'asked', 'reason'] as const;

/**
 * The contact event wire record: what happened to one survey on one device, sent through the same outbox and
 * acknowledged by id like a SurveyResponse. Strict, so no answer can ride along under another key.
 */
export const ContactEvent = ContactEventFields.check(
  z.superRefine((event, ctx) => {
    const rule = KIND_RULES[event.kind];
    for (const key of rule.needs) {
      if (event[key] === undefined)
        ctx.issues.push({ code: 'custom', input: event, path: [key], message: `a "${event.kind}" event needs ${key}` });
    }
    for (const key of KIND_KEYS) {
      if (event[key] !== undefined && !rule.allows.includes(key))
        ctx.issues.push({
          code: 'custom',
          input: event,
          path: [key],
          message: `a "${event.kind}" event carries no ${key}: remove it (only ${key === 'reason' ? '"dismissed"' : '"progress"'} has one)`,
        });
    }
    if (event.answered !== undefined && event.asked !== undefined && event.answered > event.asked)
      ctx.issues.push({
        code: 'custom',
        input: event,
        path: ['answered'],
        message: `answered (${event.answered}) cannot exceed asked (${event.asked})`,
      });
  }),
);
export type ContactEvent = z.infer<typeof ContactEvent>;
