import { render } from 'preact';
import type { ConsentGroup, ResolvedSurvey, SurveyResponse } from '../../protocol/index.ts';
import { createTranslator, loadUiTable, type UiTable } from '../i18n/index.ts';
import { SurveyApp } from './survey-app.tsx';
import { SURVEY_CSS } from './survey-css.ts';

export type SurveyUiProps = {
  survey: ResolvedSurvey;
  locale: string;
  placement: 'dialog' | 'inline';
  onSubmit(result: {
    answers: SurveyResponse['answers'];
    consentSensitive: boolean;
    /** Consent groups agreed to on their own screen, e.g. ["ethnicity"]. */
    consentGroups: ConsentGroup[];
  }): Promise<'sent' | 'saved'>;
  onDismiss(reason: 'not_now' | 'never' | 'closed'): void;
};

let sheet: CSSStyleSheet | undefined;

/**
 * Renders the survey into a shadow root. Styles go in through a constructable stylesheet,
 * never a <style> element or style attribute, so hosts need no 'unsafe-inline' in their CSP.
 */
export function mountSurvey(root: ShadowRoot, props: SurveyUiProps): () => void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(SURVEY_CSS);
  }
  const ours = sheet;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, ours];
  let mounted = true;
  const show = (table?: UiTable) =>
    mounted && render(<SurveyApp {...props} tr={createTranslator(props.locale, table)} />, root);
  // English renders at once; another language first fetches its strings chunk.
  if (props.locale === 'en') show();
  else loadUiTable(props.locale).then(show);
  return () => {
    mounted = false;
    render(null, root);
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== ours);
  };
}
