/** Every option, by its JavaScript name; attributes use the kebab-case spelling (siteKey → site-key). */
export const OPTION_NAMES = [
  'endpoint',
  'siteKey',
  'survey',
  'country',
  'locale',
  'learnerRef',
  'learnerSig',
  'sw',
  'debug',
  'trigger',
  'completedAt',
  'waves',
  'capDays',
  'courseId',
  'pathId',
] as const;
export type OptionName = (typeof OPTION_NAMES)[number];

/** "siteKey" → "site-key". */
export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
