import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reviewedTables } from './review-hashes.ts';

// surveys/REVIEW.md records, per table, the fingerprint of the strings the reader's pass saw as
// `<!-- reviewed TABLE sha:HEX -->`. A changed string changes the fingerprint.
const review = readFileSync('surveys/REVIEW.md', 'utf8');

describe('surveys/REVIEW.md', () => {
  it.each(Object.entries(reviewedTables()))('records the reader’s pass over the current %s', (table, sha) => {
    const recorded = review.match(
      new RegExp(`<!-- reviewed ${table.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} sha:([0-9a-f]+) -->`),
    )?.[1];
    expect(
      recorded,
      `surveys/REVIEW.md: the strings of ${table} changed since the reader's pass (recorded ${recorded ?? 'nothing'}, now ${sha}). Read the changed strings, record the pass in REVIEW.md, then set its line to <!-- reviewed ${table} sha:${sha} -->`,
    ).toBe(sha);
  });
});
