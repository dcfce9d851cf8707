import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logging/logger.ts';
import type { AppEnv } from './app-env.ts';
import { normalizePath } from './normalize-path.ts';

// The DELETE form of erasure carries a learner ref in its path, which must never reach the logs.
const redact = (method: string, path: string) => {
  const p = normalizePath(path);
  if (method === 'POST' && p === '/v1/learners/erase') return p;
  return p.startsWith('/v1/learners/') ? '/v1/learners/:ref' : path.slice(0, 200);
};

/** One line per request: method, path (no query string: it may hold a learner ref), status, duration, counts. */
export function requestLog(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    log.info({
      method: c.req.method,
      path: redact(c.req.method, c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
      ...c.get('counts'),
    });
  };
}
