import { describe, expect, it } from 'vitest';
import type { ResolvedQuestion } from '../../../../protocol/index.ts';
import { createTranslator } from '../../../../widget/i18n/index.ts';
import { formatAnswer } from '../../../../widget/ui/rest/format-answer.ts';

const grid = (rowText: string): ResolvedQuestion =>
  ({
    id: 'wg',
    kind: 'grid',
    text: 'Difficulty',
    rows: [{ id: 'wg_seeing', text: rowText }],
    options: [{ id: 'some', label: 'Some difficulty' }],
  }) as ResolvedQuestion;

describe('formatAnswer for a grid row', () => {
  it.each([
    [
      'Do you have difficulty seeing, even if wearing glasses?',
      'Do you have difficulty seeing, even if wearing glasses',
    ],
    ['Avez-vous des difficultés à voir\u202f?', 'Avez-vous des difficultés à voir'],
    ['هل تجد صعوبة في الرؤية؟', 'هل تجد صعوبة في الرؤية'],
    ['眼鏡を使用しても、見えにくいですか？', '眼鏡を使用しても、見えにくいですか'],
    ['Seeing.', 'Seeing'],
    ['Seeing', 'Seeing'],
  ])('joins %j and its answer with one separator, no "?:"', (row, expected) => {
    const text = formatAnswer(grid(row), { wg_seeing: 'some' }, createTranslator('en'));
    expect(text).toBe(`${expected}: Some difficulty`);
  });
});

describe('formatAnswer in French', () => {
  it('puts a no-break space before the colon, as French typesetting does', () => {
    const text = formatAnswer(
      grid('Avez-vous des difficultés à voir\u202f?'),
      { wg_seeing: 'some' },
      createTranslator('fr'),
    );
    expect(text).toBe('Avez-vous des difficultés à voir\u00a0: Some difficulty');
  });
});
