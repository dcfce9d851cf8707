import type { Context } from 'hono';
import { Hono } from 'hono';
import { COHORT_ID_PATTERN, COHORT_ID_RULE } from '../../protocol/index.ts';
import { parseRosterCsv } from '../denominators/roster-csv.ts';
import { parseRosterJson } from '../denominators/roster-json.ts';
import type { Authorize } from '../http/bearer-auth.ts';
import { jsonError, quote } from '../http/json-error.ts';
import { readJsonBody } from '../ingest/read-json-body.ts';
import type { DenominatorStorage } from '../storage/denominator-storage.ts';
import { type HashedRoster, hashRoster, importCohort, NOTHING_IMPORTED } from './import-cohort.ts';
import { RosterBodyError, rosterBodyText } from './roster-body-text.ts';

export type CohortDeps = {
  denominators: Pick<DenominatorStorage, 'importRoster' | 'cohorts'>;
  /** The key responses' learner refs are hashed with, so a roster member and their responses meet. */
  learnerRefSecret: string;
  maxRosterBytes: number;
  authorize: Authorize;
  now: () => number;
};

const ACCEPTED = 'expected Content-Type: text/csv or application/json';
const NOTHING = NOTHING_IMPORTED;

/**
 * PUT /v1/cohorts/:id imports a roster (text/csv or JSON) whole or not at all; GET /v1/cohorts lists them.
 * Importing writes who the school expects to survey, so it needs the export token; the list holds only counts.
 */
export function cohortRoutes(deps: CohortDeps): Hono {
  const app = new Hono();

  app.put('/v1/cohorts/:id', deps.authorize('export'), async (c) => {
    const id = c.req.param('id');
    if (!COHORT_ID_PATTERN.test(id)) return jsonError(c, 400, `cohort id ${quote(id)}: ${COHORT_ID_RULE}`);
    const type = c.req.header('content-type') ?? '';
    const csv = /^\s*text\/csv\s*(;|$)/i.test(type);
    if (!csv && !/^\s*application\/json\s*(;|$)/i.test(type))
      return jsonError(c, 415, `${ACCEPTED}, got ${type ? quote(type, 100) : 'none'}; ${NOTHING}`);
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > deps.maxRosterBytes) return tooLarge(c, `a body of ${declared} bytes`, deps.maxRosterBytes);

    let roster: HashedRoster;
    if (csv) {
      const refused = csvBodyProblem(type, c.req.header('content-encoding'));
      if (refused) return jsonError(c, 415, `${refused}; ${NOTHING}`);
      const gzip = (c.req.header('content-encoding') ?? '').trim().toLowerCase() === 'gzip';
      try {
        const text = rosterBodyText(c.req.raw.body, deps.maxRosterBytes, gzip);
        roster = await hashRoster((sink) => parseRosterCsv(text, sink), deps.learnerRefSecret);
      } catch (err) {
        if (!(err instanceof RosterBodyError)) throw err;
        return err.code === 'too_large'
          ? jsonError(c, 413, `${err.message}; ${NOTHING}`)
          : jsonError(c, 400, `${err.message}; ${NOTHING}`);
      }
    } else {
      const body = await readJsonBody(c.req.raw, deps.maxRosterBytes);
      if (!body.ok) return jsonError(c, body.status, `${body.error}; ${NOTHING}`);
      roster = await hashRoster(() => parseRosterJson(body.value), deps.learnerRefSecret);
    }

    if (!roster.ok) {
      const count = roster.problems.length + roster.more;
      const error = `roster for cohort "${id}" refused: ${count} problem${count === 1 ? '' : 's'} (fix each and send the whole file again); ${NOTHING}`;
      return c.json({ error, problems: roster.problems, more: roster.more }, 400);
    }
    const summary = await importCohort(deps.denominators, id, roster.members, new Date(deps.now()).toISOString());
    return c.json(summary, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/v1/cohorts', deps.authorize('report'), async (c) =>
    c.json({ cohorts: await deps.denominators.cohorts() }, 200, { 'Cache-Control': 'no-store' }),
  );

  return app;
}

function tooLarge(c: Context, what: string, max: number) {
  return jsonError(
    c,
    413,
    `${what} exceeds the roster limit of ${max} bytes: split the cohort or raise MAX_ROSTER_BYTES; ${NOTHING}`,
  );
}

/** The charset and encoding a CSV roster may come in, as the JSON body's reader allows for JSON. */
function csvBodyProblem(type: string, contentEncoding: string | undefined): string | undefined {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
  if (charset && charset.toLowerCase() !== 'utf-8')
    return `expected charset utf-8, got ${quote(charset, 40)}: save the file as UTF-8`;
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip')
    return `unsupported Content-Encoding ${quote(encoding, 40)}: send identity or gzip`;
  return undefined;
}
