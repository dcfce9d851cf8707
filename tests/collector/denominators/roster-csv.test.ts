import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_PROBLEMS, type RosterResult } from '../../../collector/denominators/roster-builder.ts';
import { parseRosterCsv } from '../../../collector/denominators/roster-csv.ts';

const members = (r: RosterResult) => (r.ok ? r.members : expect.fail(JSON.stringify(r.problems)));
const problems = (r: RosterResult) => (r.ok ? expect.fail('expected problems') : r.problems);

describe('parseRosterCsv reads', () => {
  it('a roster with every column, leaving empty cells out', async () => {
    const csv = [
      'learner_ref,enrolled_at,completed_at,country,course_id,path_id,attr_funding,attr_apprentice',
      'ana@school.example,2025-09-01,2026-01-31,FR,c-101,web-dev,public_jobseeker,true',
      'learner-7,,2026-01-15,,,,,false',
    ].join('\n');
    expect(members(await parseRosterCsv([csv]))).toEqual([
      {
        learnerRef: 'ana@school.example',
        fields: {
          enrolled_at: '2025-09-01',
          completed_at: '2026-01-31',
          country: 'FR',
          course_id: 'c-101',
          path_id: 'web-dev',
          attr_funding: 'public_jobseeker',
          attr_apprentice: 'true',
        },
      },
      { learnerRef: 'learner-7', fields: { completed_at: '2026-01-15', attr_apprentice: 'false' } },
    ]);
  });

  it.each([
    ['a byte order mark', '\uFEFFlearner_ref,country\r\na,FR\r\n'],
    ['CRLF line ends', 'learner_ref,country\r\na,FR\r\n'],
    ['LF line ends without a final one', 'learner_ref,country\na,FR'],
    ['blank lines', 'learner_ref,country\n\na,FR\n\n'],
    ['quoted cells', '"learner_ref","country"\n"a","FR"\n'],
  ])('%s', async (_name, csv) => {
    expect(members(await parseRosterCsv([csv]))).toEqual([{ learnerRef: 'a', fields: { country: 'FR' } }]);
  });

  it('quoted cells holding commas and doubled quotes', async () => {
    const csv = 'learner_ref,attr_note\na,"x, ""y"" z"\n';
    expect(members(await parseRosterCsv([csv]))).toEqual([{ learnerRef: 'a', fields: { attr_note: 'x, "y" z' } }]);
  });

  it('the same roster whatever the chunks it arrives in, even one character at a time', async () => {
    const csv = '\uFEFFlearner_ref,attr_note\r\na,"1,2"\r\nb,"say ""hi"""\r\nc,3';
    const whole = await parseRosterCsv([csv]);
    expect(members(whole)).toHaveLength(3);
    expect(await parseRosterCsv([...csv])).toEqual(whole);
    expect(await parseRosterCsv([csv.slice(0, 28), csv.slice(28)])).toEqual(whole);
  });

  it('a roster of 200,000 members streamed in chunks, each handed to the sink instead of held', async () => {
    async function* chunks() {
      yield 'learner_ref,completed_at,country,attr_funding\r\n';
      for (let start = 0; start < 200_000; start += 1000) {
        let text = '';
        for (let i = start; i < start + 1000; i++) text += `learner-${i},2026-01-31,FR,public_jobseeker\r\n`;
        yield text;
      }
    }
    let count = 0;
    let last = '';
    const result = await parseRosterCsv(chunks(), (m) => {
      count++;
      last = m.learnerRef;
    });
    expect(result).toEqual({ ok: true, members: [], count: 200_000 });
    expect([count, last]).toEqual([200_000, 'learner-199999']);
  });

  it('hands the sink no member once a problem is found, and answers only the problems', async () => {
    const seen: string[] = [];
    const result = await parseRosterCsv(['learner_ref,country\na,FR\nb,France\nc,DE\n'], (m) =>
      seen.push(m.learnerRef),
    );
    expect(seen).toEqual(['a']);
    expect(result).toMatchObject({ ok: false, problems: [{ line: 3, column: 'country' }] });
  });
});

