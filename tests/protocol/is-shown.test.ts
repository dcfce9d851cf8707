import { describe, expect, it } from 'vitest';
import { type Condition, isShown } from '../../protocol/index.ts';

describe('isShown', () => {
  it.each<[string, Condition[] | undefined, Record<string, string | string[]>, boolean]>([
    ['no condition', undefined, {}, true],
    ['"in" matching a single answer', [{ question: 'ilo_worked', in: ['no'] }], { ilo_worked: 'no' }, true],
    ['"in" not matching', [{ question: 'ilo_worked', in: ['no'] }], { ilo_worked: 'yes' }, false],
    ['"in" on an unanswered question', [{ question: 'ilo_worked', in: ['no'] }], {}, false],
    [
      '"in" matching one of several chosen',
      [{ question: 'changes', in: ['pay_rise'] }],
      { changes: ['new_job', 'pay_rise'] },
      true,
    ],
    ['"notIn" with "None of these" chosen', [{ question: 'changes', notIn: ['none'] }], { changes: ['none'] }, false],
    ['"notIn" on an unanswered question', [{ question: 'changes', notIn: ['none'] }], {}, true],
    ['answered + notIn, unanswered', [{ question: 'changes', answered: true, notIn: ['none'] }], {}, false],
    [
      'answered + notIn, a change chosen',
      [{ question: 'changes', answered: true, notIn: ['none'] }],
      { changes: ['new_job'] },
      true,
    ],
    ['answered: false, answered', [{ question: 'x', answered: false }], { x: 'a' }, false],
    [
      'two conditions, both hold',
      [
        { question: 'ilo_worked', in: ['no'] },
        { question: 'ilo_searched', in: ['yes'] },
      ],
      { ilo_worked: 'no', ilo_searched: 'yes' },
      true,
    ],
    [
      'two conditions, the first no longer holds',
      [
        { question: 'ilo_worked', in: ['no'] },
        { question: 'ilo_searched', in: ['yes'] },
      ],
      { ilo_worked: 'yes', ilo_searched: 'yes' },
      false,
    ],
  ])('%s → %s', (_name, showIf, answers, shown) => {
    expect(isShown({ showIf }, answers)).toBe(shown);
  });
});
