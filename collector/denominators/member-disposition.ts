import type { MemberFacts } from '../storage/denominator-storage.ts';
import { type Disposition, disposition } from './disposition.ts';
import { isWaveDue, type ScheduledWave } from './wave-schedule.ts';

/** What a member's disposition depends on beyond the member's own facts. */
export type DispositionContext = {
  wave: string;
  schedule: readonly ScheduledWave[];
  partialThreshold: number;
  /** The moment the dispositions are computed for: a wave is due or not as of then. */
  at: Date;
};

/** One member's final disposition for the query's survey and wave, from the facts storage streams. */
export function memberDisposition(facts: MemberFacts, ctx: DispositionContext): Disposition {
  const completedAt = facts.member.completedAt ? new Date(`${facts.member.completedAt}T00:00:00Z`) : undefined;
  return disposition(
    {
      due: isWaveDue(ctx.wave, completedAt, ctx.at, ctx.schedule),
      events: facts.events,
      response: facts.response,
      optedOut: facts.optedOut,
    },
    ctx.partialThreshold,
  );
}
