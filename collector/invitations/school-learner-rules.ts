import { LEARNER_REF_PATTERN, LEARNER_REF_RULE } from '../../protocol/learner-ref-rule.ts';

// The cells of one learner of the school's list, judged the same way whether they come from a CSV file
// (school-list-csv.ts) or a JSON body (invitation-request.ts). Each rule answers with what is expected.

/** BCP 47 as the link token carries it (collector/links/link-token.ts): "fr", "pt-BR", "zh-Hant-TW". */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;
/** Enough to refuse a cell that is plainly not an address; the mail server is the judge of the rest. */
const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;
const MAX_NAME = 200;

export function learnerRefProblem(value: string): string | undefined {
  return LEARNER_REF_PATTERN.test(value) ? undefined : LEARNER_REF_RULE;
}

export function languageProblem(value: string): string | undefined {
  return LANGUAGE.test(value) ? undefined : 'expected a BCP 47 language tag such as "fr" or "pt-BR", or an empty cell';
}

export function emailProblem(value: string): string | undefined {
  if (value.length > 254) return 'expected an e-mail address of at most 254 characters';
  return EMAIL.test(value) ? undefined : 'expected one e-mail address such as ana@mail.example';
}

export function nameProblem(value: string): string | undefined {
  return value.length <= MAX_NAME ? undefined : `expected a name of at most ${MAX_NAME} characters`;
}
