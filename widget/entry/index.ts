// The npm entry: `import { OutcomeSurvey } from 'outcome-survey'; OutcomeSurvey.init({...})`.
// Like the script tag, the survey code loads lazily once the page is idle; no globals are set.

import type { OutcomeSurveyApi } from '../core/public-types.ts';
import { createLazyApi } from './lazy-api.ts';
import { defineOutcomeSurveyElement } from './outcome-survey-element.ts';

export type { EventName, Handler, OutcomeSurveyApi, OutcomeSurveyOptions } from '../core/public-types.ts';

const api = createLazyApi();
const { core, ...surface } = api;

export const OutcomeSurvey: OutcomeSurveyApi = Object.freeze(surface);

/** Registers <outcome-survey> for inline placement; the script tag does this by itself. */
export function defineElement(): void {
  defineOutcomeSurveyElement(core);
}
