import { learnerHash } from './learner-hash.ts';
import { type LearnerRefStatus, learnerRefStatus } from './learner-signature.ts';

/**
 * What the collector keeps of a record's learnerRef (responses and contact events alike): its status and, unless
 * unverified, its keyed hash. An unverified ref is kept out entirely (not even hashed): it could be anyone's, and it
 * must count for no learner's answered waves, erasure or roster. The signature proves the ref and is then dropped.
 */
export function judgedLearner(
  learnerRef: string | undefined,
  learnerSig: string | undefined,
  ctx: { learnerSecret?: string | undefined; learnerRefSecret: string },
): { learnerRefStatus?: LearnerRefStatus; learnerHash?: string } {
  if (learnerRef === undefined) return {};
  const status = learnerRefStatus(learnerRef, learnerSig, ctx.learnerSecret);
  return status === 'unverified'
    ? { learnerRefStatus: status }
    : { learnerRefStatus: status, learnerHash: learnerHash(learnerRef, ctx.learnerRefSecret) };
}
