/// <reference lib="webworker" />
import { registerOutcomeSurveyHandlers } from './register-handlers.ts';

// The standalone worker (dist/outcome-survey-sw.js). It serves no fetches, so a new
// version can take over at once without mixing old and new pages' caches.
declare const self: ServiceWorkerGlobalScope;

self.addEventListener('install', () => {
  void self.skipWaiting();
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
registerOutcomeSurveyHandlers(self);
