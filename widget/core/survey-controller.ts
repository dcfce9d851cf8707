import type { ResolvedSurvey } from '../../protocol/resolved-survey.ts';
import type { SubmitResult } from '../delivery/build-response.ts';
import { holdSyncFor } from '../delivery/sync-hold.ts';
import type { SyncLink } from '../delivery/sync-link.ts';
import { pickUiLocale } from '../i18n/pick-ui-locale.ts';
import { prefetchUiTable } from '../i18n/ui-table-chunks.ts';
import type { Who } from './eligibility.ts';
import type { Events } from './events.ts';
import { loadSurvey } from './load-survey.ts';
import { mayAsk } from './may-ask.ts';
import { createDialogHost } from './mount-host.ts';
import { nextTask } from './next-task.ts';
import type { EmbedOptions } from './options/option-table.ts';
import { DAY_MS } from './triggers/decide-prompt.ts';
import { updatePromptState } from './triggers/prompt-state.ts';

const DRAW_WAIT_MS = 10_000;

export type ControllerHost = {
  /** Where DOM events go: the script tag or the <outcome-survey> element. */
  target: EventTarget | null;
  placement: 'dialog' | 'inline';
  /** The element's own shadow root for inline placement; dialogs make their own host. */
  root?: ShadowRoot;
};

export type Controller = {
  track(name: string): void;
  show(): Promise<boolean>;
  flush(): Promise<void>;
  destroy(): void;
};

