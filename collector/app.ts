import { Hono } from 'hono';
import type { AppDeps } from './app-deps.ts';
import type { Config } from './config/load-config.ts';
import { DEFAULT_SCHEDULE } from './denominators/wave-schedule.ts';
import type { AppEnv } from './http/app-env.ts';
import { authorizer, researcherCredentials } from './http/bearer-auth.ts';
import { clientAddress } from './http/client-address.ts';
import { guardStorage } from './http/guard-storage.ts';
import { jsonError } from './http/json-error.ts';
import { rateLimit } from './http/rate-limit.ts';
import { RateLimiter } from './http/rate-limiter.ts';
import { loggedPath, requestLog } from './http/request-log.ts';
import { routedPath } from './http/routed-path.ts';
import { SiteAccess } from './http/site-access.ts';
import { siteCors } from './http/site-cors.ts';
import { StorageUnavailableError, storageUnavailable } from './http/storage-unavailable.ts';
import { linkPageRoutes } from './links/link-page-routes.ts';
import { type Logger, silentLogger } from './logging/logger.ts';
import { cohortRoutes } from './researcher/cohort-routes.ts';
import { impactRoutes } from './researcher/impact-routes.ts';
import { invitationRoutes } from './researcher/invitation-routes.ts';
import { researcherRoutes } from './researcher/researcher-routes.ts';
import { responseRatesRoutes } from './researcher/response-rates-routes.ts';
import { eligibilityRoutes } from './routes/eligibility-routes.ts';
import { healthRoute } from './routes/health-route.ts';
import { learnerRoutes } from './routes/learner-routes.ts';
import { responsesRoute } from './routes/responses-route.ts';
import { surveyRoutes } from './routes/survey-routes.ts';

export type AppOptions = { config: Config; log?: Logger; now?: () => number };

/** Mounts the routes and the edge (logging, limits, CORS, token); no side effects, so tests use app.request(). */
export function createApp(given: AppDeps, { config, log = silentLogger, now = Date.now }: AppOptions): Hono<AppEnv> {
  const { storage, writes } = guardStorage(given.storage, now);
  const deps = { ...given, storage };
  const sites = new SiteAccess(config.siteKeys, {
    enabled: config.linkKeys !== undefined,
    publicUrl: config.publicUrl,
  });
  const secret = config.learnerRefSecret;
  const authorize = authorizer(researcherCredentials(config));
  const app = new Hono<AppEnv>({ getPath: routedPath });

  app.use('*', requestLog(log));
  // CORS before the limits, so a browser can read a 429 and its Retry-After instead of seeing a network error.
  for (const path of ['/v1/surveys', '/v1/surveys/*', '/v1/responses', '/v1/eligibility', '/v1/eligibility/*'])
    app.use(path, siteCors(sites));
  const addressLimiter = new RateLimiter(config.rateLimitPerAddress, now);
  // The link pages too: every refused token is a counted write, so a flood of made-up links is bounded like posts.
  for (const path of ['/v1/*', '/s/*'])
    app.use(
      path,
      rateLimit(addressLimiter, (c) => clientAddress(c, config.trustProxy), 'from this address'),
    );
  // Production only: in development one made-up token is the norm, and a warning on every
  // `npm start` would teach people to skim past warnings (scripts/start.ts says it instead).
  if (config.production && !config.eraseToken)
    log.warn({
      event: 'erase_token_unset',
      message:
        'ERASE_TOKEN is not set, so EXPORT_TOKEN both reads every response and erases learners; set it to separate them',
    });
  const unsigned = sites.withoutLearnerSecret();
  if (config.production && unsigned.length)
    log.warn({
      event: 'learner_secret_unset',
      siteKeys: unsigned,
      message: `SITE_KEYS: ${unsigned.map((k) => JSON.stringify(k)).join(', ')} ${unsigned.length === 1 ? 'has' : 'have'} no learnerSecret, so anyone with the public site key can read a learner's status, opt them out and answer in their name; add "learnerSecret" (32+ characters) to each entry and sign learnerRefs (README "Verifying learner identity")`,
    });

  app.route('/', healthRoute(deps.storage, writes, now));
  app.route('/', surveyRoutes(deps.surveys));
  app.route(
    '/',
    responsesRoute({
      storage: deps.storage,
      sites,
      siteLimiter: new RateLimiter(config.rateLimitPerSiteKey, now),
      log,
      maxBodyBytes: config.maxBodyBytes,
      maxBatch: config.maxBatch,
      context: {
        surveys: deps.surveys,
        learnerRefSecret: secret,
        includeAsylumSeekers: config.includeAsylumSeekers,
        retentionMonths: config.retentionMonths,
        linkKeys: config.linkKeys,
      },
      now,
    }),
  );
  app.route(
    '/',
    eligibilityRoutes({ storage: deps.storage, surveys: deps.surveys, sites, learnerRefSecret: secret, now }),
  );
  app.route(
    '/',
    linkPageRoutes({
      storage: deps.storage,
      surveys: deps.surveys,
      linkKeys: config.linkKeys,
      publicUrl: config.publicUrl,
      widgetDist: config.widgetDist,
      log,
      now,
    }),
  );
  app.route('/', learnerRoutes({ storage: deps.storage, learnerRefSecret: secret, log }, authorize));
  app.route('/', researcherRoutes(deps, authorize));
  app.route(
    '/',
    cohortRoutes({
      denominators: deps.storage,
      learnerRefSecret: secret,
      maxRosterBytes: config.maxRosterBytes,
      authorize,
      now,
    }),
  );
  app.route(
    '/',
    responseRatesRoutes({
      denominators: deps.storage,
      surveys: deps.surveys,
      settings: { ...deps.settings, partialThreshold: config.partialThreshold },
      authorize,
    }),
  );
  app.route(
    '/',
    impactRoutes({
      storage: deps.storage,
      surveys: deps.surveys,
      settings: {
        ...deps.settings,
        partialThreshold: config.partialThreshold,
        impactCareerTarget: config.impactCareerTarget,
        widgetDist: config.widgetDist,
      },
      authorize,
    }),
  );
  app.route(
    '/',
    invitationRoutes({
      denominators: deps.storage,
      surveys: deps.surveys,
      linkKeys: config.linkKeys,
      publicUrl: config.publicUrl,
      learnerRefSecret: secret,
      linkExpiryDays: config.linkExpiryDays,
      // The schedule the dispositions use (response-rates-routes.ts): surveys declare none yet.
      schedule: DEFAULT_SCHEDULE,
      authorize,
      now,
    }),
  );

  // The path is not echoed: a mistyped /v1/learner/REF would hand the ref back to every proxy and log on the way.
  app.notFound((c) =>
    jsonError(c, 404, `no route for ${c.req.method} at this path: the routes are listed in README.md ("HTTP API")`),
  );
  app.onError((err, c) => {
    if (err instanceof StorageUnavailableError) return storageUnavailable(c, log, err);
    log.error({ event: 'unhandled', method: c.req.method, path: loggedPath(c), error: err.message });
    return jsonError(c, 500, 'internal error: the collector log has the cause (event "unhandled")');
  });
  return app;
}

/** The settings route modules read, taken from the validated configuration. */
export function appSettings(config: Config): AppDeps['settings'] {
  return {
    minCell: config.minCell,
    roundTo: config.roundTo,
    minPercentBase: config.minPercentBase,
    includeAsylumSeekers: config.includeAsylumSeekers,
  };
}
