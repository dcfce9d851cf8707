import type { LocalizedText, Question, SurveyDefinition } from '../../protocol/index.ts';
import { FLAG_NAMES, type FlagName } from '../flags/flag.ts';
import type { FieldType, ValueLabel } from './column-types.ts';
import { type Harmonised, harmonisedFor } from './harmonised/harmonised-columns.ts';

export type { FieldType, ValueLabel };

/** One column of the export, and everything the codebook says about it. */
export type Column = {
  name: string;
  source:
    | { kind: 'meta' }
    | { kind: 'answer'; questionId: string; answerKey: string; questionKind: Question['kind'] }
    | { kind: 'option'; questionId: string; optionId: string }
    | { kind: 'harmonised'; harmonised: Harmonised }
    | { kind: 'flag'; flag: FlagName }
    | { kind: 'flag_rule'; flag: FlagName };
  type: FieldType;
  /** Short English label. */
  label: string;
  /** The question (and grid row) text in every language the survey has. */
  text?: LocalizedText;
  values?: ValueLabel[];
  /** Survey versions whose definition has this column's question (every version for the rest). */
  versions: number[];
  sensitive?: boolean;
};

const META: [string, FieldType, string][] = [
  ['id', 'string', 'Response id (UUID made on the learner’s device)'],
  ['survey_id', 'string', 'Survey id'],
  ['survey_version', 'integer', 'Survey version answered'],
  ['locale', 'string', 'Language the survey was shown in (BCP 47)'],
  ['country', 'string', 'Country (ISO 3166-1 alpha-2) given by the host platform'],
  ['submitted_at', 'datetime', 'When the learner submitted (device clock, UTC)'],
  ['received_at', 'datetime', 'When the collector received it (UTC)'],
  ['consent_sensitive', 'boolean', 'Learner consented to the optional sensitive questions'],
  ['consent_version', 'string', 'Version of the consent text shown'],
  [
    'consent_groups',
    'string',
    'Consent groups the learner agreed to separately (e.g. "ethnicity"), ";"-separated; empty for none',
  ],
];

/** The marker of issue 14: empty when no learnerRef came; "unverified" responses are counted for no learner. */
const LEARNER_REF_STATUS: Omit<Column, 'versions'> = {
  name: 'learner_ref_status',
  type: 'string',
  label: 'Whether the host signed the learner reference sent with the response (empty: none was sent)',
  source: { kind: 'meta' },
  values: [
    { code: 'verified', label: { en: 'Signed with the site key’s learnerSecret: attributed to the learner' } },
    { code: 'unchecked', label: { en: 'Site key without a learnerSecret: taken on trust, could be forged' } },
    {
      code: 'unverified',
      label: { en: 'Missing or wrong signature: the reference was dropped, the response belongs to no learner' },
    },
  ],
};

/** Whether the learner finished (issue 17): after learner_ref_status, before where the answers came from. */
const PROVENANCE: Omit<Column, 'versions'>[] = [
  {
    name: 'status',
    type: 'string',
    label: 'Whether the learner reached the end (docs/denominators.md: a partial is replaced by its completion)',
    source: { kind: 'meta' },
    values: [
      { code: 'complete', label: { en: 'Sent from the last screen' } },
      { code: 'partial', label: { en: 'The learner left before the end; the answers given so far' } },
    ],
  },
];

/**
 * Where the answers came from, the wire's `context`: [column, label], each a string. Named as the export's
 * course_id and path_id filters are (issue 19; issue 17 had them as context_*, see docs/contract-changes.md).
 */
const CONTEXT_COLUMNS: [string, string][] = [
  ['course_id', 'Course id given by the host platform (the widget’s courseId option)'],
  ['path_id', 'Learning path id given by the host platform (the widget’s pathId option)'],
  ['trigger', 'What showed the survey: "link" for a personal link (GET /s/:token), else the embed trigger'],
  ['wave', 'Wave answered: m0, m6, m12… (months after completion) or once; a link’s wave comes from its token'],
  ['cohort', 'Roster cohort of a personal link (from its token); empty for in-course prompts'],
];

/**
 * Flags get a prefix because question ids are free to be "refugee" or "disability" too:
 * without it the answer and the flag would fight for one column name.
 */
export const flagColumn = (flag: FlagName) => `flag_${flag}`;

type Merged = {
  question: Question;
  versions: number[];
  options: Map<string, LocalizedText>;
  rows: Map<string, LocalizedText>;
};

/**
 * Columns for every version of one survey. Questions come in order of first appearance
 * (oldest version first, bank order within it) so a new version only ever appends columns.
 */
