import type { Ack } from './batch.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// A for loop, not every(): every() skips the holes of a sparse array, which the schema refuses.
function isArrayOf<T>(v: unknown, item: (x: unknown) => x is T): v is T[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
  return true;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isFieldError = (v: unknown): v is { path: string; message: string } =>
  isRecord(v) && typeof v.path === 'string' && typeof v.message === 'string';
const isRejection = (v: unknown): v is Ack['rejected'][number] =>
  isRecord(v) && (typeof v.id === 'string' || v.id === null) && isArrayOf(v.errors, isFieldError);

/**
 * The collector's acknowledgement, read without zod so the service worker does not ship it: accepts
 * exactly what the `Ack` schema beside it accepts, and reads it the same way (tests/protocol/ack-guard.test.ts
 * holds the two equal on generated input). Anything else, a captive portal's page for one,
 * acknowledges nothing. Keys the contract does not name are dropped rather than refused: a collector
 * that one day says more must not leave every deployed worker sending its queue again for ever.
 */
export function readAck(body: unknown): Ack | undefined {
  if (!isRecord(body)) return undefined;
  const { accepted, duplicate, rejected } = body;
  if (!isArrayOf(accepted, isString) || !isArrayOf(duplicate, isString) || !isArrayOf(rejected, isRejection))
    return undefined;
  return {
    accepted: [...accepted],
    duplicate: [...duplicate],
    rejected: rejected.map(({ id, errors }) => ({
      id,
      errors: errors.map(({ path, message }) => ({ path, message })),
    })),
  };
}
