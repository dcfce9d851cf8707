import { DEFAULT_WAVES } from '../triggers/due-wave.ts';
import { parseTrigger, type Trigger } from '../triggers/parse-trigger.ts';
import { OPTION_NAMES, type OptionName } from './option-table.ts';

// A hand-written check rather than a zod/mini schema: options are checked on the way to the
// first question, and zod/mini costs ≈5.5–7 KB brotli there (shared/research/peer-bundles.md),
// more than a third of that path's 15 KB budget. Fifteen flat options need only a predicate
// each; the protocol's shapes, which nest, stay in zod on the collector's side. The words that
// explain a wrong option are in misuse.ts, fetched only when one is wrong. The same rules written
// as a zod/mini schema are checked against this one on generated input
// (tests/widget/embed/options-contract.test.ts).

const parsesAs = (v: string, ok: (url: URL) => boolean) => {
  try {
    return ok(new URL(v, location.href));
  } catch {
    return false;
  }
};
// Date.parse alone accepts "1" or "June 3"; the pattern keeps it to ISO 8601.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

type Check = (v: unknown) => boolean;
const string =
  (ok: (v: string) => boolean): Check =>
  (v) =>
    typeof v === 'string' && ok(v);
const matches = (pattern: RegExp) => string((v) => pattern.test(v));
const text = (max: number) => string((v) => v.length >= 1 && v.length <= max);
const whole =
  (max: number): Check =>
  (n) =>
    Number.isInteger(n) && (n as number) >= 0 && (n as number) <= max;

/** Each option's check, in the order errors are reported; the first three are required. */
const CHECKS: Record<OptionName, Check> = {
  endpoint: string((v) => /^https?:\/\//.test(v) && parsesAs(v, () => true)),
  siteKey: text(128),
  survey: matches(/^[a-z][a-z0-9_-]{0,63}$/),
  country: matches(/^[A-Z]{2}$/),
  locale: matches(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/),
  learnerRef: text(256),
  learnerSig: matches(/^[0-9a-fA-F]{64}$/),
  sw: string((v) => parsesAs(v, (url) => url.origin === location.origin)),
  debug: (v) => typeof v === 'boolean',
  trigger: string((v) => parseTrigger(v) !== null),
  completedAt: string((v) => ISO_DATE.test(v) && !Number.isNaN(Date.parse(v))),
  waves: (v) => Array.isArray(v) && v.length > 0 && v.every(whole(120)),
  capDays: whole(365),
  courseId: text(128),
  pathId: text(128),
};
const REQUIRED: readonly OptionName[] = ['endpoint', 'siteKey', 'survey'];

export type EmbedOptions = {
  endpoint: string;
  siteKey: string;
  survey: string;
  country?: string;
  locale?: string;
  learnerRef?: string;
  learnerSig?: string;
  sw?: string;
  debug: boolean;
  trigger: Trigger;
  completedAt?: Date;
  waves: number[];
  capDays: number;
  courseId?: string;
  pathId?: string;
};

/** A refusal names the option as the host wrote it (`option`) and the key it was read as. */
export type OptionsFailure = { ok: false; option: string; key: string };
export type OptionsResult = { ok: true; options: EmbedOptions } | OptionsFailure;

/**
 * Validates options where they enter. `nameOf` gives the option's name as the host
 * wrote it (data-site-key, site-key or siteKey) so the error points at their code.
 */
export function parseOptions(
  raw: Record<string, unknown>,
  nameOf: (key: string) => string = (k) => k,
  strict = false,
): OptionsResult {
  const fail = (key: string): OptionsFailure => ({ ok: false, option: nameOf(key), key });
  if (strict) {
    const unknown = Object.keys(raw).find((k) => !(OPTION_NAMES as readonly string[]).includes(k));
    if (unknown) return fail(unknown);
  }
  // Only known options are kept; an optional one given as undefined counts as absent.
  const o: Record<string, unknown> = {};
  for (const key of OPTION_NAMES) {
    const value = raw[key];
    if ((value !== undefined || REQUIRED.includes(key)) && !CHECKS[key](value)) return fail(key);
    if (key in raw) o[key] = Array.isArray(value) ? [...value] : value;
  }
  const known = o as Omit<EmbedOptions, 'trigger' | 'completedAt'> & { trigger?: string; completedAt?: string };
  const trigger = parseTrigger(known.trigger ?? 'manual') as Trigger;
  if (trigger.kind === 'waves' && !known.completedAt) return fail('completedAt');
  return {
    ok: true,
    options: {
      ...known,
      endpoint: known.endpoint.replace(/\/+$/, ''),
      trigger,
      waves: known.waves ?? [...DEFAULT_WAVES],
      capDays: known.capDays ?? 30,
      completedAt: known.completedAt ? new Date(known.completedAt) : undefined,
      debug: known.debug ?? false,
    },
  };
}
