import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDashboard } from './fixtures/dashboard-server.ts';
import { COHORTS } from './fixtures/rates-answers.ts';
import { axeViolations } from './fixtures/ui-harness-browser.ts';

const TOKEN = 'dashboard-filters-token-0123456789';
const REPORT_CHARTS = ['responses', 'outcomes', 'outcome-rate', 'target', 'categories', 'countries'];

/** Codes of the collector's answers that a reader must never see: each has plain words on the page instead. */
const CODES = [
  'jobseeker_ilo',
  'underserved_area',
  'low_education',
  'low_education_national',
  'disability_national',
  'any_underserved',
  'career_outcome',
  'below_k',
  'minCell',
  'roundTo',
  'minPercentBase',
  'MIN_CELL',
  'MIN_PERCENT_BASE',
  'not_met',
  'invalid_shape',
  'unknown_survey',
  'answer_invalid',
  'unverifiedLearnerRefs',
  'null',
  'undefined',
  'NaN',
];

type Env = ReturnType<typeof useDashboard>;

async function open(env: Env, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await env.browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    acceptDownloads: true,
    ...options,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  (page as Page & { problems: string[] }).problems = problems;
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { cspViolations?: string[] };
      w.cspViolations = [...(w.cspViolations ?? []), `${e.violatedDirective} ${e.blockedURI}`];
    });
  });
  await page.goto(`${env.server.base}/v1/dashboard`);
  return page;
}

const problemsOf = (page: Page) => (page as Page & { problems: string[] }).problems;
const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

async function signIn(page: Page): Promise<void> {
  await page.fill('#token', TOKEN);
  await page.fill('#survey', 'outcomes-test');
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#impact-groups', { timeout: 15_000 });
}

/** Applies the filters and waits for the page to say it drew them. */
async function apply(page: Page, fill: () => Promise<void>): Promise<void> {
  await fill();
  await page.click('#filters button[type=submit]');
  await expect.poll(() => page.textContent('#status'), { timeout: 15_000 }).toMatch(/Filtered to/);
  await page.waitForSelector('#impact-groups', { timeout: 15_000 });
}

/** Every cell of a chart's numbers table, row by row. */
const tableText = (page: Page, id: string) =>
  page.$$eval(`#${id}-table tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));

async function report(env: Env, query: string) {
  const res = await fetch(`${env.server.base}/v1/report?survey=outcomes-test&${query}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  return res.json();
}

