import * as z from 'zod/mini';
import { OPTION_NAMES, type OptionName } from './option-names.ts';
import { DEFAULT_WAVES } from './triggers/due-wave.ts';
import { parseTrigger, type Trigger } from './triggers/parse-trigger.ts';

// zod/mini never compiles schemas with `new Function`; this keeps it that way if a
// classic schema ever joins the bundle (strict CSPs report even a caught probe).
z.config({ jitless: true });

/** What each option must look like, in the words the console error uses. */
export const EXPECTED: Record<OptionName, string> = {
  endpoint: 'the collector URL, such as "https://collector.example"',
  siteKey: 'a non-empty site key',
  survey: 'a survey id such as "career-outcomes"',
  country: 'an ISO 3166-1 alpha-2 country code such as "FR"',
  locale: 'a BCP 47 language tag such as "fr" or "en-GB"',
  learnerRef: 'an opaque learner id of 1 to 256 characters',
  sw: 'a path to the service worker on this site, such as "/outcome-survey-sw.js"',
  debug: '"true" or "false"',
  trigger: '"manual", "event:NAME", "delay:SECONDS" or "waves"',
  completedAt: 'an ISO 8601 date such as "2026-01-31" or "2026-01-31T12:00:00Z" (needed by trigger "waves")',
  waves: 'months after completion, comma-separated, such as "0,6,12"',
  capDays: 'a whole number of days from 0 to 365',
  courseId: 'an id of at most 128 characters',
  pathId: 'an id of at most 128 characters',
};

const parsesAs = (v: string, ok: (url: URL) => boolean) => {
  try {
    return ok(new URL(v, location.href));
  } catch {
    return false;
  }
};
// Date.parse alone accepts "1" or "June 3"; the pattern keeps it to ISO 8601.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
// Only the zod kinds the widget already ships elsewhere (string, number, boolean, array,
// object): each extra kind (url, iso, union) adds to the bytes before the first question.
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

const Schema = z.object({
  endpoint: z.string().check(z.refine((v) => /^https?:\/\//.test(v) && parsesAs(v, () => true))),
  siteKey: text(128),
  survey: z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,63}$/)),
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  locale: z.optional(z.string().check(z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/))),
  learnerRef: z.optional(text(256)),
  sw: z.optional(z.string().check(z.refine((v) => parsesAs(v, (url) => url.origin === location.origin)))),
  debug: z.optional(z.boolean()),
  trigger: z.optional(z.string().check(z.refine((v) => parseTrigger(v) !== null))),
  completedAt: z.optional(
    z.string().check(
      z.regex(ISO_DATE),
      z.refine((v) => !Number.isNaN(Date.parse(v))),
    ),
  ),
  waves: z.optional(
    z.array(z.number().check(z.refine((n) => Number.isInteger(n) && n >= 0 && n <= 120))).check(z.minLength(1)),
  ),
  capDays: z.optional(z.number().check(z.refine((n) => Number.isInteger(n) && n >= 0 && n <= 365))),
  courseId: z.optional(text(128)),
  pathId: z.optional(text(128)),
});

export type EmbedOptions = Omit<z.infer<typeof Schema>, 'trigger' | 'waves' | 'capDays' | 'completedAt' | 'debug'> & {
  trigger: Trigger;
  waves: number[];
  capDays: number;
  completedAt?: Date;
  debug: boolean;
};

export type OptionsResult = { ok: true; options: EmbedOptions } | { ok: false; option: string; message: string };

/**
 * Validates options where they enter. `nameOf` gives the option's name as the host
 * wrote it (data-site-key, site-key or siteKey) so the error points at their code.
 */
export function parseOptions(
  raw: Record<string, unknown>,
  nameOf: (key: string) => string = (k) => k,
  strict = false,
): OptionsResult {
  const fail = (key: string, expected: string): OptionsResult => {
    const option = nameOf(key);
    return {
      ok: false,
      option,
      message: `outcome-survey: option "${option}" is invalid (got ${show(raw[key])}); expected ${expected}. The survey is turned off.`,
    };
  };
  if (strict) {
    const unknown = Object.keys(raw).find((k) => !(OPTION_NAMES as readonly string[]).includes(k));
    if (unknown) return fail(unknown, `one of the known options: ${OPTION_NAMES.join(', ')}`);
  }
  const result = Schema.safeParse(raw);
  if (!result.success) {
    const key = String(result.error.issues[0]?.path[0] ?? 'endpoint');
    return fail(key, EXPECTED[key as OptionName] ?? 'a known option');
  }
  const o = result.data;
  const trigger = parseTrigger(o.trigger ?? 'manual') as Trigger;
  if (trigger.kind === 'waves' && !o.completedAt) return fail('completedAt', EXPECTED.completedAt);
  return {
    ok: true,
    options: {
      ...o,
      endpoint: o.endpoint.replace(/\/+$/, ''),
      trigger,
      waves: o.waves ?? [...DEFAULT_WAVES],
      capDays: o.capDays ?? 30,
      completedAt: o.completedAt ? new Date(o.completedAt) : undefined,
      debug: o.debug ?? false,
    },
  };
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value)?.slice(0, 80) ?? String(value);
  } catch {
    return typeof value;
  }
}
