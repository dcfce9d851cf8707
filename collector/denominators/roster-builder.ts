import { valueProblem } from './roster-columns.ts';

/**
 * One member as the school gave it: the raw learner_ref (the caller hashes it before anything is stored) and
 * the other columns by name, e.g. { completed_at: "2026-01-31", attr_funding: "public_jobseeker" }; an empty
 * cell is absent.
 */
export type RosterMember = { learnerRef: string; fields: Readonly<Record<string, string>> };

export type RosterProblemCode =
  | 'unreadable'
  | 'missing_column'
  | 'unknown_column'
  | 'duplicate_column'
  | 'field_count'
  | 'invalid_value'
  | 'duplicate_learner'
  | 'empty_roster';

/** `line` for CSV (the header is line 1), `member` (0-based index) for JSON; `message` says where, what and how to fix. */
export type RosterProblem = {
  code: RosterProblemCode;
  line?: number;
  member?: number;
  column?: string;
  message: string;
};

/** All or nothing: a roster with any problem stores no member, so a half-imported roster never skews a rate. */
export type RosterResult =
  | { ok: true; members: RosterMember[]; count: number }
  | { ok: false; problems: RosterProblem[]; more: number };

export const MAX_REPORTED_PROBLEMS = 50;

export type Where = { line: number } | { member: number };
const describe = (where: Where) => ('line' in where ? `line ${where.line}` : `members[${where.member}]`);

/**
 * Where valid members go instead of the result, so a million-row roster is not held in memory: the caller writes
 * them to a staging area (e.g. inside an open transaction) and discards it unless the result is ok, which keeps
 * the import all or nothing. Called only while no problem has been found.
 */
export type RosterSink = (member: RosterMember) => void;

/** Collects members and problems from CSV rows or JSON members, and answers all or nothing. */
export class RosterBuilder {
  private readonly members: RosterMember[] = [];
  private count = 0;
  private readonly problems: RosterProblem[] = [];
  private more = 0;
  /** ref → the line (CSV) or index (JSON) it first appeared at; a number, so a million refs stay small. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly sink?: RosterSink) {}

  problem(p: RosterProblem): void {
    if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push(p);
    else this.more++;
  }

  /** One member given as column → cell; the columns are already known to be allowed. */
  add(where: Where, cells: ReadonlyMap<string, string>): void {
    const fields: Record<string, string> = {};
    let valid = true;
    const learnerRef = cells.get('learner_ref') ?? '';
    if (learnerRef === '') {
      valid = false;
      this.problem({
        code: 'invalid_value',
        ...where,
        column: 'learner_ref',
        message: `${describe(where)}, column learner_ref: missing: every member needs the learner's id (the same learnerRef the widget is given)`,
      });
    }
    for (const [column, value] of cells) {
      if (value === '') continue;
      const why = valueProblem(column, value);
      if (why) {
        valid = false;
        this.problem({
          code: 'invalid_value',
          ...where,
          column,
          message: `${describe(where)}, column ${column}: ${why}`,
        });
      } else if (column !== 'learner_ref') fields[column] = value;
    }
    if (fields.enrolled_at && fields.completed_at && fields.enrolled_at > fields.completed_at) {
      valid = false;
      this.problem({
        code: 'invalid_value',
        ...where,
        column: 'completed_at',
        message: `${describe(where)}, column completed_at: ${fields.completed_at} is before enrolled_at ${fields.enrolled_at}: check both dates`,
      });
    }
    if (learnerRef === '') return;
    const first = this.seen.get(learnerRef);
    if (first !== undefined) {
      this.problem({
        code: 'duplicate_learner',
        ...where,
        column: 'learner_ref',
        message: `${describe(where)}, column learner_ref: the same learner as ${describe('line' in where ? { line: first } : { member: first })}: list each learner once per cohort (remove or merge one of them)`,
      });
      return;
    }
    this.seen.set(learnerRef, 'line' in where ? where.line : where.member);
    if (!valid || this.problems.length > 0) return;
    this.count++;
    if (this.sink) this.sink({ learnerRef, fields });
    else this.members.push({ learnerRef, fields });
  }

  result(emptyWhere: Where): RosterResult {
    if (this.problems.length === 0 && this.count === 0)
      this.problem({
        code: 'empty_roster',
        ...emptyWhere,
        message: `${describe(emptyWhere)}: the roster has no members: add one member per learner after the header (an empty import would remove everyone)`,
      });
    if (this.problems.length > 0) return { ok: false, problems: this.problems, more: this.more };
    return { ok: true, members: this.members, count: this.count };
  }
}
