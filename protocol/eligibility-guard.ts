import type { EligibilityAnswer } from './eligibility.ts';

// The EligibilityAnswer schema (eligibility.ts) written by hand, for the widget: it asks before the
// first question, where zod/mini would ship with it (CONTRIBUTING.md ADR 3). No zod import here.
// tests/protocol/eligibility-guard.test.ts holds the two equal on generated input.

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Whether a parsed body is an eligibility answer, exactly as EligibilityAnswer.safeParse decides. */
export function isEligibilityAnswer(body: unknown): body is EligibilityAnswer {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { eligible, reason, answeredWaves } = body as Record<string, unknown>;
  return (
    typeof eligible === 'boolean' &&
    (reason === undefined || typeof reason === 'string') &&
    (answeredWaves === undefined || isStringArray(answeredWaves))
  );
}
