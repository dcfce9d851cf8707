// Kept apart from the string tables so the loader can pick a language without downloading any.
export const UI_LOCALES: readonly string[] = ['en', 'fr', 'es', 'ar', 'uk', 'ja'];
export const RTL_LOCALES: readonly string[] = ['ar'];
