import { type CohortImportSummary, NOTHING_IMPORTED } from '../researcher/import-cohort.ts';
import type { CohortSummary } from '../storage/denominator-storage.ts';
import type { RosterProblem } from './roster-builder.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What `npm run cohort -- import` prints after an import it stored. */
export function importText(s: CohortImportSummary): string {
  const head = `cohort ${s.cohort}: ${plural(s.members, 'member')}`;
  if (s.added + s.removed + s.changed === 0) return `${head}, nothing changed (this roster was already imported)\n`;
  return `${head} (${s.added} added, ${s.removed} removed, ${s.changed} changed, ${s.unchanged} unchanged)\n`;
}

/** What it prints for a refused file: each problem on its own line (its message names the line and column). */
export function problemsText(cohort: string, problems: readonly RosterProblem[], more: number): string {
  const lines = [`roster for cohort ${cohort} refused: ${plural(problems.length + more, 'problem')}`];
  for (const p of problems) lines.push(`  ${p.message}`);
  if (more > 0) lines.push(`  … and ${plural(more, 'more problem')} (fix these and run the import again to see them)`);
  lines.push(NOTHING_IMPORTED);
  return `${lines.join('\n')}\n`;
}

/** What `npm run cohort -- list` prints: one row per cohort, in the storage's order (by id). */
export function cohortsText(cohorts: readonly CohortSummary[]): string {
  if (cohorts.length === 0) return 'no cohorts yet: import one with npm run cohort -- import --cohort ID FILE.csv\n';
  const header = ['cohort', 'members', 'imports', 'updated'];
  const rows = cohorts.map((c) => [c.id, String(c.members), String(c.imports), c.updatedAt]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  // Counts right-aligned so they compare down the column; text left-aligned.
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