describe('dashboard filters', () => {
  const env = useDashboard(TOKEN);

  it.each([
    {
      name: 'country',
      param: 'country=FR',
      impact: true,
      fill: (p: Page) => p.selectOption('#f-country', 'FR').then(() => undefined),
    },
    { name: 'course', param: 'course_id=web-dev', impact: true, fill: (p: Page) => p.fill('#f-course', 'web-dev') },
    { name: 'path', param: 'path_id=evening', impact: true, fill: (p: Page) => p.fill('#f-path', 'evening') },
    { name: 'survey version', param: 'version=2', impact: false, fill: (p: Page) => p.fill('#f-version', '2') },
    {
      name: 'date range',
      param: 'from=2024-06&to=2025-03',
      impact: false,
      fill: async (p: Page) => {
        await p.fill('#f-from', '2024-06');
        await p.fill('#f-to', '2025-03');
      },
    },
  ])('applies the $name filter to every report chart’s request and numbers', async ({ param, impact, fill }) => {
    const page = await open(env);
    await signIn(page);
    const before = Object.fromEntries(
      await Promise.all([...REPORT_CHARTS, 'delivery'].map(async (id) => [id, await tableText(page, id)])),
    );
    const impactBefore = await page.textContent('#impact-groups');
    const asked = env.server.requests.length;
    await apply(page, () => fill(page));

    const requests = env.server.requests.slice(asked);
    const reports = requests.filter((r) => r.startsWith('/v1/report?'));
    expect(reports.map((r) => new URLSearchParams(r.split('?')[1]).get('by')).sort()).toEqual([
      'country',
      'month',
      'year',
    ]);
    for (const [k, v] of new URLSearchParams(param))
      for (const r of reports) expect(new URLSearchParams(r.split('?')[1]).get(k), r).toBe(v);
    const impactRequest = requests.find((r) => r.startsWith('/v1/impact?')) ?? '';
    expect(impactRequest.includes(param), `${impactRequest} follows ${param}`).toBe(impact);

    for (const id of REPORT_CHARTS) {
      expect(await tableText(page, id), `${id} numbers after the filter`).not.toEqual(before[id]);
      expect(await page.textContent(`figure[data-chart=${id}] [data-filters]`)).toMatch(/^Filtered to /);
    }
    // Delivery health cannot be filtered (rejected items keep nothing to filter on), and says so.
    expect(await tableText(page, 'delivery')).toEqual(before.delivery);
    expect(await page.textContent('figure[data-chart=delivery] [data-filters]')).toMatch(/^The filters do not apply/);
    if (impact) expect(await page.textContent('#impact-groups')).not.toBe(impactBefore);
    else expect(await page.textContent('#impact-filters')).toMatch(/the survey version and the months do not apply/);

    // The bars are the filtered report's, as the server answers it.
    const expected = (await report(env, `by=month&${param}`)).tables.responses.colTotals
      .map((c: { count: number | null }) => c.count)
      .filter((c: number | null) => c !== null);
    const drawn = await page.$$eval('figure[data-chart=responses] rect.bar', (rects) =>
      rects.map((r) => Number(r.getAttribute('data-value'))),
    );
    expect(drawn).toEqual(expected);

    await page.click('#f-clear');
    await expect.poll(() => page.textContent('#status'), { timeout: 15_000 }).toMatch(/No filter/);
    await expect.poll(() => tableText(page, 'responses'), { timeout: 15_000 }).toEqual(before.responses);
    expect(await cspViolations(page)).toEqual([]);
    expect(problemsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('says which filters the response rates follow: none, with Split by for country, course and path', async () => {
    const page = await open(env);
    await signIn(page);
    await page.waitForSelector('#rates:not([hidden])', { timeout: 10_000 });
    expect(await page.textContent('#rates-filters')).toMatch(/^The filters above do not apply here: .*“Split by”/);
    await page.context().close();
  });

  it('downloads each chart’s numbers as CSV: the report’s counts, withheld ones empty with the reason', async () => {
    const page = await open(env);
    await signIn(page);
    const byYear = await report(env, 'by=year');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('figure[data-chart=outcome-rate] button[data-csv]'),
    ]);
    expect(download.suggestedFilename()).toBe('outcome-rate.csv');
    const text = readFileSync((await download.path()) as string, 'utf8');
    const lines = text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('year,count,withheld_because,responses,percent');
    expect(lines.slice(1)).toEqual(
      byYear.periods.map((y: string, i: number) => {
        const c = byYear.tables.career_outcome.colTotals[i];
        return [y, c.count, '', byYear.tables.responses.colTotals[i].count, c.percent].join(',');
      }),
    );
    const bodies = new Map<string, string>();
    for (const id of [...REPORT_CHARTS, 'delivery', 'impact-groups', 'impact-underserved']) {
      const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-csv="${id}"]`)]);
      expect(d.suggestedFilename()).toBe(`${id}.csv`);
      bodies.set(id, readFileSync((await d.path()) as string, 'utf8'));
      expect(bodies.get(id)?.split('\r\n').length, `${id}.csv rows`).toBeGreaterThan(2);
    }
    const groups = bodies.get('impact-groups');
    // The refugees' rate is withheld: empty cells, never a 0.
    expect(groups).toMatch(/\r\nRefugees and people under protection,,15,,,,/);
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ['+1', "'+1"],
    ['-3', "'-3"],
    ['@SUM(1;2)', "'@SUM(1;2)"],
    ['plain, with a comma', '"plain, with a comma"'],
    [-3, '-3'],
    [null, ''],
  ])('writes the cell %j as %s, so a spreadsheet never runs it', async (value, cell) => {
    const page = await open(env);
    // A string, so the test runner does not rewrite the page's own dynamic import.
    const written = await page.evaluate(
      `import('/v1/dashboard/csv-download.js').then((m) => m.csvCell(${JSON.stringify(value)}))`,
    );
    expect(written).toBe(cell);
    await page.context().close();
  });

  it('shows n beside every share, and no code where words belong, with every table open', async () => {
    const page = await open(env);
    await signIn(page);
    for (const summary of await page.locator('figure[data-chart] summary').all()) await summary.click();
    for (const id of ['outcome-rate', 'categories', 'countries']) {
      const shares = (await tableText(page, id)).slice(1).map((row) => row[1]);
      expect(shares.length, id).toBeGreaterThan(0);
      for (const s of shares) expect(s, `${id}: ${s}`).toMatch(/^(\d+% \(n = [\d,]+\)|not shown: .+)$/);
    }
    const targetShares = (await tableText(page, 'target')).slice(1).map((row) => row[2]);
    for (const s of targetShares) expect(s).toMatch(/^\d+% \(n = [\d,]+\)$/);
    const rates = await page.$$eval('#impact-groups td', (tds) => tds.map((td) => td.textContent ?? ''));
    for (const r of rates.filter((t) => t.includes('%'))) expect(r).toMatch(/\(n = [\d,]+\)$/);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, with spaces between cells, is what a reader sees.
    const text = await page.evaluate(() => document.body.innerText);
    const found = CODES.filter((code) => new RegExp(`\\b${code}\\b`).test(text));
    expect(found).toEqual([]);
    await page.context().close();
  });

  it('writes months, days and numbers in the reader’s locale (fr-FR)', async () => {
    const page = await open(env, { locale: 'fr-FR' });
    await signIn(page);
    const months = (await tableText(page, 'responses')).slice(1).map((row) => row[0]);
    expect(months[0]).toBe('janvier 2024');
    const days = (await tableText(page, 'delivery')).slice(1).map((row) => row[0]);
    expect(days).toContain('20 nov. 2025');
    const countries = (await tableText(page, 'countries')).slice(1).map((row) => row[0]);
    expect(countries).toContain('Royaume-Uni');
    // A thousand and more is grouped with a narrow no-break space, and a percentage has a space before its sign.
    const total = (await tableText(page, 'categories')).find((row) => row[0] === 'Any underserved group')?.[1];
    expect(total).toMatch(/^\d+\u00a0% \(n = \d\u202f\d{3}\)$/);
    await page.context().close();
  });

  it.each([1280, 320])('has no axe violations with filters applied and every table open, %i px wide', async (width) => {
    const page = await open(env, { viewport: { width, height: 900 } });
    await signIn(page);
    await apply(page, () => page.fill('#f-course', 'web-dev'));
    for (const summary of await page.locator('figure[data-chart] summary').all()) await summary.click();
    expect(await axeViolations(page, null)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('is filtered with the keyboard alone: Tab to a filter, type, Enter applies it to the charts', async () => {
    const page = await open(env);
    await signIn(page);
    await page.focus('#forget');
    const reached: string[] = [];
    for (let i = 0; i < 10 && reached.at(-1) !== 'f-path'; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(reached).toEqual(['f-country', 'f-course', 'f-path']);
    await page.keyboard.type('day');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#status'), { timeout: 15_000 }).toMatch(/Filtered to path “day”/);
    expect(await page.textContent('figure[data-chart=responses] [data-filters]')).toBe('Filtered to path “day”.');
    await page.context().close();
  });
});

describe('dashboard impact figures from the collector’s own GET /v1/impact', () => {
  const env = useDashboard(TOKEN, undefined, { cohorts: COHORTS, impact: 'real' });

  it('draws every group in words with its rates, and the target status the route states, for the year chosen', async () => {
    const page = await open(env);
    await signIn(page);
    const impact = await (
      await fetch(`${env.server.base}/v1/impact?survey=outcomes-test&year=2025`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      })
    ).json();
    const groups = await page.$$eval('#impact-groups th[scope=row]', (ths) => ths.map((t) => t.textContent));
    expect(groups).toHaveLength(impact.byGroup.length);
    expect(groups).toContain('Any underserved group');
    const any = impact.underserved.find((g: { group: string }) => g.group === 'any_underserved');
    const words = { met: 'Target met', not_met: 'Target not met', undetermined: 'Cannot tell yet' }[
      any.status as 'met' | 'not_met' | 'undetermined'
    ];
    const status = await page.$$eval('#target-table tr', (trs) => trs.map((tr) => tr.lastElementChild?.textContent));
    // No roster in this fixture: respondent counts cannot judge the target, and the chart says why.
    expect(any.estimatedInCohort).toBeNull();
    expect(any.status).toBe('undetermined');
    expect(status.at(-1)).toBe(`${words} (no roster for the year): ${any.statusReason}`);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is what a reader sees.
    const text = await page.evaluate(() => document.body.innerText);
    expect(CODES.filter((code) => new RegExp(`\\b${code}\\b`).test(text))).toEqual([]);
    expect(await axeViolations(page, null)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(problemsOf(page)).toEqual([]);
    await page.context().close();
  });
});
