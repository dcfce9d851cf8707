import { attributeOf, OPTION_NAMES, OPTION_TABLE, type OptionRow } from './option-table.ts';

/**
 * Reads options from attributes (a script tag's data-* or an <outcome-survey>'s
 * plain ones) and turns the strings that stand for numbers, booleans and lists
 * into those types. Strings that do not convert are kept, so validation names them.
 */
export function readAttributes(element: Element, prefix: '' | 'data-'): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of OPTION_NAMES) {
    const row: OptionRow<unknown> = OPTION_TABLE[key];
    const value = element.getAttribute(prefix + attributeOf(key));
    if (value !== null) raw[key] = row.fromAttribute ? row.fromAttribute(value) : value;
  }
  return raw;
}
