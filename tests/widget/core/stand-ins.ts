import { vi } from 'vitest';
import type { ResolvedSurvey } from '../../../protocol/resolved-survey.ts';
import type { Settled } from '../../../worker/delivery/flush-report.ts';

// Stand-ins for the UI chunk, the sync and the collector, so the embed's own
// logic (when to ask, what to remember, what to send) is tested alone.

export type UiProps = {
  survey: ResolvedSurvey;
  locale: string;
  placement: 'dialog' | 'inline';
  onSubmit(result: {
    answers: Record<string, unknown>;
    consentSensitive: boolean;
  }): Promise<'sent' | 'saved' | 'refused'>;
  onDismiss(reason: 'not_now' | 'never' | 'closed'): void;
  onDrawn?(): void;
};

export const ui = { mounts: [] as { root: ShadowRoot; props: UiProps; unmounted: boolean }[] };

export function fakeMountSurvey(root: ShadowRoot, props: UiProps): () => void {
  const mount = { root, props, unmounted: false };
  ui.mounts.push(mount);
  root.append(document.createElement('p'));
  // Drawn at once, as mountSurvey says when its first screen is drawn.
  props.onDrawn?.();
  return () => {
    mount.unmounted = true;
    root.replaceChildren();
  };
}

export const survey: ResolvedSurvey = {
  id: 'career-outcomes',
  version: 3,
  title: 'Your career',
  consentVersion: '2026-01',
  locale: 'en',
  country: 'FR',
  questions: [
    { id: 'situation', kind: 'single_choice', text: 'Now?', options: [{ id: 'employed', label: 'In work' }] },
  ],
};

export type Collector = { requests: { method: string; url: string; body?: unknown }[]; eligibility: unknown };

/** A fetch that answers like the collector's survey and eligibility routes. */
export function fakeCollector(): Collector {
  const collector: Collector = { requests: [], eligibility: { eligible: true, answeredWaves: [] } };
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    collector.requests.push({ method, url: input, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (input.includes('/v1/eligibility/opt-out')) return json({ optedOut: true });
    if (input.includes('/v1/eligibility'))
      return method === 'POST' ? json(collector.eligibility) : json({ error: 'use POST' }, 405);
    if (input.includes('/v1/surveys/career-outcomes')) return json(survey);
    return json({ error: 'not found' }, 404);
  });
  return collector;
}

export const sync = { requests: 0, deliver: false };

/** startSync's stand-in: "delivers" by removing queued items when told to, then reports. */
export function fakeStartSync(opts: { onReport?(report: { sent: number; settled: Settled }): void }) {
  return {
    async requestSync() {
      sync.requests++;
      let ids: string[] = [];
      if (sync.deliver) {
        const outbox = await import('../../../worker/storage/queue.ts');
        // Responses only: the contact events queued beside them are the recorder's (tests/widget/delivery/).
        ids = (await outbox.pendingResponses()).flatMap((i) => (i.response ? [i.response.id] : []));
        await outbox.removeQueued(ids);
      }
      opts.onReport?.({ sent: ids.length, settled: { delivered: ids, duplicate: [], setAside: [], retrying: [] } });
    },
    stop() {},
  };
}
