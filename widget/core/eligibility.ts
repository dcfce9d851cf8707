import type { EligibilityAnswer, EligibilityRequest } from '../../protocol/eligibility.ts';
import { isEligibilityAnswer } from '../../protocol/eligibility-guard.ts';
import { debugLog } from './debug-log.ts';
import type { EmbedOptions } from './options/option-table.ts';

/** The collector's answer, with no waves answered where an older collector sent none. */
export type Eligibility = EligibilityAnswer & { answeredWaves: string[] };

export type Who = EligibilityRequest & { endpoint: string };

/**
 * Asks the collector whether this learner opted out or answered on another device.
 * When the collector cannot say (offline, old version), the device's own flags decide.
 */
export async function fetchEligibility(who: Who): Promise<Eligibility | null> {
  try {
    const res = await postWho(who, '/v1/eligibility');
    if (!res.ok) return null;
    const body: unknown = await res.json();
    if (!isEligibilityAnswer(body)) return null;
    return { eligible: body.eligible, reason: body.reason, answeredWaves: body.answeredWaves ?? [] };
  } catch {
    return null;
  }
}

/**
 * Why the collector says not to ask this learner (opted out, or this wave answered on another device), or null
 * to ask: also when it cannot say, for then the device's own flags, already checked, decide.
 */
export async function collectorObjection(
  options: EmbedOptions,
  learnerRef: string,
  wave: string | undefined,
): Promise<string | null> {
  const eligibility = await fetchEligibility({
    endpoint: options.endpoint,
    siteKey: options.siteKey,
    learnerRef,
    learnerSig: options.learnerSig,
    surveyId: options.survey,
  });
  if (!eligibility) debugLog('no eligibility answer; the device decides');
  else if (!eligibility.eligible) return `collector says ${eligibility.reason}`;
  else if (wave && eligibility.answeredWaves.includes(wave)) return 'wave answered elsewhere';
  return null;
}

/** Records "don't ask me again" at the collector so it holds on every device; best effort. */
export async function sendOptOut(who: Who): Promise<boolean> {
  try {
    return (await postWho(who, '/v1/eligibility/opt-out')).ok;
  } catch {
    return false;
  }
}

// In a body, never a query string: proxies and access logs keep URLs, and the learnerRef is personal data.
function postWho(who: Who, path: string): Promise<Response> {
  return fetch(who.endpoint + path, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      siteKey: who.siteKey,
      learnerRef: who.learnerRef,
      learnerSig: who.learnerSig,
      surveyId: who.surveyId,
    } satisfies EligibilityRequest),
  });
}
