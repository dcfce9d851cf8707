import { describe, expect, it } from 'vitest';
import { type MemberFields, rosterDiff } from '../../../collector/denominators/roster-diff.ts';

const at = new Date('2026-02-01T09:00:00Z');
const roster = (entries: Record<string, MemberFields>) => new Map(Object.entries(entries));

const stored = roster({
  h1: { completed_at: '2026-01-31', country: 'FR' },
  h2: { completed_at: '2026-01-15', attr_funding: 'public_jobseeker' },
});

describe('rosterDiff', () => {
  it.each([
    ['the same roster', stored],
    ['the same roster listed in another order', new Map([...stored].reverse())],
    [
      'the same fields in another key order',
      roster({ h1: { country: 'FR', completed_at: '2026-01-31' }, h2: stored.get('h2') ?? {} }),
    ],
  ])('changes nothing for %s', (_name, incoming) => {
    expect(rosterDiff('2026-01', stored, incoming, at)).toBeNull();
  });

  it.each([
    [
      'a new member',
      roster({ ...Object.fromEntries(stored), h3: { country: 'DE' } }),
      { added: [{ ref: 'h3', fields: { country: 'DE' } }], removed: [], changed: [], unchanged: 2 },
    ],
    [
      'a member left out',
      roster({ h1: stored.get('h1') ?? {} }),
      { added: [], removed: [{ ref: 'h2', fields: stored.get('h2') }], changed: [], unchanged: 1 },
    ],
    [
      'a changed date',
      roster({ ...Object.fromEntries(stored), h1: { completed_at: '2026-02-28', country: 'FR' } }),
      {
        added: [],
        removed: [],
        changed: [{ ref: 'h1', changes: [{ column: 'completed_at', from: '2026-01-31', to: '2026-02-28' }] }],
        unchanged: 1,
      },
    ],
    [
      'a column gained and one lost',
      roster({ ...Object.fromEntries(stored), h2: { completed_at: '2026-01-15', attr_apprentice: 'true' } }),
      {
        added: [],
        removed: [],
        changed: [
          {
            ref: 'h2',
            changes: [
              { column: 'attr_apprentice', from: null, to: 'true' },
              { column: 'attr_funding', from: 'public_jobseeker', to: null },
            ],
          },
        ],
        unchanged: 1,
      },
    ],
    [
      'an empty import (every member removed)',
      roster({}),
      {
        added: [],
        removed: [
          { ref: 'h1', fields: stored.get('h1') },
          { ref: 'h2', fields: stored.get('h2') },
        ],
        changed: [],
        unchanged: 0,
      },
    ],
  ])('records %s, dated', (_name, incoming, expected) => {
    expect(rosterDiff('2026-01', stored, incoming, at)).toEqual({
      cohort: '2026-01',
      at: '2026-02-01T09:00:00.000Z',
      ...expected,
    });
  });

  it('adds everyone to a cohort that had no members', () => {
    const change = rosterDiff('2026-01', new Map(), stored, at);
    expect(change?.added.map((a) => a.ref)).toEqual(['h1', 'h2']);
  });

  it('lists members by ref, whatever order the import gave', () => {
    const incoming = roster({ z: {}, a: {}, m: {} });
    expect(rosterDiff('c', new Map(), incoming, at)?.added.map((a) => a.ref)).toEqual(['a', 'm', 'z']);
  });
});
