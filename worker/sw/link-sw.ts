/// <reference lib="webworker" />
import { registerLinkPageCache } from './link-page-cache.ts';
import { registerOutcomeSurveyHandlers } from './register-handlers.ts';

// The worker of the collector's own link page (dist/outcome-survey-link-sw.js, served at /s/outcome-survey-sw.js so
// its scope is /s/): the same outbox sync as dist/outcome-survey-sw.js, plus an offline copy of the link page. Unlike
// that worker it serves fetches; its caches carry the build's version and a new version drops the old ones.
declare const self: ServiceWorkerGlobalScope;
declare const __LINK_SW_VERSION__: string;

self.addEventListener('install', () => {
  void self.skipWaiting();
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
registerLinkPageCache(self, __LINK_SW_VERSION__);
registerOutcomeSurveyHandlers(self);
