import type { ContactEvent } from '../../protocol/contact-event.ts';
import type { ResolvedSurvey } from '../../protocol/resolved-survey.ts';
import { uuidv7 } from '../../protocol/uuidv7.ts';
import type { Destination } from '../../worker/storage/queued-item.ts';
import type { EmbedOptions } from '../core/options/option-table.ts';
import { answerKeys } from '../ui/flow/answer-keys.ts';
import { agreedGroups, answersToSend } from '../ui/flow/answers-to-send.ts';
import { flowPath, isQuestionStep } from '../ui/flow/flow-path.ts';
import type { FlowState } from '../ui/flow/survey-flow.ts';
import { buildContactEvent, type EventDetail } from './build-contact-event.ts';
import { buildResponse } from './build-response.ts';
import { deliverResponse } from './deliver-response.ts';
import { draftAnswers } from './link-draft.ts';

// The controller resumes a link through this chunk, which it loads anyway: a chunk of its own for link-draft.ts
// made the bundler split the flow's helpers out of the UI chunk, 100 B more on every embed's first question.
export { resumeDraft } from './link-draft.ts';

import type { SyncLink } from './sync-link.ts';

export type StepRecorder = {
  /** The response id of this attempt: the partial and the completion are sent under it (docs/denominators.md). */
  readonly responseId: string;
  /** The UI's onStep: turns the flow's states into contact events and, on leaving, a partial response. */
  step(state: FlowState): void;
  /** Resolves once everything recorded so far is in the outbox (for tests and the page's unload). */
  settled(): Promise<void>;
};

/**
 * How far the learner got: questions answered (as they would be sent) and the questions that apply to this learner,
 * i.e. those on the flow's path given the answers so far (AAPOR's partial counts answered over applicable questions,
 * so the threshold is not met just by leaving early; docs/denominators.md).
 */
export function progressOf(state: FlowState): { answered: number; asked: number } {
  const { questions, answers, consent, groups } = state;
  const sent = answersToSend(questions, answers, consent, groups);
  const path = new Set(flowPath(questions, answers, consent, groups).filter(isQuestionStep));
  const asked = path.size;
  const answered = questions.filter((q) => path.has(q.id) && answerKeys(q).some((k) => sent[k] !== undefined));
  // The question on screen (or left from: a closed flow keeps its step) was asked; it counts as answered only
  // once the learner moved past it, as its answer is checked only then.
  return { answered: answered.filter((q) => q.id !== state.step).length, asked };
}

/**
 * Records one attempt at a survey: `shown` at once, then `started`, `progress` after each answered question,
 * `dismissed` or `completed`, each queued in the outbox (worker/storage/) and sent by the same delivery as the
 * responses. A learner who leaves after answering leaves a `partial` response with the answers given so far,
 * chosen by the same rule as the complete one (answersToSend: no sensitive answer without consent).
 * Loaded after the first screen is drawn, with the sync code: none of it is on the path to the first question.
 */
