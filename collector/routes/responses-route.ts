import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { BatchEnvelope, formatIssues } from '../../protocol/index.ts';
import type { AppEnv } from '../http/app-env.ts';
import { jsonError } from '../http/json-error.ts';
import { tooManyRequests } from '../http/rate-limit.ts';
import type { RateLimiter } from '../http/rate-limiter.ts';
import type { SiteAccess } from '../http/site-access.ts';
import { storageUnavailable } from '../http/storage-unavailable.ts';
import { ingestBatch } from '../ingest/ingest-batch.ts';
import type { EventStorage } from '../ingest/ingest-events.ts';
import { readJsonBody } from '../ingest/read-json-body.ts';
import type { IngestContext } from '../ingest/to-stored-response.ts';
import { LINK_SITE_KEY } from '../links/link-site.ts';
import type { Logger } from '../logging/logger.ts';

export type ResponsesDeps = {
  /** Keeps contact events too once it implements DenominatorStorage (issue 16). */
  storage: EventStorage;
  sites: SiteAccess;
  siteLimiter: RateLimiter;
  log: Logger;
  maxBodyBytes: number;
  maxBatch: number;
  context: Omit<IngestContext, 'siteKey' | 'learnerSecret' | 'receivedAt' | 'requireLink'>;
  now: () => number;
};

/** Node's request stream under @hono/node-server (its bindings are `{ incoming, outgoing }`); absent in app.request(). */
function nodeIncoming(env: unknown): Readable | undefined {
  const incoming = (env as { incoming?: unknown } | undefined)?.incoming;
  return incoming instanceof Readable ? incoming : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** POST /v1/responses: 200 with an ack whenever the envelope parsed; each bad item is rejected alone. */
export function responsesRoute(deps: ResponsesDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/v1/responses', async (c) => {
    const body = await readJsonBody(c.req.raw, deps.maxBodyBytes, nodeIncoming(c.env));
    if (!body.ok) return jsonError(c, body.status, body.error);
    if (!isObject(body.value))
      return jsonError(c, 400, 'malformed batch envelope', [
        { path: '(root)', message: 'expected an object { siteKey, responses }' },
      ]);
    const { siteKey, responses } = body.value;
    const denied = deps.sites.check(siteKey, c.req.header('origin'), c.req.url);
    if (denied) return jsonError(c, denied.status, denied.error);
    const wait = deps.siteLimiter.take(siteKey as string);
    if (wait) return tooManyRequests(c, wait, 'for this site key');
    if (Array.isArray(responses) && responses.length > deps.maxBatch)
      return jsonError(
        c,
        413,
        `batch of ${responses.length} responses exceeds the limit of ${deps.maxBatch}: send smaller batches`,
        [{ path: 'responses', message: `expected at most ${deps.maxBatch} items` }],
      );
    const events = body.value.events;
    const items = (Array.isArray(responses) ? responses.length : 0) + (Array.isArray(events) ? events.length : 0);
    if (Array.isArray(events) && items > deps.maxBatch)
      return jsonError(
        c,
        413,
        `batch of ${items} items (responses and events together) exceeds the limit of ${deps.maxBatch}: send smaller batches`,
        [{ path: 'events', message: `expected at most ${deps.maxBatch} responses and events together` }],
      );
    const envelope = BatchEnvelope.safeParse(body.value);
    if (!envelope.success) return jsonError(c, 400, 'malformed batch envelope', formatIssues(envelope.error.issues));

    const receivedAt = new Date(deps.now()).toISOString();
    let ack: Awaited<ReturnType<typeof ingestBatch>>;
    try {
      ack = await ingestBatch(
        envelope.data.responses,
        {
          ...deps.context,
          siteKey: envelope.data.siteKey,
          learnerSecret: deps.sites.learnerSecret(envelope.data.siteKey),
          requireLink: envelope.data.siteKey === LINK_SITE_KEY && deps.context.linkKeys !== undefined,
          receivedAt,
        },
        deps.storage,
        deps.log,
        envelope.data.events,
      );
    } catch (err) {
      // Nothing was acknowledged, so the client keeps the batch and retries later.
      return storageUnavailable(c, deps.log, err);
    }
    c.set('counts', { accepted: ack.accepted.length, duplicate: ack.duplicate.length, rejected: ack.rejected.length });
    return c.json(ack);
  });
}
