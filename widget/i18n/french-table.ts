import { frenchSpacing } from '../../protocol/french-spacing.ts';
import type { UiTable } from './en.ts';

/**
 * The French strings with French typography, typeset once when the French chunk loads. Not in the
 * translator: that sits on the first-question path, whose bytes are counted (tests/e2e/budget.test.ts).
 */
export function typesetFrench(table: UiTable): UiTable {
  return Object.fromEntries(Object.entries(table).map(([key, text]) => [key, text && frenchSpacing(text)]));
}
