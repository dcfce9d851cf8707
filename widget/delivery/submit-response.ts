import type { ResolvedSurvey } from '../../protocol/resolved-survey.ts';
import type { EmbedOptions } from '../core/options/option-table.ts';
import { updatePromptState } from '../core/triggers/prompt-state.ts';
import { buildResponse, type SubmitResult } from './build-response.ts';
import { deliverResponse } from './deliver-response.ts';
import type { SyncLink } from './sync-link.ts';

// The submit path as one lazy chunk: a learner who never answers never downloads it.
/** Queues (or sends) the answers, remembers the wave as answered, and tells the host. */
export async function submitResponse(
  survey: ResolvedSurvey,
  options: EmbedOptions,
  result: SubmitResult,
  { trigger, wave }: { trigger: string; wave: string | undefined },
  sync: SyncLink | null,
  emit: (name: 'submitted', detail: Record<string, unknown>) => void,
  responseId?: string,
): Promise<'sent' | 'saved' | 'refused'> {
  // Under the attempt's id (record-steps.ts), so the completion replaces a partial of the same attempt.
  const response = buildResponse(survey, options, result, trigger, wave, Date.now(), { id: responseId });
  const delivery = await deliverResponse(response, { endpoint: options.endpoint, siteKey: options.siteKey }, sync);
  updatePromptState((s) => {
    s.answered.push(`${survey.id}:${wave ?? 'once'}`);
  });
  emit('submitted', { surveyId: survey.id, responseId: response.id, delivery });
  return delivery;
}
