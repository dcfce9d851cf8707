import { type EmbedOptions, isOptionName, OPTION_NAMES, OPTION_TABLE, type OptionRow } from './option-table.ts';

// Each option's rule is one row of option-table.ts; this file applies them in order. The words
// that explain a refused option are in ../misuse.ts, fetched only when one is wrong.

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
    const unknown = Object.keys(raw).find((k) => !isOptionName(k));
    if (unknown) return fail(unknown);
  }
  // Only known options are kept; an optional one given as undefined counts as absent.
  const options: Record<string, unknown> = {};
  for (const key of OPTION_NAMES) {
    const row: OptionRow<unknown> = OPTION_TABLE[key];
    const value = raw[key];
    if ((value !== undefined || row.required) && !row.check(value)) return fail(key);
    const kept = row.toValue ? row.toValue(value) : value;
    if (kept !== undefined || key in raw) options[key] = kept;
  }
  const accepted = options as EmbedOptions;
  // "waves" asks at months after completion, so it needs the completion date.
  if (accepted.trigger.kind === 'waves' && !accepted.completedAt) return fail('completedAt');
  return { ok: true, options: accepted };
}
