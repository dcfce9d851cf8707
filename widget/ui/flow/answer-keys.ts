import type { ResolvedQuestion } from '../../../protocol/index.ts';

/** The keys a question's answers are stored under: one per row for a grid, else its own id. */
export function answerKeys(q: ResolvedQuestion): string[] {
  return q.kind === 'grid' ? (q.rows ?? []).map((r) => r.id) : [q.id];
}
