import { noPromptInFlight } from '../delivery/sync-hold.ts';
import type { SyncLink } from '../delivery/sync-link.ts';
import { setDebug } from './debug-log.ts';
import { createEvents, EVENT_NAMES, type EventName, type Handler } from './events.ts';
import { guarded } from './guarded.ts';
import type { Misuse } from './misuse.ts';
import { attributeOf, type EmbedOptions } from './options/option-table.ts';
import { parseOptions } from './options/parse-options.ts';
import { readAttributes } from './options/read-attributes.ts';
import type { OutcomeSurveyApi } from './public-types.ts';
import { type Controller, type ControllerHost, createController } from './survey-controller.ts';

/**
 * The loaded survey code behind the lazy API that hosts call (widget/entry/lazy-api.ts): the same calls,
 * answered at once rather than as promises where they can be, and what the loader and the custom
 * element use to hand over their attributes.
 */
export type OutcomeSurveyCore = Omit<OutcomeSurveyApi, 'init'> & {
  init(options: Record<string, unknown>): boolean;
  initFromScript(script: HTMLScriptElement): boolean;
  attach(element: HTMLElement): void;
  detach(element: HTMLElement): void;
};

type Entry = { options: EmbedOptions; controller: Controller; target: EventTarget | null };

/**
 * One console error for a wrong option or call. Its words load in a chunk of their own (misuse.ts),
 * off the path to the first question; if that chunk cannot load, a short message says what was wrong.
 */
function explain(
  say: (words: typeof import('./misuse.ts')) => string,
  short: string,
  then?: (message: string) => void,
): void {
  import('./misuse.ts').then(
    (words) => {
      const message = say(words);
      console.error(message);
      then?.(message);
    },
    (error: unknown) => console.error(`outcome-survey: ${short}`, error),
  );
}

const misused = (misuse: Misuse) =>
  explain((words) => words.misuseMessage(misuse), `${misuse.call}() was called wrongly.`);

export function createOutcomeSurvey(): OutcomeSurveyCore {
  const events = createEvents();
  const elements = new Map<HTMLElement, Entry>();
  let main: Entry | null = null;
  let sync: Promise<SyncLink | null> | null = null;

  // One drain per page, started by the first valid configuration.
  const syncFor = (options: EmbedOptions) =>
    (sync ??= noPromptInFlight()
      .then(() => import('../delivery/sync-link.ts'))
      .then((m) => m.connectSync(options, events, entries))
      .catch((error: unknown) => {
        console.error('outcome-survey: could not start syncing; answers stay queued on this device.', error);
        return null;
      }));

  function start(
    raw: Record<string, unknown>,
    nameOf: (key: string) => string,
    strict: boolean,
    host: ControllerHost,
  ): Entry | null {
    const parsed = parseOptions(raw, nameOf, strict);
    if (!parsed.ok) {
      const { option } = parsed;
      explain(
        (words) => words.optionError(raw, parsed),
        `option "${option}" is invalid; the survey is turned off.`,
        (message) => events.emit('error', { option, message }, host.target),
      );
      return null;
    }
    // Before the controller starts: a "waves" trigger decides at once.
    if (parsed.options.debug) setDebug(true);
    return {
      options: parsed.options,
      controller: createController(parsed.options, events, host, syncFor(parsed.options)),
      target: host.target,
    };
  }

  const entries = () => [...(main ? [main] : []), ...elements.values()];
  const refreshDebug = () => setDebug(entries().some((e) => e.options.debug));

  const core: OutcomeSurveyCore = {
    init: guarded(
      'init',
      (options: Record<string, unknown>) => {
        main?.controller.destroy();
        const raw = options && typeof options === 'object' ? options : { endpoint: options };
        main = start(raw, (k) => k, true, { target: null, placement: 'dialog' });
        refreshDebug();
        return main !== null;
      },
      false,
    ),
    initFromScript: guarded(
      'init',
      (script: HTMLScriptElement) => {
        main?.controller.destroy();
        main = start(readAttributes(script, 'data-'), (k) => `data-${attributeOf(k)}`, false, {
          target: script,
          placement: 'dialog',
        });
        refreshDebug();
        return main !== null;
      },
      false,
    ),
    attach: guarded(
      'attach',
      (element: HTMLElement) => {
        elements.get(element)?.controller.destroy();
        elements.delete(element);
        const raw = readAttributes(element, '');
        const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
        const entry = start(raw, attributeOf, false, { target: element, placement: 'inline', root });
        refreshDebug();
        if (!entry) return;
        elements.set(element, entry);
        // An inline survey is placed by the page on purpose: without a trigger it shows at once. So does a personal
        // link's, whatever its trigger: the learner opened the link to answer (the collector's page gives none).
        if (raw.trigger === undefined || entry.options.link) void entry.controller.show();
      },
      undefined,
    ),
    detach: guarded(
      'detach',
      (element: HTMLElement) => {
        elements.get(element)?.controller.destroy();
        elements.delete(element);
        refreshDebug();
      },
      undefined,
    ),
    show: guarded(
      'show',
      async (surveyId?: string) => {
        const entry = entries().find((e) => surveyId === undefined || e.options.survey === surveyId);
        if (!entry) {
          misused({ call: 'show', surveyId });
          return false;
        }
        return entry.controller.show();
      },
      false,
    ),
    on: guarded(
      'on',
      (event: EventName, handler: Handler) => {
        if (EVENT_NAMES.includes(event) && typeof handler === 'function') return events.on(event, handler);
        misused({ call: 'on', event, handler });
        return () => {};
      },
      () => {},
    ),
    track: guarded(
      'track',
      (eventName: string) => {
        if (typeof eventName !== 'string') return misused({ call: 'track', eventName });
        for (const entry of entries()) entry.controller.track(eventName);
      },
      undefined,
    ),
    pending: guarded('pending', async () => (await import('../delivery/device-queue.ts')).countOnDevice(), 0),
    deadLetters: guarded(
      'deadLetters',
      async () => (await import('../delivery/device-queue.ts')).listDeadLetters(),
      [],
    ),
    // Like pending(), in a chunk of its own: nothing before the first question needs it.
    withdraw: guarded(
      'withdraw',
      async () => {
        const { withdrawFromDevice } = await import('../delivery/withdraw-from-device.ts');
        return withdrawFromDevice(entries().map((e) => e.options));
      },
      0,
    ),
    flush: guarded(
      'flush',
      async () => {
        await Promise.all(entries().map((e) => e.controller.flush()));
      },
      undefined,
    ),
    destroy: guarded(
      'destroy',
      () => {
        for (const entry of entries()) entry.controller.destroy();
        main = null;
        elements.clear();
        void sync?.then((link) => link?.stop());
        sync = null;
        events.clear();
        setDebug(false);
      },
      undefined,
    ),
  };
  return core;
}
