import { describe, expect, it } from 'vitest';
import { type CsvRecord, csvRecords } from '../../../collector/denominators/csv-records.ts';

async function read(chunks: Iterable<string>): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of csvRecords(chunks)) out.push(r);
  return out;
}

describe('csvRecords', () => {
  it.each([
    [
      'plain fields',
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'empty fields',
      ',\n,x,',
      [
        ['', ''],
        ['', 'x', ''],
      ],
    ],
    ['a quoted comma', '"a,b",c', [['a,b', 'c']]],
    ['doubled quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    [
      'empty quoted fields',
      '"",x\n"",""',
      [
        ['', 'x'],
        ['', ''],
      ],
    ],
    ['a CRLF inside quotes', '"1\r\n2",x\r\ny', [['1\r\n2', 'x'], ['y']]],
    ['a lone CR as a line end', 'a\rb', [['a'], ['b']]],
    ['a byte order mark only at the start', '\uFEFFa,\uFEFF', [['a', '\uFEFF']]],
    ['blank lines', '\r\na\r\n\r\n\nb\n', [['a'], ['b']]],
  ])('reads %s', async (_name, text, records) => {
    expect((await read([text])).map((r) => ('fields' in r ? r.fields : r.error))).toEqual(records);
    expect((await read([...text])).map((r) => ('fields' in r ? r.fields : r.error))).toEqual(records);
  });

  it('numbers each record by the line it starts on, counting breaks inside quotes', async () => {
    const lines = (await read(['h\r\n"a\r\nb\nc"\r\n\r\nd\n'])).map((r) => r.line);
    expect(lines).toEqual([1, 2, 6]);
  });

  it.each([
    ['a quote inside an unquoted field', 'ok\nab"c,d\nnext', 2, 'line 2: a quote inside an unquoted field'],
    ['text after a closing quote', '"a"b,c', 1, 'line 1: text after a closing quote'],
    ['a quote never closed', 'ok\n"a\nb', 2, 'line 2: a quoted field is never closed'],
  ])('reports %s with its line and reads on', async (_name, text, line, message) => {
    const records = await read([text]);
    const bad = records.find((r) => r.error !== undefined);
    expect(bad?.line).toBe(line);
    expect(bad?.error).toContain(message);
  });
});
