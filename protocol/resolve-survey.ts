import { frenchSpacing } from './french-spacing.ts';
import { pickText } from './localized-text.ts';
import type { ResolvedQuestion, ResolvedSurvey } from './resolved-survey.ts';
import type { Question, SurveyDefinition } from './survey-definition.ts';

export const DEFAULT_CONSENT_VERSION = '1';

/** The pack for a country, else the "default" pack, else every question in the bank. */
export function questionsFor(def: SurveyDefinition, country?: string): Question[] {
  const pack = (country && def.packs?.[country]) || def.packs?.default;
  if (!pack) return def.questions;
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  return pack.questions.map((id) => byId.get(id)).filter((q): q is Question => q !== undefined);
}

/** The language actually served: the requested one if the survey has it, else its base language, else English. */
export function servedLocale(def: SurveyDefinition, locale: string): string {
  const available = def.locales ?? ['en'];
  if (available.includes(locale)) return locale;
  const base = locale.split('-')[0].toLowerCase();
  return available.includes(base) ? base : 'en';
}

export function resolveSurvey(def: SurveyDefinition, opts: { country?: string; locale: string }): ResolvedSurvey {
  const locale = opts.locale;
  // French texts get French typesetting here, once for every place that shows them (widget, link page);
  // an English fallback inside a French survey stays English. Not fr-CA: Quebec typography (OQLF) puts no
  // space before ? ! ;.
  const served = servedLocale(def, locale);
  const french = served.split('-')[0] === 'fr' && served !== 'fr-CA';
  const t = (text: Parameters<typeof pickText>[0]) => {
    const picked = pickText(text, locale);
    return french && picked !== text.en ? frenchSpacing(picked) : picked;
  };
  const questions = questionsFor(def, opts.country).map(
    (q): ResolvedQuestion => ({
      id: q.id,
      kind: q.kind,
      text: t(q.text),
      hint: q.hint && t(q.hint),
      topic: q.topic,
      required: q.required,
      sensitive: q.sensitive,
      consentGroup: q.consentGroup,
      options: q.options?.map((o) => ({ id: o.id, label: t(o.label), exclusive: o.exclusive })),
      rows: q.rows?.map((r) => ({ id: r.id, text: t(r.text) })),
      maxLength: q.maxLength,
      min: q.min,
      max: q.max,
      showIf: q.showIf,
      link: q.link && { href: q.link.href, label: t(q.link.label) },
    }),
  );
  return {
    id: def.id,
    version: def.version,
    title: t(def.title),
    intro: def.intro && t(def.intro),
    consentVersion: def.consentVersion ?? DEFAULT_CONSENT_VERSION,
    locale: servedLocale(def, locale),
    country: opts.country,
    questions: JSON.parse(JSON.stringify(questions)),
  };
}
