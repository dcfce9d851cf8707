import type { ResolvedSurvey } from '../protocol/resolved-survey.ts';
import { buildResponse, type SubmitResult } from './build-response.ts';
import { deliverResponse } from './deliver-response.ts';
import type { EmbedOptions } from './options.ts';
import type { SyncLink } from './sync-link.ts';

// The submit path as one lazy chunk: a learner who never answers never downloads it.
export async function submitResponse(
  survey: ResolvedSurvey,
  options: EmbedOptions,
  result: SubmitResult,
  trigger: string,
  wave: string | undefined,
  sync: SyncLink | null,
): Promise<{ id: string; delivery: 'sent' | 'saved' }> {
  const response = buildResponse(survey, options, result, trigger, wave);
  return {
    id: response.id,
    delivery: await deliverResponse(response, { endpoint: options.endpoint, siteKey: options.siteKey }, sync),
  };
}
