import { enRest } from '../ui/rest/strings.ts';
import { enBase } from './en-base.ts';

// The complete English table, for scripts and tests: every other language falls back to it key by
// key. The widget never imports it whole: enBase comes with widget/ui/, enRest with widget/ui/rest/.
export const en = { ...enBase, ...enRest } as const;

export type UiKey = keyof typeof en;
/** Other languages may leave keys out (English shows instead) and add plural forms English lacks. */
export type UiTable = { readonly [key: string]: string | undefined };
