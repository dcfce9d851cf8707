import type { EventName, Handler } from '../core/events.ts';
import type { OutcomeSurveyCore } from '../core/outcome-survey.ts';
import type { OutcomeSurveyApi } from '../core/public-types.ts';
import { whenIdle } from '../core/when-idle.ts';

export type LazyApi = OutcomeSurveyApi & { core(): Promise<OutcomeSurveyCore> };

/**
 * The tiny stand-in the host talks to: it queues calls and loads the real code
 * (validation, triggers, UI) only once the page is idle, so a page that never
 * shows a survey pays for this file alone. A show() does not wait for idle: the
 * host asks for the survey now, and the learner waits for it.
 */
export function createLazyApi(): LazyApi {
  let loading: Promise<OutcomeSurveyCore> | undefined;
  let now: (() => void) | undefined;
  const core = (urgent = false) => {
    loading ??= new Promise<void>((resolve) => {
      now = resolve;
      whenIdle().then(resolve);
    })
      .then(() => import('../core/outcome-survey.ts'))
      .then((m) => m.createOutcomeSurvey())
      .catch((error: unknown) => {
        // A chunk that failed to download (flaky network) is tried again on the next call.
        loading = undefined;
        throw error;
      });
    if (urgent) now?.();
    return loading;
  };
  const call = <R>(use: (c: OutcomeSurveyCore) => R | Promise<R>, fallback: R, urgent = false): Promise<R> =>
    core(urgent)
      .then(use)
      .catch((error: unknown) => {
        console.error('outcome-survey: could not load the survey code', error);
        return fallback;
      });
  return {
    core: () => core(),
    init: (options) => call((c) => c.init(options), false),
    show(surveyId) {
      // The first-question UI downloads beside the survey code, not after it: the controller's own import of it
      // (survey-controller.ts) then finds it fetched. A learner who may not be asked (opted out) fetched it for nothing.
      import('../ui/mount-survey.tsx').catch(() => {});
      return call((c) => c.show(surveyId), false, true);
    },
    on(event: EventName, handler: Handler) {
      const off = call(
        (c) => c.on(event, handler),
        () => {},
      );
      return () => void off.then((f) => f());
    },
    track: (eventName) => void call((c) => c.track(eventName), undefined),
    pending: () => call((c) => c.pending(), 0),
    deadLetters: () => call((c) => c.deadLetters(), []),
    withdraw: () => call((c) => c.withdraw(), 0),
    flush: () => call((c) => c.flush(), undefined),
    destroy: () => void call((c) => c.destroy(), undefined),
  };
}
