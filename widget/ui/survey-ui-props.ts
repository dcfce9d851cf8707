import type { ConsentGroup, ResolvedSurvey, SurveyResponse } from '../../protocol/index.ts';

export type DismissReason = 'not_now' | 'never' | 'closed';
export type SubmitOutcome = 'sent' | 'saved' | 'refused';

/** What the learner chose to send: the one shape the UI hands over and the embed builds the record from. */
export type SubmitResult = {
  answers: SurveyResponse['answers'];
  consentSensitive: boolean;
  /** Consent groups agreed to on their own screen (issue 4), e.g. ["ethnicity"]; absent means none. */
  consentGroups?: ConsentGroup[];
};

/** What mountSurvey is given by the embed. */
export type SurveyUiProps = {
  survey: ResolvedSurvey;
  locale: string;
  placement: 'dialog' | 'inline';
  onSubmit(result: SubmitResult): Promise<SubmitOutcome>;
  onDismiss(reason: DismissReason): void;
  /** Once the first screen is drawn (after another language's strings chunk has arrived). */
  onDrawn?(): void;
};
