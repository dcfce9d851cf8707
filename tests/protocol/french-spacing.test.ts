import { describe, expect, it } from 'vitest';
import { frenchSpacing } from '../../protocol/french-spacing.ts';

// Shown with visible marks: "·" for U+202F (narrow no-break space), "_" for U+00A0 (no-break space).
const show = (s: string) => s.replaceAll('\u202F', '·').replaceAll('\u00A0', '_');

describe('frenchSpacing', () => {
  it.each([
    ['Avez-vous trouvé un emploi ?', 'Avez-vous trouvé un emploi·?'],
    ['Avez-vous trouvé un emploi?', 'Avez-vous trouvé un emploi·?'],
    ['Bravo !', 'Bravo·!'],
    ['Quoi ?!', 'Quoi·?!'],
    ['oui ; non', 'oui·; non'],
    ['Attention : ceci', 'Attention_: ceci'],
    ['Attention: ceci', 'Attention_: ceci'],
    ['« Bonjour »', '«_Bonjour_»'],
    ['«Bonjour»', '«_Bonjour_»'],
    ['« Oui » ?', '«_Oui_»·?'],
    ['il y a 2 ans', 'il y a 2_ans'],
    ['Moins de 20 000 €', 'Moins de 20 000_€'],
    ['Question 1 sur 8', 'Question 1_sur 8'],
    ['{n} minutes', '{n}_minutes'],
  ])('typesets %j as %j', (text, expected) => {
    expect(show(frenchSpacing(text))).toBe(expected);
  });

  it.each([
    ['a URL', 'Voir https://example.org/page?x=1'],
    ['a time', 'à 10:30'],
    ['text already typeset', 'Avez-vous un emploi\u202F? «\u00A0Oui\u00A0» 2\u00A0ans'],
    ['text without these signs', 'Aidez-nous à améliorer nos formations'],
    ['an ellipsis', 'Chargement…'],
  ])('leaves %s as it is', (_, text) => {
    expect(frenchSpacing(text)).toBe(text);
  });
});
