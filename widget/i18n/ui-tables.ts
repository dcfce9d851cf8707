import type { UiTable } from './en.ts';
import { enBase } from './en-base.ts';

// English (widget/ui/'s own strings) ships with the UI as every language's fallback; the others are separate
// chunks, fetched only for the learner who needs them.
const LOADERS: Readonly<Record<string, () => Promise<UiTable>>> = {
  fr: () => import('./fr.ts').then((m) => m.fr),
  es: () => import('./es.ts').then((m) => m.es),
  ar: () => import('./ar.ts').then((m) => m.ar),
  uk: () => import('./uk.ts').then((m) => m.uk),
  ja: () => import('./ja.ts').then((m) => m.ja),
};

/** The built-in strings of a UI language; English (enBase) for English, an unknown language, or a chunk that failed to load. */
export async function loadUiTable(locale: string): Promise<UiTable> {
  try {
    return (await LOADERS[locale]?.()) ?? enBase;
  } catch {
    return enBase;
  }
}
