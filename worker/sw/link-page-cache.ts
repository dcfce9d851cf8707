import { type LinkCachePolicy, linkCachePolicy } from './link-cache-policy.ts';

/** The page asks its worker to keep it and the files it loaded before the worker controlled it. */
export const KEEP_PAGE_MESSAGE = 'outcome-survey:keep-link-page';

/** Caches of this worker are named with this prefix and the build's version; activate drops the others. */
export const LINK_CACHE_PREFIX = 'outcome-survey-link-';

// At most this many of each kind, the oldest dropped first: a learner opens a handful of links, and a new build
// leaves its predecessor's chunks behind until they are trimmed.
const LIMITS: Record<Exclude<LinkCachePolicy, 'none'>, number> = { page: 8, asset: 64 };

type Extendable = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = Extendable & { request: Request; respondWith(response: Promise<Response>): void };
type MessageEvent = Extendable & { data: unknown };
export type LinkWorkerScope = {
  addEventListener(type: string, listener: (event: Event) => void): void;
  registration: { scope: string };
  caches: CacheStorage;
  fetch: typeof fetch;
};

/**
 * The offline copy of the link page (issue 17): once opened, a link reloads without a network, and the answers
 * queue in the outbox as on any page. Runtime caching, no precache list: the page and its files are kept as they
 * are fetched (and, for what was fetched before the worker took over, when the page asks with KEEP_PAGE_MESSAGE).
 * Only 200s are kept, one entry per URL, so a 403 or 410 page is never kept, and a page whose link the collector now
 * refuses is dropped: another token's page is never shown for this one.
 */
export function registerLinkPageCache(scope: LinkWorkerScope, version: string): void {
  const name = `${LINK_CACHE_PREFIX}${version}`;
  const policyOf = (request: { url: string; method: string; mode: string }) =>
    linkCachePolicy(request, scope.registration.scope);

  async function keep(kind: LinkCachePolicy, request: Request | string, response: Response): Promise<void> {
    if (kind === 'none') return;
    const cache = await scope.caches.open(name);
    if (response.status !== 200 || response.type !== 'basic' || response.redirected) {
      await cache.delete(request);
      return;
    }
    await cache.put(request, response);
    // Oldest first: Cache.keys() lists entries in the order they were put.
    const same = (await cache.keys()).filter((r) => policyOf({ url: r.url, method: 'GET', mode: 'navigate' }) === kind);
    await Promise.all(same.slice(0, Math.max(0, same.length - LIMITS[kind])).map((r) => cache.delete(r)));
  }

  async function fromNetwork(kind: LinkCachePolicy, request: Request): Promise<Response> {
    const response = await scope.fetch(request);
    await keep(kind, request, response.clone()).catch(() => {});
    return response;
  }

  scope.addEventListener('fetch', (event) => {
    const fetchEvent = event as FetchEvent;
    const { request } = fetchEvent;
    const kind = policyOf(request);
    if (kind === 'none') return;
    fetchEvent.respondWith(
      kind === 'asset'
        ? scope.caches.match(request, { cacheName: name }).then((hit) => hit ?? fromNetwork(kind, request))
        : fromNetwork(kind, request).catch(async (error: unknown) => {
            const hit = await scope.caches.match(request, { cacheName: name });
            if (hit) return hit;
            throw error;
          }),
    );
  });

  scope.addEventListener('message', (event) => {
    const message = event as MessageEvent;
    const data = message.data as { type?: unknown; urls?: unknown } | null;
    if (data?.type !== KEEP_PAGE_MESSAGE || !Array.isArray(data.urls)) return;
    const urls = data.urls.filter((u): u is string => typeof u === 'string' && URL.canParse(u));
    message.waitUntil(
      (async () => {
        const cache = await scope.caches.open(name);
        for (const url of new Set(urls)) {
          // The page's own URL is the navigation it was opened by; its files are what its resource timings list.
          const kind = policyOf({ url, method: 'GET', mode: 'navigate' });
          if (kind === 'none' || (await cache.match(url))) continue;
          await scope
            .fetch(url, { credentials: 'same-origin' })
            .then((response) => keep(kind, url, response))
            .catch(() => {});
        }
      })(),
    );
  });

  scope.addEventListener('activate', (event) => {
    (event as Extendable).waitUntil(
      scope.caches
        .keys()
        .then((names) =>
          Promise.all(
            names.filter((n) => n.startsWith(LINK_CACHE_PREFIX) && n !== name).map((n) => scope.caches.delete(n)),
          ),
        ),
    );
  });
}
