import { randomBytes } from 'node:crypto';
import { Origin } from './config-schema.ts';

/** A SITE_KEYS value as found: each entry is kept whole, so fields added later (a learnerSecret) survive a rewrite. */
export type SiteKeyEntries = Record<string, Record<string, unknown> & { origins?: unknown }>;

export class SiteKeyError extends Error {
  override name = 'SiteKeyError';
  constructor(
    readonly code: 'bad_origin' | 'no_origin' | 'bad_key' | 'key_taken' | 'bad_site_keys',
    message: string,
  ) {
    super(message);
  }
}

/** 144 random bits: a key is public (it sits in the page) but must not be guessable from another. */
export const newSiteKey = (): string => `sk_${randomBytes(18).toString('base64url')}`;

/** SITE_KEYS with one more key for these origins; the existing entries are left exactly as they were. */
export function addSiteKey(
  existing: SiteKeyEntries,
  origins: string[],
  key: string = newSiteKey(),
): { key: string; siteKeys: SiteKeyEntries } {
  if (origins.length === 0)
    throw new SiteKeyError(
      'no_origin',
      '--origin: required, e.g. --origin https://courses.example (repeat it for more)',
    );
  for (const origin of origins)
    if (!Origin.safeParse(origin).success)
      throw new SiteKeyError(
        'bad_origin',
        `--origin: ${JSON.stringify(origin)} is not an origin; expected scheme and host (and port), no path, no trailing slash, e.g. https://courses.example`,
      );
  // SITE_KEYS' own rule (config-schema.ts), and no character that would need escaping in an HTML attribute.
  if (!/^[A-Za-z0-9_.-]{1,128}$/.test(key))
    throw new SiteKeyError(
      'bad_key',
      `--key: expected 1 to 128 letters, digits, "_", "." or "-", got ${JSON.stringify(key.slice(0, 140))}`,
    );
  if (Object.hasOwn(existing, key))
    throw new SiteKeyError(
      'key_taken',
      `--key: ${JSON.stringify(key)} is already in SITE_KEYS; pick another or leave --key out`,
    );
  return { key, siteKeys: { ...existing, [key]: { origins: [...new Set(origins)] } } };
}

/** Reads a SITE_KEYS value (a JSON string, or an object from a COLLECTOR_CONFIG file) without judging fields it does not know. */
export function parseSiteKeys(value: unknown, where: string): SiteKeyEntries {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch (err) {
      throw new SiteKeyError(
        'bad_site_keys',
        `${where}: not JSON (${(err as Error).message}); expected {"KEY":{"origins":["https://…"]}}`,
      );
    }
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(parsed) || !Object.values(parsed).every(isObject))
    throw new SiteKeyError('bad_site_keys', `${where}: expected an object {"KEY":{"origins":["https://…"]}}`);
  return parsed as SiteKeyEntries;
}
