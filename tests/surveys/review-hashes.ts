import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MESSAGE_STRINGS } from '../../collector/invitations/invitation-strings.ts';
import { LINK_PAGE_STRINGS } from '../../collector/links/link-page-strings.ts';
import { ar } from '../../widget/i18n/ar.ts';
import { fr } from '../../widget/i18n/fr.ts';

// One fingerprint per reviewed table and language, so a string changed after the reader's pass in
// surveys/REVIEW.md fails a test instead of reaching learners unreviewed.

/** Every string under a key equal to `lang`, with its JSON path, anywhere in a survey file. */
function surveyTexts(node: unknown, lang: string, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => surveyTexts(item, lang, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === lang && typeof value === 'string'
      ? [`${path}.${key}=${value}`]
      : surveyTexts(value, lang, `${path}.${key}`),
  );
}

function fingerprint(value: unknown): string {
  // A template (the e-mail greeting, the validity date) is fingerprinted by what it writes.
  const text = JSON.stringify(value, (_key, v) => (typeof v === 'function' ? v('{X}') : v));
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function reviewedTables(): Record<string, string> {
  const survey = JSON.parse(readFileSync('surveys/career-outcomes.json', 'utf8'));
  return {
    'widget/i18n/fr.ts': fingerprint(fr),
    'widget/i18n/ar.ts': fingerprint(ar),
    'collector/links/link-page-strings.ts fr': fingerprint(LINK_PAGE_STRINGS.fr),
    'collector/links/link-page-strings.ts ar': fingerprint(LINK_PAGE_STRINGS.ar),
    'collector/invitations/invitation-strings.ts fr': fingerprint(MESSAGE_STRINGS.fr),
    'collector/invitations/invitation-strings.ts ar': fingerprint(MESSAGE_STRINGS.ar),
    'surveys/career-outcomes.json fr': fingerprint(surveyTexts(survey, 'fr')),
    'surveys/career-outcomes.json ar': fingerprint(surveyTexts(survey, 'ar')),
  };
}
