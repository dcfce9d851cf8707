/**
 * A timestamp rewritten so that comparing strings compares instants: ISO 8601 UTC
 * with exactly nine fractional digits. The wire allows any precision, and as plain
 * strings "12:00:00.5Z" sorts before "12:00:00Z" ('.' < 'Z'), so ordering and the
 * from/to filters use this form while the timestamp as sent is kept for round trips.
 */
export function sortTime(iso: string, where = 'timestamp'): string {
  const exact = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(iso);
  if (exact && !Number.isNaN(Date.parse(`${exact[1]}Z`)))
    return `${exact[1]}.${(exact[2] ?? '').slice(0, 9).padEnd(9, '0')}Z`;
  // Other ISO forms (a date alone, an offset) are only expected in filters; Date's millisecond precision is enough there.
  // A time without a zone means UTC here, as everywhere in this project (Date.parse would take it as server-local).
  const utc = /T[\d:.]+$/.test(iso) ? `${iso}Z` : iso;
  const ms = /^\d{4}-\d{2}-\d{2}/.test(utc) ? Date.parse(utc) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new Error(
      `${where}: expected an ISO 8601 timestamp such as 2026-01-31T12:00:00Z, got ${JSON.stringify(iso.slice(0, 40))}`,
    );
  }
  return `${new Date(ms).toISOString().slice(0, -1)}000000Z`;
}
