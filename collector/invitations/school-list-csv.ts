import { csvRecords } from '../denominators/csv-records.ts';
import { emailProblem, languageProblem, learnerRefProblem, nameProblem } from './school-learner-rules.ts';
import type { SchoolLearner } from './select-invitees.ts';

// The school's list for `npm run invite -- --learners FILE.csv`, read with the project's CSV reader: learner_ref,
// and email, language, name when given. Read whole before anything is opened, so a bad line stops the run with
// nothing recorded; the list is never stored.

export const SCHOOL_LIST_COLUMNS = ['learner_ref', 'email', 'language', 'name'] as const;
type Column = (typeof SCHOOL_LIST_COLUMNS)[number];

export type SchoolListProblem = { line: number; column?: string; message: string };
export type SchoolList =
  | { ok: true; learners: SchoolLearner[]; columns: Column[] }
  | { ok: false; problems: SchoolListProblem[]; more: number };

const MAX_REPORTED = 50;
const RULES: Record<Column, (v: string) => string | undefined> = {
  learner_ref: learnerRefProblem,
  email: emailProblem,
  language: languageProblem,
  name: nameProblem,
};

/** `needEmail`: direct sending, so every row needs an address. */
export async function readSchoolList(
  chunks: AsyncIterable<string> | Iterable<string>,
  { needEmail = false } = {},
): Promise<SchoolList> {
  const problems: SchoolListProblem[] = [];
  let more = 0;
  const problem = (p: SchoolListProblem) => {
    if (problems.length < MAX_REPORTED) problems.push(p);
    else more++;
  };
  const learners: SchoolLearner[] = [];
  let header: Column[] | undefined;
  for await (const record of csvRecords(chunks)) {
    if (record.error !== undefined) {
      problem({ line: record.line, message: record.error });
      if (header === undefined) break;
      continue;
    }
    if (header === undefined) {
      header = checkedHeader(record.fields, problem, needEmail);
      if (header === undefined) break;
      continue;
    }
    if (record.fields.length !== header.length) {
      problem({
        line: record.line,
        message: `line ${record.line}: ${record.fields.length} fields where the header has ${header.length}: add the missing cells or quote a cell that holds a comma`,
      });
      continue;
    }
    const row: Partial<Record<Column, string>> = {};
    for (const [i, column] of header.entries()) {
      const value = (record.fields[i] ?? '').trim();
      const required = column === 'learner_ref' || (column === 'email' && needEmail);
      const why =
        value === ''
          ? required
            ? column === 'email'
              ? 'is empty: --send needs an address on every row'
              : 'is empty'
            : undefined
          : RULES[column](value);
      if (why) problem({ line: record.line, column, message: `line ${record.line}, column ${column}: ${why}` });
      else if (value !== '') row[column] = value;
    }
    if (row.learner_ref !== undefined)
      learners.push({
        learnerRef: row.learner_ref,
        ...(row.language === undefined ? {} : { language: row.language }),
        ...(row.email === undefined ? {} : { email: row.email }),
        ...(row.name === undefined ? {} : { name: row.name }),
      });
  }
  if (header === undefined && problems.length === 0)
    problem({
      line: 1,
      message: 'line 1: the file is empty: the first line is the header, naming at least learner_ref',
    });
  if (problems.length > 0 || header === undefined) return { ok: false, problems, more };
  return { ok: true, learners, columns: header };
}

function checkedHeader(
  fields: readonly string[],
  problem: (p: SchoolListProblem) => void,
  needEmail: boolean,
): Column[] | undefined {
  const columns = fields.map((f) => f.trim());
  let usable = true;
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) {
      usable = false;
      problem({ line: 1, column, message: `line 1: column ${JSON.stringify(column)} appears twice: keep one` });
    } else if (!(SCHOOL_LIST_COLUMNS as readonly string[]).includes(column)) {
      usable = false;
      problem({
        line: 1,
        column,
        message: `line 1: unknown column ${JSON.stringify(column.slice(0, 40))}: the columns are ${SCHOOL_LIST_COLUMNS.join(', ')}; remove or rename it (the collector takes no other contact details)`,
      });
    }
    seen.add(column);
  }
  if (!seen.has('learner_ref')) {
    usable = false;
    problem({ line: 1, column: 'learner_ref', message: 'line 1: no learner_ref column: name it in the header' });
  }
  if (needEmail && !seen.has('email')) {
    usable = false;
    problem({ line: 1, column: 'email', message: 'line 1: no email column: --send needs one address per learner' });
  }
  return usable ? (columns as Column[]) : undefined;
}
