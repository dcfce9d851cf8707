import { randomUUID } from 'node:crypto';
import { contentHash } from '../ingest/content-hash.ts';
import type { StoredContactEvent } from '../storage/denominator-storage.ts';
import { COLLECTOR_SITE_KEY, type CollectorEventKind } from '../storage/event-kinds.ts';

// The collector's own contact attempts (issue 17, design decision 7) as rows of contact_events, beside what devices
// send, so selection (reminder count, spacing) and the dispositions (3.30, the invitations column) read them.

export type AttemptTarget = {
  surveyId: string;
  /** The survey's latest version: an attempt is about the survey, not about a version a device showed. */
  surveyVersion: number;
  cohortId: string;
  wave: string;
};

/** One event per learner hash, all dated `at`: the moment of the run, or of the server's verdict when sending. */
export function contactAttempts(
  target: AttemptTarget,
  kind: CollectorEventKind,
  learnerHashes: readonly string[],
  at: Date,
): StoredContactEvent[] {
  const iso = at.toISOString();
  return learnerHashes.map((learnerHash) => {
    const event = {
      id: randomUUID(),
      kind,
      surveyId: target.surveyId,
      surveyVersion: target.surveyVersion,
      at: iso,
      // "link": what was handed out; the same trigger the link page's responses carry.
      context: { trigger: 'link', wave: target.wave, cohort: target.cohortId },
      receivedAt: iso,
      siteKey: COLLECTOR_SITE_KEY,
      learnerHash,
    };
    return { ...event, contentHash: contentHash(event) };
  });
}
