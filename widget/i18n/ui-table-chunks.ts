import type { UiTable } from './en.ts';

// Every UI language but English, each a chunk of its own, fetched only for the learner who needs it. Apart from
// ui-tables.ts (and its English fallback) so the survey code can start the fetch beside the UI chunk's.
export const UI_TABLE_CHUNKS: Readonly<Record<string, () => Promise<UiTable>>> = {
  fr: () => import('./fr.ts').then((m) => m.fr),
  es: () => import('./es.ts').then((m) => m.es),
  ar: () => import('./ar.ts').then((m) => m.ar),
  uk: () => import('./uk.ts').then((m) => m.uk),
  ja: () => import('./ja.ts').then((m) => m.ja),
};

/**
 * Starts fetching a language's strings chunk, for mount-survey's loadUiTable to find it fetched (the module map
 * keeps one copy): without this the chunk is only asked for once the UI chunk has arrived and run. A failed fetch
 * is loadUiTable's to handle (English).
 */
export function prefetchUiTable(locale: string): void {
  UI_TABLE_CHUNKS[locale]?.().catch(() => {});
}
