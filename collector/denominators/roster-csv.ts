import { csvRecords } from './csv-records.ts';
import { RosterBuilder, type RosterResult, type RosterSink } from './roster-builder.ts';
import { columnProblem } from './roster-columns.ts';

/**
 * A roster from CSV text arriving in chunks (a request body, a file stream): the header names the columns, each
 * further record is one member. Every problem is reported with its line (up to MAX_REPORTED_PROBLEMS, then a count);
 * the members come back only when there is none. With `onMember`, they go there instead (see RosterSink).
 */
export async function parseRosterCsv(
  chunks: AsyncIterable<string> | Iterable<string>,
  onMember?: RosterSink,
): Promise<RosterResult> {
  const roster = new RosterBuilder(onMember);
  let columns: string[] | undefined;
  for await (const record of csvRecords(chunks)) {
    if (record.error !== undefined) {
      roster.problem({ code: 'unreadable', line: record.line, message: record.error });
      if (columns === undefined) return roster.result({ line: 1 });
      continue;
    }
    if (columns === undefined) {
      columns = record.fields;
      if (!headerIsUsable(roster, columns)) return roster.result({ line: 1 });
      continue;
    }
    if (record.fields.length !== columns.length) {
      roster.problem({
        code: 'field_count',
        line: record.line,
        message: `line ${record.line}: ${record.fields.length} fields where the header has ${columns.length}: add the missing cells or quote a cell that holds a comma`,
      });
      continue;
    }
    const header = columns;
    roster.add({ line: record.line }, new Map(record.fields.map((value, i) => [header[i], value])));
  }
  if (columns === undefined)
    roster.problem({
      code: 'missing_column',
      line: 1,
      message: 'line 1: the file is empty: the first line is the header, naming at least learner_ref',
    });
  return roster.result({ line: 2 });
}

/** The header's problems go to the roster; rows are not read under a header that cannot name their cells. */
function headerIsUsable(roster: RosterBuilder, columns: readonly string[]): boolean {
  let usable = true;
  const seen = new Set<string>();
  for (const column of columns) {
    const unknown = columnProblem(column);
    const twice = seen.has(column);
    seen.add(column);
    if (!unknown && !twice) continue;
    usable = false;
    roster.problem({
      code: twice ? 'duplicate_column' : 'unknown_column',
      line: 1,
      column,
      message: `line 1: ${twice ? `column "${column}" appears twice: keep one` : unknown}`,
    });
  }
  if (!seen.has('learner_ref')) {
    usable = false;
    roster.problem({
      code: 'missing_column',
      line: 1,
      column: 'learner_ref',
      message: `line 1: no learner_ref column: the header must name learner_ref (found ${columns.map((c) => JSON.stringify(c)).join(', ')})`,
    });
  }
  return usable;
}