export function recordSteps(
  survey: ResolvedSurvey,
  options: EmbedOptions,
  prompt: { trigger: string; wave: string | undefined },
  sync: Promise<SyncLink | null>,
  /** A personal link's resumed attempt (link-draft.ts): its id again, so the completion replaces its partial. */
  resumed?: { id: string },
): StepRecorder {
  const to: Destination = { endpoint: options.endpoint, siteKey: options.siteKey };
  const responseId = resumed?.id ?? uuidv7();
  const { link } = options;
  let chain: Promise<unknown> = Promise.resolve();
  let last: FlowState | undefined;
  let lastAnswered = 0;
  let started = false;
  let sending = false;
  let ended = false;
  // Steps come faster than a millisecond apart: each gets a later `at` (and UUIDv7 id) than the one before, so
  // the outbox, which sorts by id, and the collector, which reads `at`, see them in the order the learner did.
  let clock = 0;
  const tick = () => {
    clock = Math.max(Date.now(), clock + 1);
    return clock;
  };

  // In order, one after the other, so the outbox holds them in the order the learner met them.
  const queue = (work: () => Promise<unknown>) => {
    chain = chain.then(work).catch((error: unknown) => {
      // No outbox here (private mode, quota): a contact event is not worth a direct send of its own; the
      // response keeps its own fallback (deliver-response.ts).
      console.warn('outcome-survey: a contact event could not be kept on this device', error);
    });
  };
  const record = (kind: ContactEvent['kind'], detail?: EventDetail, flushNow = false) => {
    const event = buildContactEvent(survey, options, kind, prompt, detail, tick());
    queue(async () => {
      const { enqueueEvent } = await import('../../worker/storage/queue.ts');
      await enqueueEvent(event, to);
      if (flushNow) void (await sync)?.flush(0);
    });
  };

  // A personal link's draft (worker/storage/drafts.ts): kept after each step, gone once the answers are complete or
  // the learner asked not to be asked again; a dismissal for now keeps it, to resume.
  const draft = (work: (drafts: typeof import('../../worker/storage/drafts.ts'), link: string) => Promise<void>) =>
    link && queue(async () => work(await import('../../worker/storage/drafts.ts'), link));
  // On a phone a link page is left by switching apps far more often than by a button: the answers so far go as a
  // partial then, as a dismissal would send them (docs/denominators.md).
  let partialAt = 0;
  const onHidden = () => {
    if (document.visibilityState !== 'hidden' || ended || sending || !last) return;
    const { answered } = progressOf(last);
    if (answered > partialAt) leavePartial(last);
  };
  if (link) document.addEventListener('visibilitychange', onHidden);
  const end = () => {
    ended = true;
    globalThis.document?.removeEventListener('visibilitychange', onHidden);
  };

  record('shown', {}, true);

  return {
    responseId,
    step(state) {
      const before = last;
      last = state;
      if (ended || state === before) return;
      if (!started && state.screen !== 'intro' && state.screen !== 'closed') {
        started = true;
        record('started');
      }
      const moved = before && (before.screen !== state.screen || before.step !== state.step);
      const { answered, asked } = progressOf(state);
      if (moved && answered > lastAnswered && state.screen !== 'closed') {
        lastAnswered = answered;
        record('progress', { answered, asked });
      }
      // From "sending" on, the complete response is on its way; a failed send brings check-your-answers back.
      if (state.screen === 'sending') sending = true;
      if (state.submitFailed) sending = false;
      if (state.screen === 'done') {
        end();
        record('completed', {}, true);
        draft((d, l) => d.removeDraft(survey.id, l));
      } else if (state.dismissed && !sending) {
        end();
        record('dismissed', { reason: state.dismissed }, !answered);
        if (answered > 0) leavePartial(state);
        if (state.dismissed === 'never') draft((d, l) => d.removeDraft(survey.id, l));
      } else if (moved && !sending) {
        const answers = draftAnswers(state);
        if (Object.keys(answers).length)
          draft((d, l) => d.saveDraft(l, { id: responseId, surveyId: survey.id, answers }));
      }
    },
    settled: () => chain.then(() => {}),
  };

  // The answers the learner moved past, chosen as for the complete response; the question left on screen was
  // never checked (flow/check-answer.ts), so its answer stays out, as it stays out of the `answered` count.
  function leavePartial(state: FlowState) {
    const { questions, answers, consent, groups } = state;
    partialAt = progressOf(state).answered;
    const sent = answersToSend(questions, answers, consent, groups);
    const left = questions.find((q) => q.id === state.step);
    for (const key of left ? answerKeys(left) : []) delete sent[key];
    const result = {
      answers: sent,
      consentSensitive: consent === true,
      consentGroups: agreedGroups(questions, answers, consent, groups),
    };
    const response = buildResponse(survey, options, result, prompt.trigger, prompt.wave, tick(), {
      id: responseId,
      status: 'partial',
    });
    queue(async () => deliverResponse(response, to, await sync));
  }
}