export function exportColumns(versions: readonly SurveyDefinition[]): Column[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const all = sorted.map((d) => d.version);
  const merged = new Map<string, Merged>();
  for (const def of sorted) {
    for (const q of def.questions) {
      const m: Merged = merged.get(q.id) ?? { question: q, versions: [], options: new Map(), rows: new Map() };
      m.question = q; // the latest wording labels the column
      m.versions.push(def.version);
      for (const o of q.options ?? []) m.options.set(o.id, o.label);
      for (const r of q.rows ?? []) m.rows.set(r.id, r.text);
      merged.set(q.id, m);
    }
  }
  const columns: Column[] = META.map(([name, type, label]) => ({
    name,
    type,
    label,
    source: { kind: 'meta' },
    versions: all,
  }));
  columns.push({ ...LEARNER_REF_STATUS, versions: all });
  for (const column of PROVENANCE) columns.push({ ...column, versions: all });
  for (const [name, label] of CONTEXT_COLUMNS)
    columns.push({ name, type: 'string', label, source: { kind: 'meta' }, versions: all });
  const latest = sorted[sorted.length - 1];
  for (const m of merged.values()) columns.push(...questionColumns(m, askedIn(latest, m.question.id)));
  for (const h of harmonisedFor(new Set(merged.keys())))
    columns.push({
      name: h.name,
      type: h.type,
      label: h.label,
      values: h.values,
      sensitive: h.sensitive,
      source: { kind: 'harmonised', harmonised: h },
      versions: sorted.filter((d) => d.questions.some((q) => h.reads.includes(q.id))).map((d) => d.version),
    });
  for (const flag of FLAG_NAMES) {
    const name = flagColumn(flag);
    columns.push({
      name,
      type: 'boolean',
      label: `Derived flag: ${flag}`,
      source: { kind: 'flag', flag },
      versions: all,
    });
    columns.push({
      name: `${name}__rule`,
      type: 'string',
      label: `Rule that set ${flag}`,
      source: { kind: 'flag_rule', flag },
      versions: all,
    });
  }
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.name))
      throw new Error(
        `survey "${sorted[0]?.id}": two export columns are named "${c.name}"; rename a question or option id`,
      );
    seen.add(c.name);
  }
  return columns;
}

/**
 * " (asked in FR)" for a question only some country packs ask, so country variants worded alike (diploma_fr,
 * diploma_gb…) get distinct labels; nothing for a question every pack (or a survey without packs) asks.
 */
function askedIn(def: SurveyDefinition | undefined, questionId: string): string {
  const packs = Object.entries(def?.packs ?? {});
  const asking = packs.filter(([, p]) => p.questions.includes(questionId)).map(([name]) => name);
  if (asking.length === 0 || asking.length === packs.length) return '';
  const names = asking.map((n) => (n === 'default' ? 'countries without a pack of their own' : n));
  return ` (asked in ${names.join(', ')})`;
}

function questionColumns({ question: q, versions, options, rows }: Merged, where: string): Column[] {
  const values = [...options].map(([code, label]) => ({ code, label }));
  const common = { versions, sensitive: q.sensitive };
  const label = `${q.text.en}${where}`;
  const answer = (answerKey: string) => ({
    kind: 'answer' as const,
    questionId: q.id,
    answerKey,
    questionKind: q.kind,
  });
  switch (q.kind) {
    case 'multiple_choice':
      return values.map((v) => ({
        ...common,
        name: `${q.id}__${v.code}`,
        type: 'integer' as const,
        label: `${q.text.en}${where}: ${v.label.en}`,
        text: q.text,
        values: [
          { code: '0', label: { en: 'Not chosen' } },
          { code: '1', label: { en: 'Chosen' } },
        ],
        source: { kind: 'option' as const, questionId: q.id, optionId: v.code },
      }));
    case 'grid':
      return [...rows].map(([rowId, rowText]) => ({
        ...common,
        name: rowId,
        type: 'string' as const,
        label: `${q.text.en}${where}: ${rowText.en}`,
        text: Object.fromEntries(
          Object.entries(rowText).map(([lang, t]) => [lang, `${q.text[lang] ?? q.text.en} ${t}`]),
        ),
        values,
        source: answer(rowId),
      }));
    case 'number':
      return [{ ...common, name: q.id, type: 'number', label, text: q.text, source: answer(q.id) }];
    case 'single_choice':
    case 'scale':
      return [{ ...common, name: q.id, type: 'string', label, text: q.text, values, source: answer(q.id) }];
    default:
      return [{ ...common, name: q.id, type: 'string', label, text: q.text, source: answer(q.id) }];
  }
}
