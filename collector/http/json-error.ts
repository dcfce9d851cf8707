import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError } from '../../protocol/index.ts';

export type ErrorBody = { error: string; errors?: FieldError[] };

/** Every error the collector sends: JSON, naming what was wrong and, for fields, where. */
export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  errors?: FieldError[],
  headers?: Record<string, string>,
) {
  const body: ErrorBody = errors ? { error, errors } : { error };
  return c.json(body, status, headers);
}

/** Quotes a client-sent value in an error message without echoing megabytes of it back. */
export function quote(value: string, max = 64): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
