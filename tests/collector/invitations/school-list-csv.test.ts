import { describe, expect, it } from 'vitest';
import { readSchoolList } from '../../../collector/invitations/school-list-csv.ts';

const read = (text: string, needEmail = false) => readSchoolList([text], { needEmail });

describe('readSchoolList', () => {
  it('reads learner_ref and the optional columns, in any order, leaving empty cells out', async () => {
    const list = await read('\uFEFFname,learner_ref,language,email\r\n"Ana, M.",L-1,fr,ana@mail.example\r\n,L-2,,\r\n');
    expect(list).toEqual({
      ok: true,
      columns: ['name', 'learner_ref', 'language', 'email'],
      learners: [
        { learnerRef: 'L-1', language: 'fr', email: 'ana@mail.example', name: 'Ana, M.' },
        { learnerRef: 'L-2' },
      ],
    });
  });

  it.each([
    ['', false, 1, undefined, 'the file is empty'],
    ['email\nana@mail.example\n', false, 1, 'learner_ref', 'no learner_ref column'],
    ['learner_ref,phone\nL-1,0600\n', false, 1, 'phone', 'unknown column "phone"'],
    ['learner_ref,learner_ref\nL-1,L-1\n', false, 1, 'learner_ref', 'appears twice'],
    ['learner_ref\nL-1\n\nL 2\n', false, 4, 'learner_ref', 'line 4, column learner_ref'],
    ['learner_ref,language\nL-1,fr\nL-2,fr_FR\n', false, 3, 'language', 'line 3, column language: expected a BCP 47'],
    ['learner_ref,email\nL-1,not-an-address\n', false, 2, 'email', 'line 2, column email: expected one e-mail'],
    ['learner_ref,language\nL-1,fr,extra\n', false, 2, undefined, '3 fields where the header has 2'],
    ['learner_ref\nL-1\n', true, 1, 'email', 'no email column: --send needs'],
    ['learner_ref,email\nL-1,\n', true, 2, 'email', 'line 2, column email: is empty: --send needs an address'],
    ['learner_ref,email\n,ana@mail.example\n', false, 2, 'learner_ref', 'line 2, column learner_ref: is empty'],
  ])('refuses %j (needEmail %s), naming line %i and column %s', async (text, needEmail, line, column, message) => {
    const list = await read(text, needEmail);
    expect(list.ok).toBe(false);
    if (list.ok) return;
    expect(list.problems[0]).toEqual({
      line,
      ...(column ? { column } : {}),
      message: expect.stringContaining(message),
    });
  });

  it('lists every bad line, up to 50, then counts the rest', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `L-${i},xx_YY`);
    const list = await read(['learner_ref,language', ...rows].join('\n'));
    expect(list).toMatchObject({ ok: false, more: 10 });
    if (!list.ok) expect(list.problems.map((p) => p.line).slice(0, 3)).toEqual([2, 3, 4]);
  });
});
