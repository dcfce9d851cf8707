// The predicates the option table (option-table.ts) is written in, and the conversions from an
// attribute's text. Hand-written rather than zod/mini: zod/mini would ship with the first question
// (CONTRIBUTING.md ADR 3); tests/widget/core/options/options-contract.test.ts holds these rules equal
// to the same ones written as a zod/mini schema.

export type Check = (value: unknown) => boolean;

/** Whether `value` resolves to a URL, against this page, that `ok` accepts. */
export const parsesAs = (value: string, ok: (url: URL) => boolean): boolean => {
  try {
    return ok(new URL(value, location.href));
  } catch {
    return false;
  }
};

export const isString =
  (ok: (value: string) => boolean): Check =>
  (value) =>
    typeof value === 'string' && ok(value);
export const matches = (pattern: RegExp): Check => isString((value) => pattern.test(value));
export const text = (max: number): Check => isString((value) => value.length >= 1 && value.length <= max);
export const whole =
  (max: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;
export const isBoolean: Check = (value) => typeof value === 'boolean';

// Date.parse alone accepts "1" or "June 3"; the pattern keeps it to ISO 8601.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
export const isIsoDate: Check = isString((value) => ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)));

// Attribute text that does not convert is kept as text, so the check names the attribute as written.
export const booleanText = (value: string): unknown =>
  value === '' || value === 'true' ? true : value === 'false' ? false : value;
export const wholeText = (value: string): unknown => (/^\d+$/.test(value) ? Number(value) : value);
export const wholeListText = (value: string): unknown =>
  /^\d+(,\s*\d+)*$/.test(value) ? value.split(',').map(Number) : value;
