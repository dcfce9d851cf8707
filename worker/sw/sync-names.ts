/** Names the page and the worker must agree on; no code, so the page can import them without the worker's. */
export const SYNC_TAG = 'outcome-survey';
export const FLUSH_MESSAGE = 'OUTCOME_SURVEY_FLUSH';
