/** One record of a CSV file, with the line it starts on (the header is line 1), or why it cannot be read. */
export type CsvRecord = { line: number; fields: string[]; error?: undefined } | { line: number; error: string };

type State = 'field_start' | 'unquoted' | 'quoted' | 'quote_in_quoted';

/**
 * Reads RFC 4180 CSV from chunks of text as they arrive, holding one record at a time, so a roster of a million
 * rows streams from a request body or a file. Accepts a UTF-8 byte order mark (Excel writes one), CRLF or LF line
 * ends, and quoted fields holding commas, quotes ("") and line breaks. Blank lines are skipped.
 */
export async function* csvRecords(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<CsvRecord> {
  let started = false;
  let state: State = 'field_start';
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let afterCr = false;
  let broken: string | undefined;

  const endRecord = (): CsvRecord | undefined => {
    fields.push(field);
    const record: CsvRecord | undefined = broken
      ? { line: recordLine, error: broken }
      : fields.length === 1 && fields[0] === ''
        ? undefined
        : { line: recordLine, fields };
    fields = [];
    field = '';
    broken = undefined;
    state = 'field_start';
    line++;
    recordLine = line;
    return record;
  };

  for await (let chunk of chunks) {
    if (!started && chunk.length > 0) {
      started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (afterCr) {
        afterCr = false;
        if (c === '\n') continue;
      }
      if (state === 'quoted') {
        if (c === '"') state = 'quote_in_quoted';
        else {
          field += c;
          if (c === '\n') line++;
        }
        continue;
      }
      if (state === 'quote_in_quoted') {
        if (c === '"') {
          field += '"';
          state = 'quoted';
          continue;
        }
        if (c !== ',' && c !== '\n' && c !== '\r') {
          broken ??= `line ${line}: text after a closing quote: put the whole field in quotes and double any quote inside it ("")`;
          state = 'unquoted';
          field += c;
          continue;
        }
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        state = 'field_start';
      } else if (c === '\n' || c === '\r') {
        afterCr = c === '\r';
        const record = endRecord();
        if (record) yield record;
      } else if (c === '"' && state === 'field_start') {
        state = 'quoted';
      } else {
        if (c === '"')
          broken ??= `line ${line}: a quote inside an unquoted field: put the whole field in quotes and double the quote ("")`;
        field += c;
        state = 'unquoted';
      }
    }
  }
  if (state === 'quoted') {
    yield {
      line: recordLine,
      error: `line ${recordLine}: a quoted field is never closed: add the closing double quote`,
    };
    return;
  }
  if (fields.length > 0 || field !== '' || state !== 'field_start') {
    const record = endRecord();
    if (record) yield record;
  }
}
