import type { Condition, ResolvedQuestion } from '../../../protocol/index.ts';
import { isShown } from '../../../protocol/is-shown.ts';
import { type Answers, CONSENT, groupStep } from './flow-path.ts';
import { type FlowState, pathOf } from './survey-flow.ts';

/**
 * The "of M" in "Question n of M", and the intro's count: the questions already passed plus the longest path
 * still open from the current step, every answer from there on taken as not yet given. Answering only fixes
 * what was open, so M never grows while the learner goes forward (a count that grows makes people quit).
 * A free question tries one answer per way it can steer the conditions ahead, so the search stays small.
 */
export function questionTotal(state: FlowState): number {
  const { questions, consent, groups = {}, step } = state;
  const path = pathOf(state);
  const passed = path.slice(0, Math.max(0, path.indexOf(step ?? '')));
  const refused = (q: ResolvedQuestion) =>
    (q.sensitive && consent === false && passed.includes(CONSENT)) ||
    (q.consentGroup && groups[q.consentGroup] === false && passed.includes(groupStep(q.consentGroup)));
  // The conditions of question i and those after it: what is left from i depends on the answers only through
  // them, so their truth is the key for remembering a result.
  const ahead = questions.map((_, i) => questions.slice(i).flatMap((q) => q.showIf ?? []));
  const truths = (conditions: Condition[] = [], a: Answers) =>
    conditions.map((c) => isShown({ showIf: [c] }, a)).join();
  const known = new Map<string, number>();
  const longest = (i: number, a: Answers): number => {
    const q = questions[i];
    const key = i + truths(ahead[i], a);
    let n = known.get(key);
    if (!q || n !== undefined) return n ?? 0;
    if (!isShown(q, a) || refused(q)) n = longest(i + 1, a);
    else if (passed.includes(q.id)) n = 1 + longest(i + 1, a);
    else {
      const steers = ahead[i + 1]?.filter((c) => c.question === q.id);
      const ids = q.options?.map((o) => o.id) ?? [''];
      const ways = new Map<string, Answers>();
      for (const v of [undefined, ...ids, ...(q.kind === 'multiple_choice' ? [ids] : [])]) {
        const b = { ...a, [q.id]: v } as Answers;
        ways.set(truths(steers, b), b);
      }
      n = 1 + Math.max(...[...ways.values()].map((b) => longest(i + 1, b)));
    }
    known.set(key, n);
    return n;
  };
  return longest(0, state.answers);
}
