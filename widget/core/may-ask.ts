import { debugLog } from './debug-log.ts';
import type { EmbedOptions } from './options/option-table.ts';
import { decidePrompt } from './triggers/decide-prompt.ts';
import { dueWave } from './triggers/due-wave.ts';
import { readPromptState } from './triggers/prompt-state.ts';

/**
 * Whether this learner may be asked now, and for which wave: the device's flags
 * first (no network), then the collector's word when there is a learnerRef, so
 * "don't ask me again" and answered waves hold on every device. Null: do not ask.
 */
export async function mayAsk(options: EmbedOptions, onDemand: boolean, now: number): Promise<{ wave?: string } | null> {
  const state = readPromptState();
  const prefix = `${options.survey}:`;
  const answeredHere = state.answered.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length));
  const waves = options.trigger.kind === 'waves' && options.completedAt;
  const wave = waves ? dueWave(options.completedAt as Date, new Date(now), options.waves, answeredHere) : undefined;
  if (wave === null) return skip(options, 'no wave due');
  const decision = decidePrompt({
    surveyId: options.survey,
    wave: wave ?? 'once',
    now,
    capDays: options.capDays,
    state,
    onDemand,
  });
  if (!decision.ask) return skip(options, decision.reason);
  if (options.learnerRef) {
    // Only a host that passes a learnerRef fetches this chunk, so the collector's side of the decision is there.
    const { collectorObjection } = await import('./eligibility.ts');
    const objection = await collectorObjection(options, options.learnerRef, wave);
    if (objection) return skip(options, objection);
  }
  debugLog('asking', options.survey, wave ?? '');
  return { wave };
}

function skip(options: EmbedOptions, reason: string): null {
  debugLog('not asking', options.survey, reason);
  return null;
}
