import { RosterBuilder, type RosterResult } from './roster-builder.ts';
import { columnProblem } from './roster-columns.ts';

/**
 * A roster from the JSON form of `PUT /v1/cohorts/:id`: `{ "members": [ { "learner_ref": "…", "completed_at": "…",
 * "attr_funding": "…" }, … ] }`, each member keyed by the CSV's column names so one file converts to the other
 * cell for cell. An attr_ value may be a JSON number or boolean (sent as its text); every other value is a string.
 */
export function parseRosterJson(body: unknown): RosterResult {
  const roster = new RosterBuilder();
  const members = isObject(body) ? body.members : undefined;
  const extra = isObject(body) ? Object.keys(body).filter((k) => k !== 'members') : [];
  if (!Array.isArray(members) || extra.length > 0) {
    roster.problem({
      code: 'unreadable',
      message: `(root): expected { "members": [ … ] } and nothing else${extra.length > 0 ? `, found key ${JSON.stringify(extra[0])}` : ''}: send the members as an array under "members"`,
    });
    return roster.result({ member: 0 });
  }
  members.forEach((member: unknown, i) => {
    const where = `members[${i}]`;
    if (!isObject(member)) {
      roster.problem({ code: 'unreadable', member: i, message: `${where}: expected an object of column → value` });
      return;
    }
    const cells = new Map<string, string>();
    for (const [column, value] of Object.entries(member)) {
      const unknown = columnProblem(column);
      const text = typeof value === 'string' ? value : column.startsWith('attr_') ? scalarText(value) : undefined;
      if (unknown) roster.problem({ code: 'unknown_column', member: i, column, message: `${where}: ${unknown}` });
      else if (text === undefined)
        roster.problem({
          code: 'invalid_value',
          member: i,
          column,
          message: `${where}.${column}: expected a string${column.startsWith('attr_') ? ', number or boolean' : ''}: write the value in quotes`,
        });
      else cells.set(column, text);
    }
    roster.add({ member: i }, cells);
  });
  return roster.result({ member: 0 });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function scalarText(v: unknown): string | undefined {
  return typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? String(v) : undefined;
}
