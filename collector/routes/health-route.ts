import { Hono } from 'hono';
import type { Storage } from '../storage/storage.ts';

/** Load balancers take an instance out of rotation on 503, so storage trouble must show here. */
export function healthRoute(storage: Storage): Hono {
  return new Hono().get('/healthz', async (c) => {
    const up = await storage.ping().catch(() => false);
    return c.json({ ok: up, storage: up ? 'up' : 'down' }, up ? 200 : 503);
  });
}
