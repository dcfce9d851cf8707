import * as z from 'zod';
import { LinkKeysSchema } from '../links/link-keys.ts';

/** Origins a site key may post from, e.g. "https://learn.example" (scheme, host and port; no path). */
export const Origin = z
  .string()
  .regex(/^https?:\/\/[^/\s]+$/, 'expected an origin such as "https://learn.example" (no path, no trailing slash)');
export const SiteKeys = z.record(
  z.string().min(1).max(128),
  z.strictObject({
    origins: z.array(Origin),
    // Set, a learnerRef is trusted only with its signature (hex HMAC-SHA-256 of the ref keyed by this secret).
    learnerSecret: z.string().min(32, 'expected at least 32 characters').optional(),
  }),
);
export type SiteKeys = z.infer<typeof SiteKeys>;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);
const json = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return v; // left as a string so the schema names it as "expected object"
    }
  }, schema);

/** Settings by their environment names; the optional JSON file (COLLECTOR_CONFIG) uses the same names. */
export const ConfigSchema = z.object({
  NODE_ENV: z.string().optional(),
  COLLECTOR_PORT: int(0, 65535).default(8787),
  COLLECTOR_HOST: z.string().min(1).default('127.0.0.1'),
  // The demo course site of `npm start`; in development the demo's site key allows its origins.
  DEMO_PORT: int(1, 65535).default(8080),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'expected "sqlite:PATH" or "postgres://…"')
    .default('sqlite:data/outcomes.sqlite'),
  // PostgreSQL connections per instance: instances × this must stay under the server's max_connections.
  DATABASE_POOL_SIZE: int(1, 100).default(10),
  EXPORT_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
  // Set, it alone may erase and cannot read; unset, EXPORT_TOKEN does both (deployments from before it).
  ERASE_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
  // Set, it reads the aggregate reports (what the dashboard draws), nothing else; unset, only EXPORT_TOKEN does.
  REPORT_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
  LEARNER_REF_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
  SITE_KEYS: json(SiteKeys).optional(),
  SURVEYS_DIR: z.string().min(1).default('surveys'),
  MAX_BODY_BYTES: int(1024, 64 * 1024 * 1024).default(1024 * 1024),
  // A roster (PUT /v1/cohorts/:id) is one whole cohort, so it has its own limit; 200 MiB holds a million members.
  MAX_ROSTER_BYTES: int(1024, 2 * 1024 * 1024 * 1024).default(200 * 1024 * 1024),
  // The wire protocol caps a batch at 500 (protocol/batch.ts); a deployment may only lower it.
  MAX_BATCH: int(1, 500).default(500),
  RATE_LIMIT_PER_ADDRESS: int(1, 1_000_000).default(300),
  RATE_LIMIT_PER_SITE_KEY: int(1, 10_000_000).default(30_000),
  TRUST_PROXY: bool.default(false),
  INCLUDE_ASYLUM_SEEKERS: bool.default(false),
  MIN_CELL: int(1, 1000).default(10),
  ROUND_TO: int(1, 1000).default(5),
  MIN_PERCENT_BASE: int(1, 100_000).default(23),
  // The mission committee's yearly target of career outcomes credited to the training (GET /v1/impact).
  IMPACT_CAREER_TARGET: int(1, 1_000_000_000).default(500_000),
  // Share of the questions asked a partial response must answer to count as AAPOR 1.2 rather than a break-off.
  PARTIAL_THRESHOLD: z.coerce
    .number()
    .gt(0, 'expected a share above 0 and at most 1, such as 0.5')
    .max(1, 'expected a share above 0 and at most 1, such as 0.5')
    .default(0.5),
  // Slow clients (issue 14): a connection must send its headers, then its whole request, within
  // these; an idle keep-alive connection is closed after IDLE_TIMEOUT_MS; beyond MAX_CONNECTIONS
  // open at once a new one is refused (the widget retries later; nothing is lost).
  HEADERS_TIMEOUT_MS: int(100, 600_000).default(10_000),
  REQUEST_TIMEOUT_MS: int(100, 3_600_000).default(30_000),
  IDLE_TIMEOUT_MS: int(100, 600_000).default(5_000),
  MAX_CONNECTIONS: int(1, 1_000_000).default(1_000),
  // Personal links (issue 17, docs/follow-up.md). LINK_KEYS signs and verifies them; unset in production, links are off.
  LINK_KEYS: json(LinkKeysSchema).optional(),
  // Where learners reach this collector, as the links it makes begin: "https://survey.school.example" (a path
  // prefix allowed, no trailing slash). Required with LINK_KEYS in production.
  PUBLIC_URL: z
    .string()
    .regex(
      /^https?:\/\/[^/\s?#]+(\/[^\s?#]*[^/\s?#])?$/,
      'expected a URL such as "https://survey.school.example" (no query, no trailing slash)',
    )
    .optional(),
  // The widget's build (`npm run build`) the link page loads from /s/assets/; relative to the working directory.
  WIDGET_DIST: z.string().min(1).default('dist'),
  // A link made today stops opening a survey after this many days (410 "expired").
  LINK_EXPIRY_DAYS: int(1, 3650).default(90),
  // Direct sending of invitations (optional): smtp://user:pass@host:587 or smtps://…; SMTP_FROM is the sender.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'expected "smtp://host:port" or "smtps://user:password@host:465"')
    .optional(),
  SMTP_FROM: z
    .string()
    .regex(
      /^([^<>\r\n]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/,
      'expected an address such as "alumni@school.example" or "School <alumni@school.example>"',
    )
    .optional(),
  // The consent screen promises "up to 2 years, then delete": raise it only with that text.
  RETENTION_MONTHS: int(1, 120).default(24),
});
