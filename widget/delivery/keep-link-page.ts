import { KEEP_PAGE_MESSAGE } from '../../worker/sw/link-page-cache.ts';

/**
 * Asks the link page's worker (worker/sw/link-page-cache.ts) to keep this page and the files it loaded, so the link
 * reloads offline. The first visit fetched them before the worker existed, so the worker never saw them; it keeps
 * only what its own rule allows (the page, /s/assets/*), whatever the list says. Link pages only (sync-link.ts).
 */
export async function keepLinkPage(): Promise<void> {
  const { serviceWorker } = navigator;
  const ask = async () =>
    (await serviceWorker.ready).active?.postMessage({
      type: KEEP_PAGE_MESSAGE,
      urls: [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)],
    });
  // What loads between now and the worker taking the page over goes past it: asked again once it has.
  if (!serviceWorker.controller) serviceWorker.addEventListener('controllerchange', () => void ask(), { once: true });
  await ask();
}
