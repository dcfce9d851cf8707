import { enFirst } from './en-first.ts';
import { enLater } from './en-later.ts';

// The complete English table, for scripts and tests: every other language falls back to it key by
// key. The widget never imports it whole: enFirst ships in the UI chunk, enLater in the later chunk.
export const en = { ...enFirst, ...enLater } as const;

export type UiKey = keyof typeof en;
/** Other languages may leave keys out (English shows instead) and add plural forms English lacks. */
export type UiTable = { readonly [key: string]: string | undefined };
