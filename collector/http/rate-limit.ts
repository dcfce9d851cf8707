import type { Context, MiddlewareHandler } from 'hono';
import { jsonError } from './json-error.ts';
import type { RateLimiter } from './rate-limiter.ts';

export function tooManyRequests(c: Context, retryAfterSeconds: number, what: string) {
  return jsonError(c, 429, `too many requests ${what}: retry after ${retryAfterSeconds} s`, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
}

export function rateLimit(limiter: RateLimiter, keyOf: (c: Context) => string, what: string): MiddlewareHandler {
  return async (c, next) => {
    const wait = limiter.take(keyOf(c));
    if (wait) return tooManyRequests(c, wait, what);
    await next();
  };
}
