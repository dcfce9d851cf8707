import { describe, expect, it } from 'vitest';
import { aaporRates } from '../../../collector/denominators/aapor-rates.ts';
import { type DispositionRule, disposition, type MemberWave } from '../../../collector/denominators/disposition.ts';
import { DISPOSITION_COLUMNS } from '../../../collector/denominators/disposition-rows.ts';
import { ratesCodebook } from '../../../collector/denominators/rates-codebook.ts';
import { buildCodebook } from '../../../collector/export/codebook.ts';
import { codebookMarkdown } from '../../../collector/export/codebook-markdown.ts';
import { PUBLISHED_RATE_NAMES } from '../../../protocol/index.ts';
import { TEST_SURVEYS } from '../../support/generate-responses.ts';

const at = '2026-02-10T09:00:00.000Z';
const none: MemberWave = { due: true, events: [], optedOut: false };

/** For each rule, a member for whom that rule holds and no earlier one does. */
const SAMPLES: Record<DispositionRule, MemberWave> = {
  complete: { ...none, response: { status: 'complete', answered: 6, asked: 6 } },
  partial: { ...none, response: { status: 'partial', answered: 3, asked: 6 } },
  not_due: { ...none, due: false },
  due_unknown: { ...none, due: null },
  opted_out: { ...none, optedOut: true },
  dismissed_never: { ...none, events: [{ kind: 'dismissed', reason: 'never', at }] },
  // After every later rule's events: a refusal by the mail server outranks only what came before it.
  undeliverable: { ...none, events: [{ kind: 'undeliverable', at: '2026-02-11T09:00:00.000Z' }] },
  completed_without_response: { ...none, events: [{ kind: 'completed', at }] },
  break_off: { ...none, events: [{ kind: 'started', at }] },
  shown_not_started: { ...none, events: [{ kind: 'shown', at }] },
  never_shown: none,
};

const book = ratesCodebook();

describe('ratesCodebook', () => {
  it('says the rates use e = 1 with a roster, and why', () => {
    expect(book.eligibility.e).toBe(1);
    expect(book.eligibility.why).toContain('roster');
    // The e the codebook names is the one the rates are computed with: RR3 = RR1 when 3.90 members exist.
    const counts = { '1.1': 4, '1.2': 1, '2.11': 3, '2.20': 2, '3.90': 2 };
    expect(aaporRates(counts, book.eligibility.e).RR3).toBe(aaporRates(counts).RR3);
  });

  it('lists every disposition rule once, numbered in order', () => {
    expect(book.dispositions.map((d) => d.rule).sort()).toEqual(Object.keys(SAMPLES).sort());
    expect(book.dispositions.map((d) => d.order)).toEqual(book.dispositions.map((_, i) => i + 1));
  });

  it.each(ratesCodebook().dispositions.map((d) => [d.order, d.rule, d.code] as const))(
    'rule %i, %s, gives %s as disposition() does, ahead of every later rule',
    (order, rule, code) => {
      const later = book.dispositions.slice(order).map((d) => SAMPLES[d.rule]);
      const member: MemberWave = {
        ...SAMPLES[rule],
        events: [...SAMPLES[rule].events, ...later.flatMap((m) => m.events)],
        optedOut:
          SAMPLES[rule].optedOut || (rule !== 'not_due' && rule !== 'due_unknown' && later.some((m) => m.optedOut)),
      };
      expect(disposition(SAMPLES[rule])).toMatchObject({ code, rule });
      expect(disposition(member)).toMatchObject({ code, rule });
    },
  );

  it('gives a formula for every published rate and a description for every column of the dispositions file', () => {
    expect(book.rates.map((r) => r.name)).toEqual([...PUBLISHED_RATE_NAMES]);
    expect(book.columns.map((c) => c.name)).toEqual([...DISPOSITION_COLUMNS]);
    for (const c of book.columns) expect(c.description.length).toBeGreaterThan(10);
  });

  it('rides in every survey codebook, JSON and Markdown', () => {
    const survey = buildCodebook(TEST_SURVEYS);
    expect(survey.responseRates).toEqual(book);
    const md = codebookMarkdown(survey);
    expect(md).toContain('## Response rates and dispositions');
    expect(md).toContain('| 6 | `dismissed_never` | `2.11` |');
    expect(md).toContain('e = 1: ');
    expect(md).toContain('| `contact_attempts` |');
  });
});
