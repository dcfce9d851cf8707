import { LEARNER_REF_RULE } from '../../protocol/learner-ref-rule.ts';
import { EVENT_NAMES } from './events.ts';
import { type Expectation, isOptionName, OPTION_NAMES, OPTION_TABLE } from './options/option-table.ts';
import type { OptionsFailure } from './options/parse-options.ts';

// The words for a widget used wrongly, in a chunk of their own: a page that embeds it right never
// downloads them (issue 5). Each message names the call or option, what it got and what it expects.

/** What an option must look like, by the code its row in the option table names. */
export const EXPECTED: Record<Expectation, string> = {
  'collector-url': 'the collector URL, such as "https://collector.example"',
  'site-key': 'a non-empty site key',
  'survey-id': 'a survey id such as "career-outcomes"',
  'country-code': 'an ISO 3166-1 alpha-2 country code such as "FR"',
  'language-tag': 'a BCP 47 language tag such as "fr" or "en-GB"',
  'learner-ref': `an opaque learner id the collector accepts: ${LEARNER_REF_RULE.replace(/^expected a learnerRef of /, '')}`,
  'learner-sig':
    'the host\'s signature of learnerRef: 64 hex digits, HMAC-SHA-256 keyed by the site key\'s learnerSecret (README "Verifying learner identity")',
  'same-site-path': 'a path to the service worker on this site, such as "/outcome-survey-sw.js"',
  'true-or-false': '"true" or "false"',
  trigger: '"manual", "event:NAME", "delay:SECONDS" or "waves"',
  'iso-date': 'an ISO 8601 date such as "2026-01-31" or "2026-01-31T12:00:00Z" (needed by trigger "waves")',
  'month-list': 'months after completion, comma-separated, such as "0,6,12"',
  'day-count': 'a whole number of days from 0 to 365',
  'short-id': 'an id of at most 128 characters',
  'link-token': 'the token of a personal link, as in the collector\'s /s/TOKEN URL: 1 to 1024 of A–Z a–z 0–9 "-" "_"',
};

/** The console message for a refused option: which one, what it was, what was expected. */
export function optionError(raw: Record<string, unknown>, { option, key }: OptionsFailure): string {
  const expected = isOptionName(key)
    ? EXPECTED[OPTION_TABLE[key].expects]
    : `one of the known options: ${OPTION_NAMES.join(', ')}`;
  return `outcome-survey: option "${option}" is invalid (got ${show(raw[key])}); expected ${expected}. The survey is turned off.`;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value)?.slice(0, 80) ?? String(value);
  } catch {
    return typeof value;
  }
}

/** The console message for a set-up the collector refused: what it said, and what to change where. */
export function refusalMessage(
  r: { code: 'site-key-refused' | 'origin-refused'; status: number; reason: string; endpoint: string; siteKey: string },
  origin: string,
): string {
  const fix =
    r.code === 'site-key-refused'
      ? `set data-site-key (siteKey) to a key listed in the collector's SITE_KEYS, or add ${JSON.stringify(r.siteKey)} there`
      : `add ${JSON.stringify(origin)} to the origins of ${JSON.stringify(r.siteKey)} in the collector's SITE_KEYS`;
  return `outcome-survey: the collector at ${r.endpoint} refused ${r.code === 'site-key-refused' ? `site key ${JSON.stringify(r.siteKey)}` : `this page's origin ${origin} for site key ${JSON.stringify(r.siteKey)}`} (HTTP ${r.status}: ${r.reason}). To fix it, ${fix}. Answers are kept on this device and sent again once a day.`;
}

/** A call of the JavaScript API that cannot be obeyed, as core found it. */
export type Misuse =
  | { call: 'on'; event: unknown; handler: unknown }
  | { call: 'track'; eventName: unknown }
  | { call: 'show'; surveyId: string | undefined };

/** The console message for a wrong call: which call, what it got, what it expects. */
export function misuseMessage(misuse: Misuse): string {
  switch (misuse.call) {
    case 'on':
      return `outcome-survey: on(event, handler) expects event to be one of ${EVENT_NAMES.join(', ')} and handler a function; got ${show(misuse.event)} and ${typeof misuse.handler}.`;
    case 'track':
      return `outcome-survey: track(eventName) expects a string, such as "course_completed"; got ${show(misuse.eventName)}.`;
    case 'show': {
      const { surveyId } = misuse;
      return `outcome-survey: show(${surveyId === undefined ? '' : show(surveyId)}) found no configured survey${surveyId === undefined ? '' : ' with that id'}; call init() or add data-* options to the script tag first.`;
    }
  }
}
