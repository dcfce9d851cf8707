import { flag } from './answers.ts';
import type { Flag, FlagDoc } from './flag.ts';

export const ANY_UNDERSERVED_RULE = 'any_underserved@1';

export const ANY_UNDERSERVED_DOC: FlagDoc = {
  description:
    'True when any of jobseeker, underserved_area, low_education, disability or refugee is true; false only when all five are false; empty otherwise. Unknown never counts as false.',
  reads: [],
};

/** True if any of the five groups is true; false only when all five are known false; else unknown. */
export function anyUnderserved(groups: readonly Flag[]): Flag {
  if (groups.some((g) => g.value === true)) return flag(true, ANY_UNDERSERVED_RULE);
  if (groups.every((g) => g.value === false)) return flag(false, ANY_UNDERSERVED_RULE);
  return flag(null, ANY_UNDERSERVED_RULE);
}
