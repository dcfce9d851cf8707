import type pg from 'pg';
import type { WaveQuery } from '../denominator-storage.ts';
import { sequentialRead } from './sequential-read.ts';

// Two anti-joins, one per kind of stray response (denominator-storage.ts outsideRoster). Written as one scan with
// NOT EXISTS inside an OR, PostgreSQL probed an index twice per response of the wave (12–25 s at 300,000 responses
// on a loaded machine); each NOT EXISTS standing alone becomes a hash anti-join over the roster. A response with no
// learner hash matches no member, so NOT EXISTS counts it too.
const OUTSIDE_ROSTER = `
  SELECT
    (SELECT count(*) FROM responses r
     WHERE r.survey_id = $1 AND (r.context->>'wave' = $2 OR (r.context->>'wave' IS NULL AND $2 = 'once'))
       AND r.context->>'cohort' = $3
       AND NOT EXISTS (SELECT 1 FROM cohort_members m WHERE m.cohort_id = $3 AND m.learner_hash = r.learner_hash))
    + (SELECT count(*) FROM responses r
     WHERE r.survey_id = $1 AND (r.context->>'wave' = $2 OR (r.context->>'wave' IS NULL AND $2 = 'once'))
       AND r.context->>'cohort' IS NULL
       AND NOT EXISTS (SELECT 1 FROM cohort_members m WHERE m.learner_hash = r.learner_hash)) AS n`;

/** Responses to the survey and wave that no member of the cohort gave, counted apart as outside_roster. */
export function postgresOutsideRoster(pool: pg.Pool, { surveyId, cohortId, wave }: WaveQuery): Promise<number> {
  return sequentialRead(pool, async (client) => {
    const { rows } = await client.query<{ n: string }>(OUTSIDE_ROSTER, [surveyId, wave, cohortId]);
    return Number(rows[0]?.n ?? 0);
  });
}
