import { describe, expect, it } from 'vitest';
import { cohortsText, importText, problemsText } from '../../../collector/denominators/cohort-text.ts';

describe('importText', () => {
  it.each([
    [
      { cohort: 'c1', members: 120, added: 3, removed: 1, changed: 2, unchanged: 115 },
      'cohort c1: 120 members (3 added, 1 removed, 2 changed, 115 unchanged)\n',
    ],
    [
      { cohort: 'c1', members: 1, added: 1, removed: 0, changed: 0, unchanged: 0 },
      'cohort c1: 1 member (1 added, 0 removed, 0 changed, 0 unchanged)\n',
    ],
    [
      { cohort: 'c1', members: 120, added: 0, removed: 0, changed: 0, unchanged: 120 },
      'cohort c1: 120 members, nothing changed (this roster was already imported)\n',
    ],
  ])('says what an import changed: %j', (summary, text) => {
    expect(importText(summary)).toBe(text);
  });
});

describe('problemsText', () => {
  const problem = (line: number) => ({
    code: 'invalid_value' as const,
    line,
    column: 'country',
    message: `line ${line}, column country: expected an ISO 3166-1 alpha-2 country code`,
  });

  it('lists each problem on its line and ends saying nothing was imported', () => {
    expect(problemsText('c1', [problem(3), problem(7)], 0)).toBe(
      [
        'roster for cohort c1 refused: 2 problems',
        '  line 3, column country: expected an ISO 3166-1 alpha-2 country code',
        '  line 7, column country: expected an ISO 3166-1 alpha-2 country code',
        'nothing was imported (a roster is imported whole or not at all)',
        '',
      ].join('\n'),
    );
  });

  it('counts the problems past the ones listed', () => {
    const text = problemsText('c1', [problem(2)], 12);
    expect(text).toContain('refused: 13 problems');
    expect(text).toContain('… and 12 more problems');
  });
});

describe('cohortsText', () => {
  it('prints one aligned row per cohort with its member count', () => {
    const at = '2026-03-01T09:00:00.000Z';
    expect(
      cohortsText([
        { id: '2026-01-web', members: 1200, createdAt: at, updatedAt: at, imports: 2 },
        { id: 'c2', members: 7, createdAt: at, updatedAt: at, imports: 1 },
      ]),
    ).toBe(
      [
        'cohort       members  imports  updated',
        '2026-01-web     1200        2  2026-03-01T09:00:00.000Z',
        'c2                 7        1  2026-03-01T09:00:00.000Z',
        '',
      ].join('\n'),
    );
  });

  it('says how to import one when there is none', () => {
    expect(cohortsText([])).toMatch(/^no cohorts yet: import one with npm run cohort -- import/);
  });
});
