import type { Context } from 'hono';
import type { Logger } from '../logging/logger.ts';
import { jsonError } from './json-error.ts';

/**
 * Any failure of the database (SQLite's SQLITE_FULL or SQLITE_READONLY, a closed handle, PostgreSQL
 * refusing, read-only or gone), marked once where storage is called (guard-storage.ts) so that no
 * route has to recognise a driver's errors, let alone their wording.
 */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  readonly code = 'storage_unavailable';
  constructor(
    readonly operation: string,
    options: { cause: unknown },
  ) {
    super(`storage failed during ${operation}: ${(options.cause as Error)?.message ?? String(options.cause)}`, options);
  }
}

// Long enough for a restarted database or a failover, short enough that a queue drains soon after.
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/** The one answer to a storage failure, on every route: 503 + Retry-After, so clients keep their data and retry. */
export function storageUnavailable(c: Context, log: Logger, err: unknown) {
  const code = err instanceof StorageUnavailableError ? err.code : 'internal';
  const operation = err instanceof StorageUnavailableError ? err.operation : undefined;
  log.error({ event: 'storage_error', code, operation, error: (err as Error)?.message });
  return jsonError(
    c,
    503,
    `storage unavailable: ${operation ?? 'the request'} failed and nothing was stored or changed; retry after ${STORAGE_RETRY_AFTER_SECONDS} s (GET /healthz shows when storage is back)`,
    undefined,
    { 'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS) },
  );
}