/** One configured survey on the page: decides when to ask, shows the UI, hands answers to the queue. */
export function createController(
  options: EmbedOptions,
  events: Events,
  host: ControllerHost,
  syncReady: Promise<SyncLink | null>,
): Controller {
  const emit = (name: Parameters<Events['emit']>[0], detail: Record<string, unknown>) =>
    events.emit(name, detail, host.target);
  const fail = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(message.startsWith('outcome-survey') ? message : `outcome-survey: ${message}`);
    emit('error', { surveyId: options.survey, message });
  };
  let destroyed = false;
  let busy = false;
  let unmount: (() => void) | null = null;
  let close: (() => void) | null = null;
  const timers: ReturnType<typeof setTimeout>[] = [];

  function prompt(trigger: string, onDemand: boolean): Promise<boolean> {
    const shown = promptNow(trigger, onDemand);
    holdSyncFor(shown);
    return shown;
  }

  async function promptNow(trigger: string, onDemand: boolean): Promise<boolean> {
    if (destroyed || busy || unmount) return false;
    busy = true;
    // The sync code waits for the first screen to be drawn, not only for mountSurvey to return: another
    // language's strings chunk still comes first (sync-hold.ts). Released on failure and on close too, and after
    // DRAW_WAIT_MS whatever happens: a strings chunk stuck on a bad network must not keep queued answers back.
    let drawn = () => {};
    try {
      const now = Date.now();
      // A personal link was judged by the collector before it served the page (spent, opted out, expired): the
      // device's own flags, kept on the collector's origin for whoever used this browser before, do not apply.
      const due = options.link ? {} : await mayAsk(options, onDemand, now);
      if (!due) return false;
      const wave = due.wave;
      const who: Who | null = options.learnerRef
        ? { ...destination(), learnerRef: options.learnerRef, learnerSig: options.learnerSig, surveyId: options.survey }
        : null;
      const locale = pickUiLocale(options.locale, document.documentElement.lang, navigator.languages);
      // The UI chunk, the survey and the language's strings download side by side; mounting (stylesheet, strings,
      // first render) waits for a task of its own rather than running on after either arrives (issue 9).
      prefetchUiTable(locale);
      const [{ mountSurvey }, survey] = await Promise.all([
        import('../ui/mount-survey.tsx'),
        loadSurvey(options.endpoint, options.survey, options.locale ?? locale, options.country),
      ]);
      // Only a personal link resumes (link-draft.ts): its draft is read before the first screen, which starts there.
      const { link } = options;
      const resumed = link
        ? await import('../delivery/record-steps.ts').then(
            (m) => m.resumeDraft(survey, link),
            () => undefined,
          )
        : undefined;
      await nextTask();
      if (destroyed) return false;
      const dialog = host.root ? null : createDialogHost();
      const root = host.root ?? (dialog as { root: ShadowRoot }).root;
      holdSyncFor(
        new Promise<void>((resolve) => {
          drawn = resolve;
          setTimeout(resolve, DRAW_WAIT_MS);
        }),
      );
      close = () => {
        drawn();
        unmount?.();
        unmount = null;
        close = null;
        dialog?.remove();
      };
      let answered = false;
      // The contact events and the partial response, in a chunk fetched with the sync code, once no prompt is on
      // its way to the screen (sync-hold.ts): the first question never waits for it.
      // The code that sends the answers comes in the same step, while the learner reads: fetched only at "Send",
      // it failed for a learner who had gone offline since the survey appeared (tests/e2e/contact-events.test.ts),
      // and the answers were never queued. submit()'s own import then resolves from the loaded module.
      const recorder = syncReady
        .then(() => Promise.all([import('../delivery/record-steps.ts'), import('../delivery/submit-response.ts')]))
        .then(([m]) => m.recordSteps(survey, options, { trigger, wave }, syncReady, resumed))
        .catch(() => null);
      const stop = mountSurvey(root, {
        // `initial`, where the learner left off (its `id` goes to the recorder above).
        ...resumed,
        survey,
        locale,
        placement: host.placement,
        onSubmit: (result: SubmitResult) => {
          answered = true;
          return recorder.then((r) => submit(survey, result, trigger, wave, r?.responseId));
        },
        onStep: (state) => void recorder.then((r) => r?.step(state)),
        onDrawn: () => drawn(),
        // Closing the thank-you screen is not a dismissal.
        onDismiss: (reason: 'not_now' | 'never' | 'closed') => {
          if (!answered) dismiss(reason, who);
          close?.();
        },
      });
      unmount = stop;
      updatePromptState((s) => {
        s.lastPromptAt = now;
      });
      emit('shown', { surveyId: survey.id, trigger, wave });
      return true;
    } catch (error) {
      drawn();
      fail(error);
      return false;
    } finally {
      busy = false;
    }
  }

  async function submit(
    survey: ResolvedSurvey,
    result: SubmitResult,
    trigger: string,
    wave: string | undefined,
    responseId: string | undefined,
  ): Promise<'sent' | 'saved' | 'refused'> {
    const { submitResponse } = await import('../delivery/submit-response.ts');
    return submitResponse(survey, options, result, { trigger, wave }, await syncReady, emit, responseId);
  }

  function dismiss(reason: 'not_now' | 'never' | 'closed', who: Who | null): void {
    updatePromptState((s) => {
      if (reason === 'never') s.doNotAsk.push(options.survey);
      else s.snoozedUntil[options.survey] = Date.now() + Math.max(options.capDays, 1) * DAY_MS;
    });
    if (reason === 'never' && who) import('./eligibility.ts').then((m) => m.sendOptOut(who)).catch(fail);
    emit('dismissed', { surveyId: options.survey, reason });
  }

  function destination() {
    return { endpoint: options.endpoint, siteKey: options.siteKey };
  }

  const t = options.trigger;
  if (t.kind === 'delay') timers.push(setTimeout(() => void prompt(`delay:${t.seconds}`, false), t.seconds * 1000));
  if (t.kind === 'waves') void prompt('waves', false);

  return {
    track(name) {
      if (t.kind === 'event' && t.name === name) void prompt(`event:${name}`, false);
    },
    show: () => prompt('show', true),
    async flush() {
      await (await syncReady)?.flush(10_000);
    },
    destroy() {
      destroyed = true;
      for (const timer of timers) clearTimeout(timer);
      close?.();
    },
  };
}
