import { whenIdle } from '../core/when-idle.ts';

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

/** Resolves once the page is idle and no prompt is on its way to the screen. */
export async function noPromptInFlight(): Promise<void> {
  // A trigger that fires at once ("waves", "delay:0", an inline element) starts its prompt in the
  // task that configured it or in a timer due now; both come before the page is next idle.
  await whenIdle();
  while (prompts.size > 0) await Promise.allSettled([...prompts]);
}
