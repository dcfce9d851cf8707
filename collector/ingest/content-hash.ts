import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so key order on the wire does not change the hash. */
export function canonicalJson(value: unknown): string {
  // Loops and one growing string rather than map/join: every item of every batch goes through here, and the
  // intermediate arrays were a visible share of ingest's garbage (issue 20). Output unchanged.
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const keys = Object.keys(value).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++)
    out += `${i ? ',' : ''}${JSON.stringify(keys[i])}:${canonicalJson((value as Record<string, unknown>)[keys[i]])}`;
  return `${out}}`;
}

/** Tells a harmless resend of an id from a reuse of it with other content. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
