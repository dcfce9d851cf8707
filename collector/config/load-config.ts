import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LinkKeys } from '../links/link-keys.ts';
import { ConfigSchema, type SiteKeys } from './config-schema.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Config = {
  production: boolean;
  port: number;
  host: string;
  /** The demo course site of `npm start` (development). */
  demoPort: number;
  databaseUrl: string;
  /** PostgreSQL only: connections this instance may hold. */
  databasePoolSize: number;
  exportToken: string;
  /** True when no EXPORT_TOKEN was given (development only) and one was made up: main prints it. */
  exportTokenGenerated: boolean;
  /** When set, the only token for DELETE /v1/learners/:ref, and it cannot read; unset, exportToken also erases. */
  eraseToken: string | undefined;
  /** When set, reads /v1/report and /v1/report/delivery only (403 on export, codebook, erasure); exportToken reads them too. */
  reportToken: string | undefined;
  learnerRefSecret: string;
  siteKeys: SiteKeys;
  surveysDir: string;
  maxBodyBytes: number;
  /** Body limit of PUT /v1/cohorts/:id, as sent and after gzip. */
  maxRosterBytes: number;
  maxBatch: number;
  /** Requests per minute, per instance (the buckets live in memory). */
  rateLimitPerAddress: number;
  rateLimitPerSiteKey: number;
  /** Behind a load balancer: take the client address from the last X-Forwarded-For entry. */
  trustProxy: boolean;
  includeAsylumSeekers: boolean;
  minCell: number;
  roundTo: number;
  minPercentBase: number;
  partialThreshold: number;
  /** Career outcomes a year the impact report measures against (IMPACT_CAREER_TARGET). */
  impactCareerTarget: number;
  /** Responses older than this many months are deleted at start and daily after. */
  retentionMonths: number;
  /** Time a connection has to send its request headers, then its whole request (body included). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** A keep-alive connection with no request in flight is closed after this long. */
  idleTimeoutMs: number;
  /** Connections open at once; a new one beyond this is closed on arrival. */
  maxConnections: number;
  /** Signs and verifies personal links; undefined: links are off (production without LINK_KEYS). */
  linkKeys: LinkKeys | undefined;
  /** The start of every personal link's URL; undefined: taken from the request (development and tests). */
  publicUrl: string | undefined;
  linkExpiryDays: number;
  /** The widget's build the link page serves under /s/assets/ (WIDGET_DIST). */
  widgetDist: string;
  /** Direct sending of invitations: both set, or neither. */
  smtpUrl: string | undefined;
  smtpFrom: string | undefined;
};

