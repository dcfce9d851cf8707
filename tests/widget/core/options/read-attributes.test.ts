import { afterEach, describe, expect, it } from 'vitest';
import { readAttributes } from '../../../../widget/core/options/read-attributes.ts';

let scratch: HTMLElement | undefined;
afterEach(() => scratch?.remove());

function element(tag: string, attributes: Record<string, string>): HTMLElement {
  scratch = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) scratch.setAttribute(name, value);
  document.body.append(scratch);
  return scratch;
}

describe('readAttributes', () => {
  it('reads data-* options from a script tag, in kebab case', () => {
    const script = element('script', {
      'data-endpoint': 'https://c.example',
      'data-site-key': 'k',
      'data-learner-ref': 'L1',
      'data-learner-sig': 'ab'.repeat(32),
      'data-cap-days': '7',
      'data-debug': '',
      unrelated: 'x',
    });
    expect(readAttributes(script, 'data-')).toEqual({
      endpoint: 'https://c.example',
      siteKey: 'k',
      learnerRef: 'L1',
      learnerSig: 'ab'.repeat(32),
      capDays: 7,
      debug: true,
    });
  });

  it('reads plain attributes from <outcome-survey>', () => {
    const el = element('outcome-survey', {
      survey: 'career-outcomes',
      'completed-at': '2026-01-31',
      waves: '0, 6,12',
      debug: 'false',
    });
    expect(readAttributes(el, '')).toEqual({
      survey: 'career-outcomes',
      completedAt: '2026-01-31',
      waves: [0, 6, 12],
      debug: false,
    });
  });

  it.each([
    ['cap-days', '7 days', 'capDays'],
    ['waves', '0;6', 'waves'],
    ['debug', 'yes', 'debug'],
  ])('keeps %s=%j as a string so validation can name it', (attribute, value, key) => {
    expect(readAttributes(element('outcome-survey', { [attribute]: value }), '')[key]).toBe(value);
  });
});
