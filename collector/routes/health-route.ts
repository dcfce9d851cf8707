import { Hono } from 'hono';
import type { WriteHealth } from '../http/guard-storage.ts';
import type { Storage } from '../storage/storage.ts';

// How long a failed write keeps the instance unhealthy. Out of rotation it gets no writes that could
// clear the failure, so it must come back on its own and try again; a disk still full fails the next write.
export const WRITE_FAILURE_HOLD_MS = 30_000;

/**
 * Load balancers take an instance out of rotation on 503, so storage trouble must show here: a database
 * that does not answer, and one that answers reads but refuses writes (a full disk, a read-only replica).
 */
export function healthRoute(storage: Storage, writes: WriteHealth, now: () => number = Date.now): Hono {
  return new Hono().get('/healthz', async (c) => {
    const up = await storage.ping().catch(() => false);
    const failing = writes.lastFailureAt !== undefined && now() - writes.lastFailureAt < WRITE_FAILURE_HOLD_MS;
    const ok = up && !failing;
    return c.json(
      {
        ok,
        storage: up ? 'up' : 'down',
        writes: failing ? 'failing' : 'ok',
        ...(failing && {
          lastWriteFailure: {
            operation: writes.lastFailureOperation,
            at: new Date(writes.lastFailureAt as number).toISOString(),
          },
        }),
      },
      ok ? 200 : 503,
      { 'Cache-Control': 'no-store' },
    );
  });
}
