import { debugLog } from './debug-log.ts';
import type { EventName, Handler } from './public-types.ts';

export type { EventName, Handler } from './public-types.ts';
export const EVENT_NAMES: readonly EventName[] = ['shown', 'dismissed', 'submitted', 'synced', 'error'];

/** DOM events carry a prefix: a plain "error" would collide with a script element's own load error. */
export const DOM_EVENT_PREFIX = 'outcome-survey:';

export type Events = {
  on(name: EventName, handler: Handler): () => void;
  emit(name: EventName, detail: Record<string, unknown>, target?: EventTarget | null): void;
  clear(): void;
};

/**
 * Host handlers run inside try/catch: a throwing host handler is the host's bug,
 * but it must not stop our own flow nor surface as an error we caused.
 */
export function createEvents(): Events {
  // Callers check names and handlers first (core's on() explains a wrong one: misuse.ts).
  const handlers = new Map<EventName, Set<Handler>>();
  return {
    on(name, handler) {
      const set = handlers.get(name) ?? new Set<Handler>();
      handlers.set(name, set);
      set.add(handler);
      return () => set.delete(handler);
    },
    emit(name, detail, target) {
      debugLog(name, detail);
      for (const handler of handlers.get(name) ?? []) {
        try {
          handler(detail);
        } catch (error) {
          console.error(`outcome-survey: a handler for "${name}" threw`, error);
        }
      }
      try {
        target?.dispatchEvent(new CustomEvent(DOM_EVENT_PREFIX + name, { detail, bubbles: true }));
      } catch (error) {
        console.error(`outcome-survey: a DOM listener for "${DOM_EVENT_PREFIX}${name}" threw`, error);
      }
    },
    clear() {
      handlers.clear();
    },
  };
}
