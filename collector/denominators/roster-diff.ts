/** A member's columns other than learner_ref, by column name (roster-builder's RosterMember.fields). */
export type MemberFields = Readonly<Record<string, string>>;

export type FieldChange = { column: string; from: string | null; to: string | null };

/**
 * What an import changes in a cohort, keyed by the hashed learner ref (never the raw one): kept with its date, so
 * a rate computed last month can be explained by the roster it was computed on.
 */
export type RosterChange = {
  cohort: string;
  at: string;
  added: { ref: string; fields: MemberFields }[];
  removed: { ref: string; fields: MemberFields }[];
  changed: { ref: string; changes: FieldChange[] }[];
  unchanged: number;
};

/**
 * Compares the stored members with a new import of the whole cohort. Null when nothing changed, so importing the
 * same file again writes nothing, not even a change record. A member missing from the import is removed: a roster
 * import replaces the cohort, it does not append to it.
 */
export function rosterDiff(
  cohort: string,
  stored: ReadonlyMap<string, MemberFields>,
  incoming: ReadonlyMap<string, MemberFields>,
  at: Date,
): RosterChange | null {
  const change: RosterChange = { cohort, at: at.toISOString(), added: [], removed: [], changed: [], unchanged: 0 };
  for (const [ref, fields] of incoming) {
    const before = stored.get(ref);
    if (before === undefined) {
      change.added.push({ ref, fields });
      continue;
    }
    const changes = fieldChanges(before, fields);
    if (changes.length > 0) change.changed.push({ ref, changes });
    else change.unchanged++;
  }
  for (const [ref, fields] of stored) if (!incoming.has(ref)) change.removed.push({ ref, fields });
  // Sorted, so one import gives one record whatever order the file or the database listed members in.
  const byRef = (a: { ref: string }, b: { ref: string }) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
  change.added.sort(byRef);
  change.removed.sort(byRef);
  change.changed.sort(byRef);
  const nothing = change.added.length + change.removed.length + change.changed.length === 0;
  return nothing ? null : change;
}

function fieldChanges(before: MemberFields, after: MemberFields): FieldChange[] {
  const columns = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return columns.flatMap((column) => {
    const from = before[column] ?? null;
    const to = after[column] ?? null;
    return from === to ? [] : [{ column, from, to }];
  });
}
