import type { ContactEvent, ContactEventKind } from '../../protocol/contact-event.ts';
import type { ResolvedSurvey } from '../../protocol/resolved-survey.ts';
import { uuidv7 } from '../../protocol/uuidv7.ts';
import type { EmbedOptions } from '../core/options/option-table.ts';

/** What only some kinds carry (protocol/contact-event.ts): counts and a reason, never an answer. */
export type EventDetail = Pick<ContactEvent, 'answered' | 'asked' | 'reason'>;

/**
 * The wire record of one step, with the identity and context a response of the same attempt carries
 * (build-response.ts), so the collector joins them on equal values. Its id is made here, once.
 */
export function buildContactEvent(
  survey: ResolvedSurvey,
  options: EmbedOptions,
  kind: ContactEventKind,
  { trigger, wave }: { trigger: string; wave: string | undefined },
  detail: EventDetail = {},
  now = Date.now(),
): ContactEvent {
  const context = { courseId: options.courseId, pathId: options.pathId, trigger, wave };
  return JSON.parse(
    JSON.stringify({
      id: uuidv7(now),
      kind,
      surveyId: survey.id,
      surveyVersion: survey.version,
      at: new Date(now).toISOString(),
      learnerRef: options.learnerRef,
      // Only beside its ref, as on a response.
      learnerSig: options.learnerRef ? options.learnerSig : undefined,
      link: options.link,
      context,
      ...detail,
    }),
  ) as ContactEvent;
}
