import type { EmbedOptions } from './options.ts';
import { whenIdle } from './when-idle.ts';

export type SyncLink = {
  /** Asks for a flush and resolves at the next flush report, or after waitMs. */
  flush(waitMs: number): Promise<void>;
  stop(): void;
};

// Prompts on their way to the first screen. The sync code (and workbox-window) is not needed to
// show a question, so it is fetched once none is in flight rather than competing with the UI chunk
// for the learner's bandwidth; the byte budget of issue 5 counts what comes before the first question.
const prompts = new Set<Promise<unknown>>();

/** Keeps the sync code's download back until `prompt` has settled (shown the survey or decided not to). */
export function holdSyncFor(prompt: Promise<unknown>): void {
  prompts.add(prompt);
  const done = () => void prompts.delete(prompt);
  prompt.then(done, done);
}

async function noPromptInFlight(): Promise<void> {
  // A trigger that fires at once ("waves", "delay:0", an inline element) starts its prompt in the
  // task that configured it or in a timer due now; both come before the page is next idle.
  await whenIdle();
  while (prompts.size > 0) await Promise.allSettled([...prompts]);
}

/** Starts draining the queue (service worker or in-page) and tells us how many responses each flush delivered. */
export async function connectSync(options: EmbedOptions, onSent: (count: number) => void): Promise<SyncLink> {
  await noPromptInFlight();
  const { startSync } = await import('./sync/start-sync.ts');
  const waiters = new Set<() => void>();
  const handle = startSync({
    swUrl: options.sw,
    debug: options.debug,
    onReport(report) {
      const sent = (report as { sent?: unknown }).sent;
      const count = typeof sent === 'number' ? sent : Array.isArray(sent) ? sent.length : 0;
      if (count > 0) onSent(count);
      for (const wake of [...waiters]) wake();
    },
  });
  return {
    flush(waitMs) {
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        waiters.add(done);
        handle.requestSync();
      });
    },
    stop: () => handle.stop(),
  };
}
