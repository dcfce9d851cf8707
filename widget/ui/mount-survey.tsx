import { h, render } from 'preact';
import { nextTask } from '../core/next-task.ts';
import { whenIdle } from '../core/when-idle.ts';
import { createTranslator, loadUiTable, type Translator } from '../i18n/index.ts';
import { type StepProps, SurveyApp } from './survey-app.tsx';
import { SURVEY_CSS } from './survey-css.ts';
import type { SurveyUiProps } from './survey-ui-props.ts';

export type { StepProps } from './survey-app.tsx';
export type { SurveyUiProps } from './survey-ui-props.ts';

// One constructed sheet per stylesheet text, shared by every survey on the page.
const sheets = new Map<string, CSSStyleSheet>();

function sheetOf(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

/**
 * Renders the survey into a shadow root. Styles go in through constructable stylesheets,
 * never a <style> element or style attribute, so hosts need no 'unsafe-inline' in their CSP.
 */
export function mountSurvey(root: ShadowRoot, props: SurveyUiProps & StepProps): () => void {
  const ours: CSSStyleSheet[] = [];
  const adoptStyles = (css: string) => {
    const sheet = sheetOf(css);
    if (ours.includes(sheet)) return;
    ours.push(sheet);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  };
  adoptStyles(SURVEY_CSS);
  let mounted = true;
  const show = (tr: Translator) => {
    if (!mounted) return;
    render(<SurveyApp {...props} tr={tr} adoptStyles={adoptStyles} />, root);
    props.onDrawn?.();
    // The number format's ICU data (translator.ts) loads while the page is idle, before the figures need it.
    void whenIdle().then(() => mounted && tr.warm());
  };
  // English renders at once; another language first fetches its strings chunk (prefetched beside this
  // chunk by the survey code), and its first render gets a task of its own (issue 9).
  if (props.locale === 'en') show(createTranslator('en'));
  else
    loadUiTable(props.locale)
      .then((table) => createTranslator(props.locale, table))
      .then(async (tr) => {
        await nextTask();
        show(tr);
      });
  return () => {
    mounted = false;
    render(null, root);
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => !ours.includes(s));
  };
}
