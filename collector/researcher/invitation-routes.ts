import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ScheduledWave } from '../denominators/wave-schedule.ts';
import type { Authorize } from '../http/bearer-auth.ts';
import { jsonError } from '../http/json-error.ts';
import { readJsonBody } from '../ingest/read-json-body.ts';
import { invitationAnswer } from '../invitations/invitation-answer.ts';
import { MAX_INVITATION_BODY_BYTES, parseInvitationBody } from '../invitations/invitation-request.ts';
import {
  type InvitationRunDeps,
  InvitationRunError,
  type InvitationRunErrorCode,
  runInvitations,
} from '../invitations/run-invitations.ts';
import type { LinkKeys } from '../links/link-keys.ts';
import type { DenominatorStorage } from '../storage/denominator-storage.ts';
import type { SurveyRegistry } from '../surveys/survey-registry.ts';

export type InvitationRouteDeps = {
  denominators: InvitationRunDeps['storage'] & Pick<DenominatorStorage, 'cohorts'>;
  surveys: SurveyRegistry;
  linkKeys: LinkKeys | undefined;
  /** PUBLIC_URL; undefined: links start with the origin the request came to (development and tests). */
  publicUrl: string | undefined;
  learnerRefSecret: string;
  linkExpiryDays: number;
  schedule: readonly ScheduledWave[];
  authorize: Authorize;
  now: () => number;
};

const STATUS: Record<InvitationRunErrorCode, ContentfulStatusCode> = {
  unknown_survey: 404,
  unknown_cohort: 404,
  // The collector is not set up for links: nothing the caller can change in the request.
  links_off: 503,
  wave_not_in_schedule: 400,
  invalid_options: 400,
};
const NOTHING = 'nothing was recorded';

/**
 * POST /v1/invitations: signed personal links for the due members among the learners given, each recorded as a
 * contact attempt (README "Invitations and reminders"). It hands out links that answer in a learner's name, so it
 * needs the export token.
 */
export function invitationRoutes(deps: InvitationRouteDeps): Hono {
  const app = new Hono();
  const run: InvitationRunDeps = {
    storage: deps.denominators,
    latestVersion: (id) => deps.surveys.latest(id)?.version,
    linkKeys: deps.linkKeys,
    learnerRefSecret: deps.learnerRefSecret,
    linkExpiryDays: deps.linkExpiryDays,
    schedule: deps.schedule,
  };

  app.post('/v1/invitations', deps.authorize('export'), async (c) => {
    const body = await readJsonBody(c.req.raw, MAX_INVITATION_BODY_BYTES);
    if (!body.ok) return jsonError(c, body.status, `POST /v1/invitations: ${body.error}; ${NOTHING}`);
    const parsed = parseInvitationBody(body.value);
    if (!parsed.ok) {
      const count = parsed.errors.length + parsed.more;
      const error = `POST /v1/invitations: ${count} problem${count === 1 ? '' : 's'} in the body (each named by its path; fix them and send it again); ${NOTHING}`;
      return parsed.tooMany
        ? jsonError(c, 413, error, parsed.errors)
        : c.json({ error, errors: parsed.errors, more: parsed.more }, 400);
    }
    const { surveyId, cohortId, wave, learners, options, dryRun } = parsed.value;
    try {
      const plan = await runInvitations(run, {
        surveyId,
        cohortId,
        wave,
        learners,
        options,
        dryRun,
        baseUrl: deps.publicUrl ?? new URL(c.req.url).origin,
        now: new Date(deps.now()),
      });
      return c.json(invitationAnswer(plan), 200, { 'Cache-Control': 'no-store' });
    } catch (err) {
      if (!(err instanceof InvitationRunError)) throw err;
      return jsonError(c, STATUS[err.code], `POST /v1/invitations: ${err.message}; ${NOTHING}`);
    }
  });

  return app;
}
