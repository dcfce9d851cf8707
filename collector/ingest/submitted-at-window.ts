import type { FieldError } from '../../protocol/index.ts';
import { retentionCutoff } from '../storage/retention-cutoff.ts';

/** How far a device clock may run ahead of the collector's: phones drift, and a minute or two is common. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

export type SubmittedAtWindow = { receivedAt: string; retentionMonths: number };

type Bounds = { receivedAt: string; retentionMonths: number; earliest: string; earliestMs: number; latestMs: number };
let last: Bounds | undefined;

// Every item of a batch shares its receivedAt: the window is worked out once per batch, not per item (issue 20).
function bounds({ receivedAt, retentionMonths }: SubmittedAtWindow): Bounds {
  if (last?.receivedAt === receivedAt && last.retentionMonths === retentionMonths) return last;
  const received = Date.parse(receivedAt);
  const earliest = retentionCutoff(new Date(received), retentionMonths);
  const latestMs = Date.parse(new Date(received + MAX_CLOCK_AHEAD_MS).toISOString());
  last = { receivedAt, retentionMonths, earliest, earliestMs: Date.parse(earliest), latestMs };
  return last;
}

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
  const { earliest, earliestMs, latestMs } = bounds(window);
  const submitted = Date.parse(submittedAt);
  if (submitted < earliestMs)
    return {
      path: `${at}.${field}`,
      message: `${submittedAt} is before the retention window (RETENTION_MONTHS=${window.retentionMonths}, so not before ${earliest}): check the device clock; an answer this old is not kept`,
    };
  if (submitted > latestMs)
    return {
      path: `${at}.${field}`,
      message: `${submittedAt} is more than ${MAX_CLOCK_AHEAD_MS / 60_000} minutes after the collector received it (${window.receivedAt}): check the device clock`,
    };
  return null;
}
