import { gzipSync } from 'node:zlib';
import type { StoredResponse } from '../storage/storage.ts';

/**
 * The gzip bytes of a response as the widget sent it (the JSON of its body), rebuilt from what is stored: the
 * answers whole again, without what the collector adds (hashes, flags, times of receipt). The learnerRef is gone
 * for good, so a 16-character stand-in keeps its weight.
 */
export function sentBytes(r: StoredResponse): number {
  const { id, surveyId, surveyVersion, submittedAt, locale, country, consent, status, context } = r;
  const body = {
    id,
    surveyId,
    surveyVersion,
    submittedAt,
    locale,
    country,
    answers: { ...r.answers, ...r.sensitiveAnswers },
    consent,
    ...(r.learnerHash === undefined ? {} : { learnerRef: 'x'.repeat(16) }),
    status,
    context,
  };
  return gzipSync(JSON.stringify(body)).length;
}
