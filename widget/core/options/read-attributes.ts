import { kebab, OPTION_NAMES } from './option-table.ts';

/**
 * Reads options from attributes (a script tag's data-* or an <outcome-survey>'s
 * plain ones) and turns the strings that stand for numbers, booleans and lists
 * into those types. Strings that do not convert are kept, so validation names them.
 */
export function readAttributes(element: Element, prefix: '' | 'data-'): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of OPTION_NAMES) {
    const value = element.getAttribute(prefix + kebab(key));
    if (value !== null) raw[key] = convert(key, value);
  }
  return raw;
}

function convert(key: string, value: string): unknown {
  if (key === 'debug') return value === '' || value === 'true' ? true : value === 'false' ? false : value;
  if (key === 'capDays') return /^\d+$/.test(value) ? Number(value) : value;
  if (key === 'waves') return /^\d+(,\s*\d+)*$/.test(value) ? value.split(',').map(Number) : value;
  return value;
}
