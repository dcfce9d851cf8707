import type { Embed } from './host-page.ts';

/** A host page that embeds the widget without showing it (no data-sw: the page drains the queue itself). */
export function syncPage(embed: Embed, loaderPath: string): string {
  return `<!doctype html><html lang="${embed.locale}"><head><meta charset="utf-8"><title>Sync</title></head><body>
<script type="module" src="${loaderPath}" data-endpoint="${embed.endpoint}" data-site-key="${embed.siteKey}"
  data-survey="${embed.survey}" data-country="${embed.country}" data-locale="${embed.locale}"></script></body></html>`;
}

/** Puts window.__items into the outbox exactly as worker/outbox.ts's enqueue() stores them: keyed by response id. */
export const FILL_OUTBOX = `new Promise((resolve, reject) => {
  const open = indexedDB.open('outcome-survey-outbox');
  open.onupgradeneeded = () => open.result.createObjectStore('queue');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction('queue', 'readwrite');
    for (const item of window.__items) tx.objectStore('queue').put(item, item.response.id);
    tx.oncomplete = () => { db.close(); delete window.__items; resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
})`;

/**
 * Calls OutcomeSurvey.flush() until nothing is pending, bounded by time only: a flush that
 * finds another one (the widget's own) holding the lock returns at once, so count is no bound.
 */
export const DRAIN = `(async () => {
  const t0 = performance.now();
  let left = await window.OutcomeSurvey.pending();
  while (left > 0 && performance.now() - t0 < 240000 && !(await window.OutcomeSurvey.deadLetters()).length) {
    await window.OutcomeSurvey.flush();
    left = await window.OutcomeSurvey.pending();
    if (left > 0) await new Promise((r) => setTimeout(r, 50));
  }
  const errors = [];
  if (left > 0) {
    const db = await new Promise((r) => { const o = indexedDB.open('outcome-survey-outbox'); o.onsuccess = () => r(o.result); });
    const items = await new Promise((r) => { const q = db.transaction('queue').objectStore('queue').getAll(); q.onsuccess = () => r(q.result); });
    for (const i of items.slice(0, 3)) errors.push({ attempts: i.attempts, nextAttemptInMs: i.nextAttemptAt - Date.now(), lastError: i.lastError });
    db.close();
    // pending() also counts the dead letters: say why the collector set them aside.
    const dead = await new Promise((r) => { const o = indexedDB.open('outcome-survey-dead-letters'); o.onsuccess = () => r(o.result); });
    if (dead.objectStoreNames.contains('dead')) {
      const letters = await new Promise((r) => { const q = dead.transaction('dead').objectStore('dead').getAll(); q.onsuccess = () => r(q.result); });
      for (const l of letters.slice(0, 3)) errors.push({ deadLetter: l.code, status: l.status, errors: l.errors });
    }
    dead.close();
  }
  return { ms: performance.now() - t0, left, errors };
})()`;
