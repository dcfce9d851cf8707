import { describe, expect, it } from 'vitest';
import { renderImpactHtml } from '../../../collector/impact/report-html/render-impact-html.ts';
import type { Impact } from '../../../protocol/index.ts';
import { impactOf, many, storageWith } from './impact-fixture.ts';

async function sample(rules = { minCell: 10, roundTo: 1, minPercentBase: 10 }): Promise<Impact> {
  // 30 respondents, 12 jobseekers of whom 9 credit the training; with k = 10, the 3 who do not are withheld.
  const storage = await storageWith([
    ...many(9, 'a', { outcome: true, groups: { jobseeker: true } }),
    ...many(3, 'b', { outcome: false, groups: { jobseeker: true } }),
    ...many(18, 'c', { outcome: true, groups: { jobseeker: false } }),
  ]);
  const { impact } = await impactOf(storage, {}, rules);
  return impact;
}

describe('renderImpactHtml', () => {
  it('has every section in heading order, a lang attribute and a skip link', async () => {
    const html = renderImpactHtml(await sample());
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<a class="skip" href="#main">/);
    const headings = [...html.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Summary',
      'Career outcomes',
      'Career outcomes by group',
      'Career outcomes by ethnic group',
      'Underserved learners',
      'Response rates',
      'Who did not answer',
      'Carbon footprint of the survey',
      'How the figures were made',
    ]);
    expect(html).toMatch(/<footer>.*survey career-outcomes, year 2026; no filters/s);
  });

  it('loads nothing and runs nothing: no script, no http(s) address in src or href', async () => {
    const html = renderImpactHtml(await sample());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('gives a rate with its n and 95 % interval, in plain words', async () => {
    const html = renderImpactHtml(await sample({ minCell: 1, roundTo: 1, minPercentBase: 1 }));
    // 27 of 30 credit the training; Wilson interval for 0.9 at n = 30 is 74.4 %–96.5 %.
    expect(html).toContain('90% (27 of 30; 95 % interval 74.4%–96.5%)');
    expect(html).toContain('Jobseekers');
    expect(html).not.toMatch(/>jobseeker</);
  });

  it('says "withheld" with the reason in words for a suppressed cell', async () => {
    const html = renderImpactHtml(await sample());
    expect(html).toContain('withheld: fewer than 10 people');
    expect(html).not.toContain('below_k');
  });

  it('escapes every text it is given', async () => {
    const impact = await sample();
    impact.survey = '<img src=x onerror=alert(1)>';
    impact.methods = [{ id: 'm', title: 'A & B', text: '"quoted" <b>' }];
    const html = renderImpactHtml(impact);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<h3>A &amp; B</h3><p>&quot;quoted&quot; &lt;b&gt;</p>');
  });

  it('leaves the weighted section out when there are no weights, and draws it when there are', async () => {
    const impact = await sample();
    expect(renderImpactHtml(impact)).not.toContain('Weighted figures');
    impact.weighted = {
      attributes: ['country'],
      iterations: 4,
      converged: true,
      cap: 5,
      designEffect: 1.25,
      effectiveN: 24,
      rateAmongKnown: { estimate: 0.8, ci95: [0.6, 0.91] },
      underservedShare: null,
      notes: ['no respondent from JP'],
    };
    const html = renderImpactHtml(impact);
    expect(html).toContain('Weighted figures');
    expect(html).toContain('80% (95 % interval 60%–91%)');
    expect(html).toContain('<li>no respondent from JP</li>');
  });

  it('stands with empty arrays everywhere', async () => {
    const impact = await sample();
    Object.assign(impact, {
      byGroup: [],
      byEthnicGroup: [],
      underserved: [],
      responseRates: [],
      nonresponse: [],
      methods: [],
    });
    const html = renderImpactHtml(impact);
    expect(html).toContain('no underserved figures this year');
    expect(html).toContain('No method notes were given.');
  });
});
