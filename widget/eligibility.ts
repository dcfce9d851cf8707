export type Eligibility = { eligible: boolean; reason?: string; answeredWaves: string[] };

export type Who = { endpoint: string; siteKey: string; learnerRef: string; surveyId: string };

/**
 * Asks the collector whether this learner opted out or answered on another device.
 * When the collector cannot say (offline, old version), the device's own flags decide.
 */
export async function fetchEligibility(who: Who): Promise<Eligibility | null> {
  try {
    const query = new URLSearchParams({ siteKey: who.siteKey, learnerRef: who.learnerRef, surveyId: who.surveyId });
    const res = await fetch(`${who.endpoint}/v1/eligibility?${query}`, { credentials: 'omit' });
    if (!res.ok) return null;
    const body = (await res.json()) as Partial<Eligibility>;
    if (typeof body.eligible !== 'boolean') return null;
    return {
      eligible: body.eligible,
      reason: body.reason,
      answeredWaves: Array.isArray(body.answeredWaves) ? body.answeredWaves : [],
    };
  } catch {
    return null;
  }
}

/** Records "don't ask me again" at the collector so it holds on every device; best effort. */
export async function sendOptOut(who: Who): Promise<boolean> {
  try {
    const res = await fetch(`${who.endpoint}/v1/eligibility/opt-out`, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ siteKey: who.siteKey, learnerRef: who.learnerRef, surveyId: who.surveyId }),
    });
    return res.ok;
  } catch {
    return false;
  }
}
