// French typesetting (Imprimerie nationale; what browsers cannot do for us): a narrow no-break space
// (U+202F) before ? ! ; and a no-break space (U+00A0) before : and inside « », and between a number and
// the word after it ("2 ans"; a string table's "{n} minutes" too), so a "?" never starts a line alone.
// An ordinary space there is replaced; a missing one is added; text already typeset is left as it is.
// A colon or ? inside a URL or a time ("https://", "10:30") is left alone: the rule applies only where
// the sign ends a word.
const END = '(?=$|[\\s»)"’?!.…])';
const BEFORE_HIGH = new RegExp(`(?<=[\\p{L}\\p{N}»)"’…]) ?([?!;])${END}`, 'gu');
const BEFORE_COLON = new RegExp(`(?<=[\\p{L}\\p{N}»)"’…]) ?:${END}`, 'gu');

/** A French text with the no-break spaces of French typography. */
export function frenchSpacing(text: string): string {
  return text
    .replace(BEFORE_HIGH, '\u202F$1')
    .replace(BEFORE_COLON, '\u00A0:')
    .replace(/«[ \u00A0\u202F]?/g, '«\u00A0')
    .replace(/[ \u00A0\u202F]?»/g, '\u00A0»')
    .replace(/(?<=[\d}]) (?=\p{L}|[€%])/gu, '\u00A0');
}
