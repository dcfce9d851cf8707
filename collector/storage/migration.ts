/** One numbered schema step. Steps are append-only: a shipped step is never edited, a change is a new step. */
export type Migration = { version: number; name: string; sql: string };

/** The steps not yet applied, in order; refuses a database newer than this code. */
export function pendingMigrations(all: readonly Migration[], applied: readonly number[], where: string): Migration[] {
  const known = new Set(all.map((m) => m.version));
  const unknown = applied.filter((v) => !known.has(v));
  if (unknown.length > 0) {
    throw new Error(
      `${where}: the database has migration(s) ${unknown.join(', ')} that this version does not know; run a newer collector`,
    );
  }
  const done = new Set(applied);
  return all.filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version);
}
