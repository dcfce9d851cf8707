import type { UiTable } from './en.ts';
import { enBase } from './en-base.ts';
import { UI_TABLE_CHUNKS } from './ui-table-chunks.ts';

// English (widget/ui/'s own strings) ships with the UI as every language's fallback; the others are separate
// chunks (ui-table-chunks.ts), fetched only for the learner who needs them.

/** The built-in strings of a UI language; English (enBase) for English, an unknown language, or a chunk that failed to load. */
export async function loadUiTable(locale: string): Promise<UiTable> {
  try {
    return (await UI_TABLE_CHUNKS[locale]?.()) ?? enBase;
  } catch {
    return enBase;
  }
}
