import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../logging/logger.ts';
import type { AppEnv } from './app-env.ts';
import { StorageUnavailableError } from './storage-unavailable.ts';

/**
 * The route's pattern ("/v1/learners/:ref", "/v1/*"), never the path as sent: any segment may be a
 * learner ref, also in a mistyped path such as /v1/learner/REF that matches no route.
 */
export function loggedPath(c: Context): string {
  const patterns = matchedRoutes(c)
    .map((r) => r.path)
    .filter((p) => p !== '/*' && p !== '*');
  return patterns.at(-1) ?? '(no route)';
}

/**
 * One line per request: method, route pattern (no query string: it may hold a learner ref), status,
 * duration, counts. A JSON answer is built whole before it is sent; any other body may be a stream
 * (an export), so its line is written when the body has ended, and one that failed part way says so
 * rather than passing for a 200.
 */
export function requestLog(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const line = () => ({
      method: c.req.method,
      path: loggedPath(c),
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
      ...c.get('counts'),
    });
    const body = c.res.body;
    if (!body || c.res.headers.get('content-type')?.startsWith('application/json')) {
      log.info(line());
      return;
    }
    const reader = body.getReader();
    c.res = new Response(
      new ReadableStream<Uint8Array>({
        async pull(controller) {
          let chunk: Awaited<ReturnType<typeof reader.read>>;
          try {
            chunk = await reader.read();
          } catch (err) {
            // The status line is gone already; the client sees a cut body, the log sees why.
            log.error({
              ...line(),
              aborted: 'server',
              code: err instanceof StorageUnavailableError ? err.code : 'internal',
            });
            controller.error(err);
            return;
          }
          if (chunk.done) {
            log.info(line());
            controller.close();
          } else controller.enqueue(chunk.value);
        },
        async cancel(reason) {
          log.warn({ ...line(), aborted: 'client' });
          await reader.cancel(reason);
        },
      }),
      { status: c.res.status, statusText: c.res.statusText, headers: c.res.headers },
    );
  };
}
