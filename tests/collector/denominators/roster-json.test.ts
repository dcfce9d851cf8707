import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../collector/denominators/roster-csv.ts';
import { parseRosterJson } from '../../../collector/denominators/roster-json.ts';

describe('parseRosterJson', () => {
  it('reads the same members as the CSV with the same cells', async () => {
    const json = parseRosterJson({
      members: [
        {
          learner_ref: 'ana@school.example',
          completed_at: '2026-01-31',
          country: 'FR',
          attr_funding: 'public_jobseeker',
        },
        { learner_ref: 'learner-7', course_id: '', attr_apprentice: 'true' },
      ],
    });
    const csv = await parseRosterCsv([
      'learner_ref,completed_at,country,course_id,attr_funding,attr_apprentice\n',
      'ana@school.example,2026-01-31,FR,,public_jobseeker,\n',
      'learner-7,,,,,true\n',
    ]);
    expect(json).toEqual(csv);
    expect(json.ok).toBe(true);
  });

  it.each([
    [true, 'true'],
    [false, 'false'],
    [3, '3'],
    [0.5, '0.5'],
  ])('takes an attr_ value of %j as the text %j', (value, text) => {
    expect(parseRosterJson({ members: [{ learner_ref: 'a', attr_x: value }] })).toEqual({
      ok: true,
      members: [{ learnerRef: 'a', fields: { attr_x: text } }],
      count: 1,
    });
  });

  it.each([
    ['a list instead of an object', [], undefined, undefined, 'unreadable', '(root): expected { "members": [ … ] }'],
    ['members that are not a list', { members: {} }, undefined, undefined, 'unreadable', '(root)'],
    ['an extra top-level key', { members: [], cohort: 'x' }, undefined, undefined, 'unreadable', 'found key "cohort"'],
    [
      'a member that is not an object',
      { members: ['a'] },
      0,
      undefined,
      'unreadable',
      'members[0]: expected an object',
    ],
    [
      'an unknown key',
      { members: [{ learner_ref: 'a', email: 'a@x' }] },
      0,
      'email',
      'unknown_column',
      'members[0]: unknown column "email"',
    ],
    [
      'a number where a date goes',
      { members: [{ learner_ref: 'a', completed_at: 20260131 }] },
      0,
      'completed_at',
      'invalid_value',
      'members[0].completed_at: expected a string',
    ],
    [
      'a null attr',
      { members: [{ learner_ref: 'a', attr_x: null }] },
      0,
      'attr_x',
      'invalid_value',
      'expected a string, number or boolean',
    ],
    [
      'a member without learner_ref',
      { members: [{ country: 'FR' }] },
      0,
      'learner_ref',
      'invalid_value',
      'members[0], column learner_ref: missing',
    ],
    [
      'a bad country',
      { members: [{ learner_ref: 'a', country: 'fr' }] },
      0,
      'country',
      'invalid_value',
      'members[0], column country',
    ],
    [
      'a learner twice',
      { members: [{ learner_ref: 'a' }, { learner_ref: 'a' }] },
      1,
      'learner_ref',
      'duplicate_learner',
      'the same learner as members[0]',
    ],
    ['no members', { members: [] }, 0, undefined, 'empty_roster', 'the roster has no members'],
  ])('refuses %s, naming the member and key', (_name, body, member, column, code, message) => {
    const result = parseRosterJson(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code,
      ...(member === undefined ? {} : { member }),
      ...(column ? { column } : {}),
    });
    expect(result.problems[0].message).toContain(message);
  });
});