export const DEMO_SITE_KEY = 'demo-site-key';
/** Development only, and kept beside any SITE_KEYS given, so `npm start`'s demo page works whatever else is set. */
export const devSiteKeys = (demoPort = 8080): SiteKeys => ({
  [DEMO_SITE_KEY]: { origins: [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`] },
});
export const DEV_SITE_KEYS: SiteKeys = devSiteKeys();
// Development only: a fixed key keeps learner hashes stable across restarts; production must set its own.
const DEV_LEARNER_REF_SECRET = 'development-only-learner-ref-secret-do-not-use';
// Development only, like the learner-ref secret: links made by `npm start` keep working across restarts.
export const DEV_LINK_KEYS: LinkKeys = {
  signingKeyId: 'dev',
  secrets: new Map([['dev', Buffer.from('development-only-link-key-do-not-use-in-production')]]),
};

/** Validates configuration from the environment and, under it, an optional JSON file using the same names. */
export function loadConfig(
  env: Record<string, string | undefined>,
  file: string | undefined = env.COLLECTOR_CONFIG,
): Config {
  const merged = { ...readConfigFile(file), ...definedOnly(env) };
  const parsed = ConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const setting = i.path.map(String).join('.') || '(root)';
      const value =
        i.path.length === 1 && !/TOKEN|SECRET|DATABASE_URL/.test(setting)
          ? `, got ${JSON.stringify(merged[String(i.path[0])])}`
          : '';
      return `${setting}: ${i.message}${value}`;
    });
    throw new ConfigError(`invalid configuration${file ? ` (env and ${file})` : ''}:\n  ${lines.join('\n  ')}`);
  }
  const s = parsed.data;
  const production = s.NODE_ENV === 'production';
  const required = (name: string) => new ConfigError(`${name}: required when NODE_ENV=production`);
  if (production && !s.EXPORT_TOKEN) throw required('EXPORT_TOKEN');
  if (production && !s.LEARNER_REF_SECRET) throw required('LEARNER_REF_SECRET');
  if (production && !s.SITE_KEYS) throw required('SITE_KEYS');
  if (s.ERASE_TOKEN !== undefined && s.ERASE_TOKEN === s.EXPORT_TOKEN)
    throw new ConfigError(
      'ERASE_TOKEN: must differ from EXPORT_TOKEN; the same value would let whoever reads the data also erase it',
    );
  // Equal to either, the report token would be that token, with all it may do.
  for (const [other, also] of [
    ['EXPORT_TOKEN', 'export every response'],
    ['ERASE_TOKEN', 'erase learners'],
  ] as const)
    if (s.REPORT_TOKEN !== undefined && s.REPORT_TOKEN === s[other])
      throw new ConfigError(
        `REPORT_TOKEN: must differ from ${other}; the same value would let whoever reads the reports also ${also}`,
      );
  if (production && s.LINK_KEYS && !s.PUBLIC_URL)
    throw new ConfigError(
      'PUBLIC_URL: required with LINK_KEYS when NODE_ENV=production: personal links must begin with the address learners reach, such as "https://survey.school.example"',
    );
  if (Boolean(s.SMTP_URL) !== Boolean(s.SMTP_FROM))
    throw new ConfigError(
      `${s.SMTP_URL ? 'SMTP_FROM' : 'SMTP_URL'}: required with ${s.SMTP_URL ? 'SMTP_URL' : 'SMTP_FROM'}: direct sending needs the server and the sender address, such as SMTP_FROM="School <alumni@school.example>"`,
    );
  // Node refuses a header timeout longer than the request's, with an error naming neither setting.
  if (s.HEADERS_TIMEOUT_MS > s.REQUEST_TIMEOUT_MS)
    throw new ConfigError(
      `HEADERS_TIMEOUT_MS: ${s.HEADERS_TIMEOUT_MS} is longer than REQUEST_TIMEOUT_MS (${s.REQUEST_TIMEOUT_MS}); the headers are part of the request, so lower it or raise REQUEST_TIMEOUT_MS`,
    );
  return {
    production,
    port: s.COLLECTOR_PORT,
    host: s.COLLECTOR_HOST,
    demoPort: s.DEMO_PORT,
    databaseUrl: s.DATABASE_URL,
    databasePoolSize: s.DATABASE_POOL_SIZE,
    exportToken: s.EXPORT_TOKEN ?? randomBytes(24).toString('base64url'),
    exportTokenGenerated: !s.EXPORT_TOKEN,
    eraseToken: s.ERASE_TOKEN,
    reportToken: s.REPORT_TOKEN,
    learnerRefSecret: s.LEARNER_REF_SECRET ?? DEV_LEARNER_REF_SECRET,
    // Given keys win over the demo's (a deployment may reuse its name); production never gets it.
    siteKeys: production ? (s.SITE_KEYS ?? {}) : { ...devSiteKeys(s.DEMO_PORT), ...s.SITE_KEYS },
    surveysDir: s.SURVEYS_DIR,
    maxBodyBytes: s.MAX_BODY_BYTES,
    maxRosterBytes: s.MAX_ROSTER_BYTES,
    maxBatch: s.MAX_BATCH,
    rateLimitPerAddress: s.RATE_LIMIT_PER_ADDRESS,
    rateLimitPerSiteKey: s.RATE_LIMIT_PER_SITE_KEY,
    trustProxy: s.TRUST_PROXY,
    includeAsylumSeekers: s.INCLUDE_ASYLUM_SEEKERS,
    minCell: s.MIN_CELL,
    roundTo: s.ROUND_TO,
    minPercentBase: s.MIN_PERCENT_BASE,
    partialThreshold: s.PARTIAL_THRESHOLD,
    impactCareerTarget: s.IMPACT_CAREER_TARGET,
    retentionMonths: s.RETENTION_MONTHS,
    headersTimeoutMs: s.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: s.REQUEST_TIMEOUT_MS,
    idleTimeoutMs: s.IDLE_TIMEOUT_MS,
    maxConnections: s.MAX_CONNECTIONS,
    linkKeys: s.LINK_KEYS ?? (production ? undefined : DEV_LINK_KEYS),
    publicUrl: s.PUBLIC_URL,
    linkExpiryDays: s.LINK_EXPIRY_DAYS,
    widgetDist: s.WIDGET_DIST,
    smtpUrl: s.SMTP_URL,
    smtpFrom: s.SMTP_FROM,
  };
}

function readConfigFile(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`COLLECTOR_CONFIG: cannot read ${file}: ${(err as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new ConfigError(`COLLECTOR_CONFIG: ${file} must hold a JSON object of settings`);
  const known = new Set(Object.keys(ConfigSchema.shape));
  const unknown = Object.keys(json).filter((k) => !known.has(k));
  if (unknown.length)
    throw new ConfigError(
      `COLLECTOR_CONFIG: ${file} has unknown setting${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`,
    );
  return json as Record<string, unknown>;
}

// An empty variable (FOO= in a .env file) means "not set", not "set to nothing".
function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
}
