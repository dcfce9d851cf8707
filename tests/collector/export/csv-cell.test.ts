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
