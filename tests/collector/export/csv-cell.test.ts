import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../collector/export/csv-cell.ts';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['café 🎉', 'café 🎉'],
    ['=1+2', "'=1+2"],
    ['+33 6 12', "'+33 6 12"],
    ['-3', "'-3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=A1,"x"', `"'=A1,""x"""`],
    ['', ''],
  ])('writes the string %j as %j', (input, expected) => {
    expect(csvCell(input, ',')).toBe(expected);
  });

  it.each([
    ['a line feed', '\n'],
    ['a space', ' '],
    ['spaces and a tab', '  \t'],
    ['a no-break space', '\u00a0'],
    ['a narrow no-break space', '\u202f'],
    ['an ideographic space', '\u3000'],
    ['a zero-width space', '\u200b'],
    ['a zero-width joiner', '\u200d'],
    ['a word joiner', '\u2060'],
    ['a byte order mark', '\ufeff'],
    ['a left-to-right mark', '\u200e'],
    ['a right-to-left override', '\u202e'],
    ['a soft hyphen', '\u00ad'],
    ['a vertical tab', '\u000b'],
  ])('neutralises a formula behind %s', (_name, lead) => {
    expect(csvCell(`${lead}=HYPERLINK("http://x")`, ';')).toBe(`"'${lead}=HYPERLINK(""http://x"")"`);
  });

  it.each([
    ['full-width equals', '\uff1d'],
    ['full-width plus', '\uff0b'],
    ['full-width hyphen-minus', '\uff0d'],
    ['full-width commercial at', '\uff20'],
    ['small equals', '\ufe66'],
    ['small plus', '\ufe62'],
    ['small hyphen-minus', '\ufe63'],
    ['small commercial at', '\ufe6b'],
  ])('neutralises a formula started by the %s sign', (_name, sign) => {
    expect(csvCell(`${sign}1+1`, ',')).toBe(`'${sign}1+1`);
    expect(csvCell(`\u200b ${sign}1+1`, ',')).toBe(`'\u200b ${sign}1+1`);
  });

  it.each([' plain', '\u00a0café', '\u200bword', 'a=b', 'x-1', 'mail@example.org', '１＋１'])(
    'leaves %j unchanged: no formula sign comes first',
    (input) => {
      expect(csvCell(input, ',')).toBe(input);
    },
  );

  it.each([
    [-3, '-3'],
    [0, '0'],
    [1.5, '1.5'],
    [Number.NaN, ''],
    [null, ''],
    [undefined, ''],
  ])('writes the value %j as %j (numbers are never prefixed)', (input, expected) => {
    expect(csvCell(input, ',')).toBe(expected);
  });

  it('quotes on the delimiter in use only', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
  });

  it('ends each line with CRLF', () => {
    expect(csvLine(['a', 1, null], ',')).toBe('a,1,\r\n');
  });
});
