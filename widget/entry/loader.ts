// The script-tag entry (dist/outcome-survey.js). Side effects live here only:
// one global, one custom element, and the survey code loaded once the page is idle.

import { OPTION_ATTRIBUTES } from '../core/options/option-table.ts';
import { findOwnScript } from './find-own-script.ts';
import { createLazyApi } from './lazy-api.ts';
import { defineOutcomeSurveyElement } from './outcome-survey-element.ts';

try {
  const api = createLazyApi();
  const w = window as unknown as { OutcomeSurvey?: unknown };
  // A second copy of the script on the page keeps the first one's API.
  if (!w.OutcomeSurvey) {
    const { core, ...surface } = api;
    w.OutcomeSurvey = Object.freeze(surface);
    defineOutcomeSurveyElement(core);
    const script = findOwnScript(import.meta.url);
    // A bare script tag (options given later to init(), or on <outcome-survey>) starts nothing.
    if (script && OPTION_ATTRIBUTES.some((name) => script.hasAttribute(`data-${name}`))) {
      core()
        .then((c) => c.initFromScript(script))
        .catch((error: unknown) => console.error('outcome-survey: could not start', error));
    }
  }
} catch (error) {
  console.error('outcome-survey: could not start', error);
}
