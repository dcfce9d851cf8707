import type { FieldError } from '../../protocol/index.ts';
import { retentionCutoff } from '../storage/retention-cutoff.ts';

/** How far a device clock may run ahead of the collector's: phones drift, and a minute or two is common. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

export type SubmittedAtWindow = { receivedAt: string; retentionMonths: number };

/**
 * Refuses a submittedAt the collector would never report on: before the retention window (the
 * daily purge would delete it, and the consent screen promises it is not kept), or more than a few
 * minutes after receivedAt (a wrong device clock). Survey files carry no publication date, so the
 * retention window is also the earliest date a version can have been answered. Unbounded dates
 * (year 0001 or 9999) once made every report span thousands of empty periods.
 */
export function submittedAtProblem(
  submittedAt: string,
  at: string,
  window: SubmittedAtWindow,
  /** The field judged: a response's submittedAt, a contact event's at. */
  field = 'submittedAt',
): FieldError | null {
  const received = Date.parse(window.receivedAt);
  const submitted = Date.parse(submittedAt);
  const earliest = retentionCutoff(new Date(received), window.retentionMonths);
  const latest = new Date(received + MAX_CLOCK_AHEAD_MS).toISOString();
  if (submitted < Date.parse(earliest))
    return {
      path: `${at}.${field}`,
      message: `${submittedAt} is before the retention window (RETENTION_MONTHS=${window.retentionMonths}, so not before ${earliest}): check the device clock; an answer this old is not kept`,
    };
  if (submitted > Date.parse(latest))
    return {
      path: `${at}.${field}`,
      message: `${submittedAt} is more than ${MAX_CLOCK_AHEAD_MS / 60_000} minutes after the collector received it (${window.receivedAt}): check the device clock`,
    };
  return null;
}
