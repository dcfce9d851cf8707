import type { InvitationPlan, PlannedInvitation } from './run-invitations.ts';
import type { SkipReason } from './select-invitees.ts';

// What a round hands back, by HTTP (POST /v1/invitations) and in the links file of `npm run invite`: one row per
// link in the school's mailing-tool columns, and every learner left out with its reason.

/** How many rows a dry run shows (the issue: "counts and three sample rows"). */
export const DRY_RUN_SAMPLES = 3;

export type LinkRow = { learner_ref: string; url: string; expires_at: string; language: string | null };
export type SkippedRow = { learner_ref: string; reason: SkipReason };
export type InvitationCounts = { invitations: number; skipped: number; reasons: Partial<Record<SkipReason, number>> };

export type InvitationAnswer = {
  invitations: LinkRow[];
  skipped: SkippedRow[];
  /** Dry run only, with `invitations` cut to DRY_RUN_SAMPLES rows. */
  dryRun?: true;
  counts?: InvitationCounts;
};

export const LINK_COLUMNS = ['learner_ref', 'url', 'expires_at', 'language'] as const;

export function linkRow(i: PlannedInvitation): LinkRow {
  return { learner_ref: i.learnerRef, url: i.url, expires_at: i.expiresAt.toISOString(), language: i.language ?? null };
}

export function invitationCounts(plan: InvitationPlan): InvitationCounts {
  const reasons: Partial<Record<SkipReason, number>> = {};
  for (const s of plan.skipped) reasons[s.reason] = (reasons[s.reason] ?? 0) + 1;
  return { invitations: plan.invitations.length, skipped: plan.skipped.length, reasons };
}

export function invitationAnswer(plan: InvitationPlan): InvitationAnswer {
  const skipped = plan.skipped.map((s) => ({ learner_ref: s.learnerRef, reason: s.reason }));
  if (!plan.dryRun) return { invitations: plan.invitations.map(linkRow), skipped };
  return {
    dryRun: true,
    counts: invitationCounts(plan),
    invitations: plan.invitations.slice(0, DRY_RUN_SAMPLES).map(linkRow),
    skipped,
  };
}
