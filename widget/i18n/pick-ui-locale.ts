import { UI_LOCALES } from './ui-locales.ts';

function supported(tag: string | undefined): string | undefined {
  const language = tag?.trim().split(/[-_]/)[0].toLowerCase();
  return language && UI_LOCALES.includes(language) ? language : undefined;
}

/**
 * The UI language: the host's explicit option decides (an unsupported one means English,
 * matching how the survey texts fall back); otherwise the page's `lang`, then the browser's
 * preferences, are hints, and the first we support wins.
 */
export function pickUiLocale(option?: string, pageLang?: string, navigatorLanguages: readonly string[] = []): string {
  if (option?.trim()) return supported(option) ?? 'en';
  for (const hint of [pageLang, ...navigatorLanguages]) {
    const found = supported(hint);
    if (found) return found;
  }
  return 'en';
}
