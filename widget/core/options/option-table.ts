import { LEARNER_REF_PATTERN } from '../../../protocol/learner-ref-rule.ts';
import type { OutcomeSurveyOptions } from '../public-types.ts';
import { parseTrigger, type Trigger } from '../triggers/parse-trigger.ts';
import {
  booleanText,
  type Check,
  isBoolean,
  isIsoDate,
  isString,
  matches,
  parsesAs,
  text,
  whole,
  wholeListText,
  wholeText,
} from './option-checks.ts';

/**
 * What a console error says a wrong option must look like, as a code: the sentences are in
 * ../misuse.ts, a chunk fetched only when something is wrong.
 */
export type Expectation =
  | 'collector-url'
  | 'site-key'
  | 'survey-id'
  | 'country-code'
  | 'language-tag'
  | 'learner-ref'
  | 'learner-sig'
  | 'same-site-path'
  | 'true-or-false'
  | 'trigger'
  | 'iso-date'
  | 'month-list'
  | 'day-count'
  | 'short-id'
  | 'link-token';

/** One embed option: everything the widget knows about it. */
export type OptionRow<Value> = {
  required?: true;
  /** An attribute's text as the value init() would take (absent: the text as it is). */
  fromAttribute?: (text: string) => unknown;
  /** Whether a value given to init(), or read from an attribute, is acceptable. */
  check: Check;
  /** The value the widget works with, from an accepted value or undefined when it was not given (absent: as given). */
  toValue?: (accepted: unknown) => Value;
  expects: Expectation;
};

/** Outcome waves, in months after course completion (research/domain.md: +0, +6, +12). */
export const DEFAULT_WAVES: readonly number[] = [0, 6, 12];

const option = <Value>(row: OptionRow<Value>): OptionRow<Value> => row;

/**
 * Every embed option, in the order refusals are reported. The keys are the JavaScript names;
 * `satisfies` holds them to the npm users' type (public-types.ts, written out for its doc comments
 * and self-contained for the .d.ts build), so an option added here and not there fails type-checking.
 */
export const OPTION_TABLE = {
  endpoint: option<string>({
    required: true,
    check: isString((v) => /^https?:\/\//.test(v) && parsesAs(v, () => true)),
    toValue: (v) => (v as string).replace(/\/+$/, ''),
    expects: 'collector-url',
  }),
  siteKey: option<string>({ required: true, check: text(128), expects: 'site-key' }),
  survey: option<string>({
    required: true,
    check: matches(/^[a-z][a-z0-9_-]{0,63}$/),
    expects: 'survey-id',
  }),
  country: option<string | undefined>({ check: matches(/^[A-Z]{2}$/), expects: 'country-code' }),
  locale: option<string | undefined>({
    check: matches(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/),
    expects: 'language-tag',
  }),
  // The collector's rule (protocol/learner-ref-rule.ts): a ref it would refuse is refused here, loudly, at init.
  learnerRef: option<string | undefined>({ check: matches(LEARNER_REF_PATTERN), expects: 'learner-ref' }),
  learnerSig: option<string | undefined>({
    check: matches(/^[0-9a-fA-F]{64}$/),
    expects: 'learner-sig',
  }),
  sw: option<string | undefined>({
    check: isString((v) => parsesAs(v, (url) => url.origin === location.origin)),
    expects: 'same-site-path',
  }),
  debug: option<boolean>({
    fromAttribute: booleanText,
    check: isBoolean,
    toValue: (v) => (v as boolean | undefined) ?? false,
    expects: 'true-or-false',
  }),
  trigger: option<Trigger>({
    check: isString((v) => parseTrigger(v) !== null),
    toValue: (v) => parseTrigger((v as string | undefined) ?? 'manual') as Trigger,
    expects: 'trigger',
  }),
  completedAt: option<Date | undefined>({
    check: isIsoDate,
    toValue: (v) => (v === undefined ? undefined : new Date(v as string)),
    expects: 'iso-date',
  }),
  waves: option<number[]>({
    fromAttribute: wholeListText,
    check: (v) => Array.isArray(v) && v.length > 0 && v.every(whole(120)),
    toValue: (v) => [...((v as number[] | undefined) ?? DEFAULT_WAVES)],
    expects: 'month-list',
  }),
  capDays: option<number>({
    fromAttribute: wholeText,
    check: whole(365),
    toValue: (v) => (v as number | undefined) ?? 30,
    expects: 'day-count',
  }),
  courseId: option<string | undefined>({ check: text(128), expects: 'short-id' }),
  pathId: option<string | undefined>({ check: text(128), expects: 'short-id' }),
  // protocol/link-token-text.ts's LINK_TOKEN_PATTERN, written out: that file carries zod, which stays out of the
  // browser (tests/widget/core/options/option-table.test.ts holds the two equal).
  link: option<string | undefined>({ check: matches(/^[\w-]{1,1024}$/), expects: 'link-token' }),
} satisfies { [Name in keyof OutcomeSurveyOptions]-?: OptionRow<unknown> };

export type OptionName = keyof typeof OPTION_TABLE;
export const OPTION_NAMES = Object.keys(OPTION_TABLE) as OptionName[];

// Each option is read from the kebab-case spelling of its name: data-ATTRIBUTE on the script tag,
// ATTRIBUTE on <outcome-survey> (shared/DESIGN.md: data-site-key, data-learner-ref, …). A rule, not a
// column, so no row can misspell its attribute.
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The attributes options are read from, in the table's order. */
export const OPTION_ATTRIBUTES: readonly string[] = OPTION_NAMES.map(kebab);

export const isOptionName = (key: string): key is OptionName => Object.hasOwn(OPTION_TABLE, key);

/** The attribute an option is read from ("siteKey" → "site-key"); an unknown key as it is. */
export const attributeOf = (key: string): string => (isOptionName(key) ? kebab(key) : key);

type ValueOf<Row> = Row extends OptionRow<infer Value> ? Value : never;
type Values = { [Name in OptionName]: ValueOf<(typeof OPTION_TABLE)[Name]> };
type MaybeAbsent = { [Name in OptionName]: undefined extends Values[Name] ? Name : never }[OptionName];

/** The options once accepted, as the widget works with them: defaults filled, dates and triggers parsed. */
export type EmbedOptions = { [Name in Exclude<OptionName, MaybeAbsent>]: Values[Name] } & {
  [Name in MaybeAbsent]?: Exclude<Values[Name], undefined>;
};