describe('parseRosterCsv refuses', () => {
  it.each([
    [
      'a missing learner_ref',
      'learner_ref,country\n,FR',
      2,
      'learner_ref',
      'invalid_value',
      'line 2, column learner_ref: missing',
    ],
    [
      'a learner_ref with a space',
      'learner_ref\nana maria',
      2,
      'learner_ref',
      'invalid_value',
      'line 2, column learner_ref: expected a learnerRef',
    ],
    [
      'a day-first date',
      'learner_ref,completed_at\na,31/01/2026',
      2,
      'completed_at',
      'invalid_value',
      'expected an ISO date YYYY-MM-DD such as "2026-01-31", found "31/01/2026"',
    ],
    [
      'a date that does not exist',
      'learner_ref,enrolled_at\na,2026-02-30',
      2,
      'enrolled_at',
      'invalid_value',
      'found "2026-02-30"',
    ],
    [
      'a month that does not exist',
      'learner_ref,enrolled_at\na,2026-13-01',
      2,
      'enrolled_at',
      'invalid_value',
      'found "2026-13-01"',
    ],
    [
      'completion before enrolment',
      'learner_ref,enrolled_at,completed_at\na,2026-02-01,2026-01-31',
      2,
      'completed_at',
      'invalid_value',
      'is before enrolled_at',
    ],
    ['a country name', 'learner_ref,country\na,France', 2, 'country', 'invalid_value', 'ISO 3166-1 alpha-2'],
    ['a lower-case country', 'learner_ref,country\na,fr', 2, 'country', 'invalid_value', 'found "fr"'],
    [
      'a course id with a control character',
      'learner_ref,course_id\na,c\u00071',
      2,
      'course_id',
      'invalid_value',
      'line 2, column course_id: expected text without control characters',
    ],
    [
      'an overlong path id',
      `learner_ref,path_id\na,${'p'.repeat(129)}`,
      2,
      'path_id',
      'invalid_value',
      'expected at most 128 characters, found 129: shorten it',
    ],
    [
      'a line break inside a cell',
      'learner_ref,attr_note\na,"x\ny"',
      2,
      'attr_note',
      'invalid_value',
      'found U+000A at character 2: remove it',
    ],
    [
      'an unknown column',
      'learner_ref,email\na,a@x',
      1,
      'email',
      'unknown_column',
      'line 1: unknown column "email": the columns are learner_ref',
    ],
    ['a badly named attr column', 'learner_ref,attr_Funding\na,x', 1, 'attr_Funding', 'unknown_column', 'attr_<name>'],
    [
      'a column given twice',
      'learner_ref,country,country\na,FR,FR',
      1,
      'country',
      'duplicate_column',
      'column "country" appears twice',
    ],
    ['a header without learner_ref', 'country\nFR', 1, 'learner_ref', 'missing_column', 'no learner_ref column'],
    ['an empty file', '', 1, undefined, 'missing_column', 'line 1: the file is empty'],
    ['a header alone', 'learner_ref,country\n', 2, undefined, 'empty_roster', 'the roster has no members'],
    [
      'a row with a missing cell',
      'learner_ref,country,course_id\na,FR',
      2,
      undefined,
      'field_count',
      'line 2: 2 fields where the header has 3',
    ],
    ['a row with an extra cell', 'learner_ref\na,FR', 2, undefined, 'field_count', '2 fields where the header has 1'],
    [
      'a quote inside an unquoted cell',
      'learner_ref,attr_note\na,say "hi"',
      2,
      undefined,
      'unreadable',
      'line 2: a quote inside an unquoted field',
    ],
    [
      'text after a closing quote',
      'learner_ref,attr_note\na,"x"y',
      2,
      undefined,
      'unreadable',
      'text after a closing quote',
    ],
    [
      'a quote never closed',
      'learner_ref,attr_note\na,"x\nb,y',
      2,
      undefined,
      'unreadable',
      'line 2: a quoted field is never closed',
    ],
  ])('%s, naming the line and column', async (_name, csv, line, column, code, message) => {
    const [p, ...rest] = problems(await parseRosterCsv([csv]));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line, code, ...(column ? { column } : {}) });
    expect(p.message).toContain(message);
  });

  it('a learner listed twice, pointing at the first', async () => {
    const p = problems(await parseRosterCsv(['learner_ref\na\nb\na\n']));
    expect(p).toEqual([
      expect.objectContaining({
        code: 'duplicate_learner',
        line: 4,
        message: expect.stringContaining('the same learner as line 2'),
      }),
    ]);
  });

  it('does not echo a refused learner_ref into its message', async () => {
    const [p] = problems(await parseRosterCsv(['learner_ref\nana maria\n']));
    expect(p.message).not.toContain('ana maria');
  });

  it('counts lines inside quoted cells, so a later problem names the line an editor shows', async () => {
    const found = problems(await parseRosterCsv(['learner_ref,attr_note\na,"one\ntwo\nthree"\nb,x\nc,"y"z\n']));
    expect(found.map((p) => [p.line, p.code])).toEqual([
      [2, 'invalid_value'],
      [6, 'unreadable'],
    ]);
  });

  it('every problem of the file, and none of its members', async () => {
    const csv =
      'learner_ref,country,completed_at\ngood,FR,2026-01-31\nbad,France,2026-01-31\nworse,fr,yesterday\nfine,DE,\n';
    const result = await parseRosterCsv([csv]);
    expect(result).toEqual({
      ok: false,
      more: 0,
      problems: [
        expect.objectContaining({ line: 3, column: 'country' }),
        expect.objectContaining({ line: 4, column: 'country' }),
        expect.objectContaining({ line: 4, column: 'completed_at' }),
      ],
    });
  });

  it(`at most ${MAX_REPORTED_PROBLEMS} problems, with a count of the rest`, async () => {
    const rows = Array.from({ length: 80 }, (_, i) => `learner-${i},France`);
    const result = await parseRosterCsv([['learner_ref,country', ...rows].join('\n')]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(result.problems[0].line).toBe(2);
    expect(result.more).toBe(30);
  });
});
