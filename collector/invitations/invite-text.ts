import { csvLine } from '../export/csv-cell.ts';
import { DRY_RUN_SAMPLES, invitationCounts, LINK_COLUMNS, type LinkRow, linkRow } from './invitation-answer.ts';
import type { InvitationPlan } from './run-invitations.ts';
import type { SchoolListProblem } from './school-list-csv.ts';
import type { SendOutcome } from './send-invitations.ts';

// What `npm run invite` prints: the links file (the export's CSV cell rules, so a learner_ref starting with "="
// cannot run as a formula in the school's spreadsheet) and, on standard error, who was left out and the counts.

export function linksCsv(rows: readonly LinkRow[]): string {
  return (
    csvLine(LINK_COLUMNS, ',') +
    rows
      .map((r) =>
        csvLine(
          LINK_COLUMNS.map((c) => r[c]),
          ',',
        ),
      )
      .join('')
  );
}

export function problemsText(file: string, problems: readonly SchoolListProblem[], more: number): string {
  const lines = problems.map((p) => `${file}: ${p.message}`);
  if (more > 0) lines.push(`${file}: … and ${more} more`);
  lines.push(`${file} refused: fix each line and run again; nothing was signed or recorded`);
  return `${lines.join('\n')}\n`;
}

/** Each learner left out with the reason, then the counts. */
export function summaryText(plan: InvitationPlan, sent?: SendOutcome): string {
  const lines = plan.skipped.map((s) => `skipped ${s.learnerRef}: ${s.reason}`);
  for (const u of sent?.undeliverable ?? [])
    lines.push(`undeliverable ${u.learnerRef}: the server refused the message (${u.smtpCode} ${u.smtpMessage})`);
  for (const n of sent?.notSent ?? []) lines.push(`not sent ${n.learnerRef}: the run stopped before it`);
  const counts = invitationCounts(plan);
  const reasons = Object.entries(counts.reasons).map(([reason, n]) => `${reason} ${n}`);
  const what = plan.kind === 'reminder' ? 'reminders' : 'invitations';
  const head = plan.dryRun
    ? `dry run: ${counts.invitations} ${what} would be made; nothing was signed or recorded`
    : sent
      ? `${sent.sent.length} ${what} sent and recorded, ${sent.undeliverable.length} undeliverable (recorded), ${sent.notSent.length} not sent`
      : `${counts.invitations} ${what} written and recorded`;
  lines.push(`${head}; ${counts.skipped} left out${reasons.length ? ` (${reasons.join(', ')})` : ''}`);
  if (sent?.stopped) lines.push(`sending stopped: ${sent.stopped.message}`);
  return `${lines.join('\n')}\n`;
}

/** A dry run's sample: the first rows the links file would hold, with no link signed. */
export function sampleCsv(plan: InvitationPlan): string {
  return linksCsv(plan.invitations.slice(0, DRY_RUN_SAMPLES).map(linkRow));
}
