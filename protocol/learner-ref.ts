import * as z from 'zod/mini';
import { LEARNER_REF_PATTERN, LEARNER_REF_RULE } from './learner-ref-rule.ts';

export { LEARNER_REF_PATTERN, LEARNER_REF_RULE };

export const LearnerRef = z.string().check(z.regex(LEARNER_REF_PATTERN, { error: LEARNER_REF_RULE }));
