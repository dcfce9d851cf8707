import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from '../../../collector/http/attachment-disposition.ts';

describe('attachmentDisposition', () => {
  it.each([
    ['outcomes.csv', 'attachment; filename="outcomes.csv"'],
    ['a"b.csv', `attachment; filename="a_b.csv"; filename*=UTF-8''a%22b.csv`],
    ['a;b=c.csv', `attachment; filename="a_b_c.csv"; filename*=UTF-8''a%3Bb%3Dc.csv`],
    ['a\r\nb.csv', `attachment; filename="a__b.csv"; filename*=UTF-8''a%0D%0Ab.csv`],
    ["x'(y)*.csv", `attachment; filename="x__y__.csv"; filename*=UTF-8''x%27%28y%29%2A.csv`],
    ['enquête.csv', `attachment; filename="enqu_te.csv"; filename*=UTF-8''enqu%C3%AAte.csv`],
  ])('writes %j as %s', (name, header) => {
    expect(attachmentDisposition(name)).toBe(header);
  });

  it('keeps every header value to visible ASCII, whatever the name', () => {
    const name = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
    expect(attachmentDisposition(name)).toMatch(/^[\x20-\x7e]+$/);
    expect(() => new Headers({ 'content-disposition': attachmentDisposition(name) })).not.toThrow();
  });
});
