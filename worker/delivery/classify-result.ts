import { readAck } from '../../protocol/ack-guard.ts';
import type { Ack, FieldError } from '../../protocol/index.ts';

/** What came back from one POST of a batch. */
export type SendOutcome =
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; body: unknown; retryAfterMs?: number };

export type Verdict = {
  /** Acknowledged: safe to delete from the device. */
  accepted: string[];
  duplicate: string[];
  /** Refused for good: moved to the dead-letter store with the reasons. */
  dead: { id: string; errors: FieldError[] }[];
  /** True when the whole batch was refused, so the responses are kept in the dead letters to be sent again. */
  deadKeepsResponse: boolean;
  /** Not acknowledged: kept, tried again later. */
  retry: string[];
  retryAfterMs?: number;
  reason?: string;
  /** The whole batch was refused: why, by status (never by the wording), and the collector's own words. */
  refusal?: { code: 'site-key-refused' | 'origin-refused' | 'batch-refused'; status: number; reason: string };
};

const RETRYABLE = new Set([408, 425, 429]);

/** The one place that decides what a delivery result means for each item sent. */
export function classifyResult(ids: readonly string[], outcome: SendOutcome): Verdict {
  const verdict: Verdict = { accepted: [], duplicate: [], dead: [], deadKeepsResponse: false, retry: [] };
  if (outcome.kind === 'network') return { ...verdict, retry: [...ids], reason: `network error: ${outcome.message}` };
  const { status } = outcome;
  if (status >= 500 || RETRYABLE.has(status) || status < 200 || (status >= 300 && status < 400))
    return { ...verdict, retry: [...ids], retryAfterMs: outcome.retryAfterMs, reason: `HTTP ${status}` };
  if (status >= 400) {
    const reason = errorText(outcome.body);
    const message = `collector refused the whole batch with HTTP ${status}: ${reason}`;
    // DESIGN.md: 401 is a bad site key, 403 an origin the key does not list.
    const code = status === 401 ? 'site-key-refused' : status === 403 ? 'origin-refused' : 'batch-refused';
    return {
      ...verdict,
      refusal: { code, status, reason },
      deadKeepsResponse: true,
      dead: ids.map((id) => ({ id, errors: [{ path: '(batch)', message }] })),
      reason: message,
    };
  }
  const ack = readAck(outcome.body);
  // A 2xx that is not our ack (a captive portal, a proxy page) acknowledges nothing.
  if (!ack) return { ...verdict, retry: [...ids], reason: `HTTP ${status} without an acknowledgement` };
  return fromAck(ids, ack);
}

function fromAck(ids: readonly string[], ack: Ack): Verdict {
  const verdict: Verdict = { accepted: [], duplicate: [], dead: [], deadKeepsResponse: false, retry: [] };
  const accepted = new Set(ack.accepted);
  const duplicate = new Set(ack.duplicate);
  const rejected = new Map(ack.rejected.filter((r) => r.id !== null).map((r) => [r.id as string, r.errors]));
  const anonymous = ack.rejected.filter((r) => r.id === null).flatMap((r) => r.errors);
  for (const id of ids) {
    if (accepted.has(id)) verdict.accepted.push(id);
    else if (duplicate.has(id)) verdict.duplicate.push(id);
    else if (rejected.has(id)) verdict.dead.push({ id, errors: rejected.get(id) ?? [] });
    // The collector could not read the id of some item: it can only be one of those it did not name.
    else if (anonymous.length) verdict.dead.push({ id, errors: anonymous });
    else verdict.retry.push(id);
  }
  if (verdict.retry.length) verdict.reason = 'the acknowledgement did not mention these ids';
  return verdict;
}

function errorText(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 200) || '(no message)';
  if (typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string')
    return (body as { error: string }).error;
  return '(no message)';
}
