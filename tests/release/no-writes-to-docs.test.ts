import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotTestFiles } from '../../scripts/screenshots.ts';

// A fresh clone stays clean after `npm test`: no test writes into docs/screenshots (or anywhere
// tracked) when it takes a screenshot. Every screenshot path comes from the one helper, which
// writes to a temporary folder unless `npm run screenshots` says otherwise.
const root = resolve(import.meta.dirname, '../..');
const HELPER = 'tests/e2e/support/screenshot-path.ts';
const SELF = relative(root, import.meta.filename);

function testSources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return testSources(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Each line of `text` that writes to docs/screenshots or takes a screenshot to a path not made by screenshotPath(). */
function screenshotWrites(file: string, text: string): string[] {
  const found: string[] = [];
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  for (const match of text.matchAll(/docs\/screenshots/g)) {
    found.push(`${file}:${lineOf(match.index)}: names docs/screenshots`);
  }
  // `.screenshot({ … path: X … })`, the options object possibly spread over lines.
  for (const match of text.matchAll(/\.screenshot\(\s*\{[^}]*?\bpath\s*:\s*([^,}\n]+)/g)) {
    const value = (match[1] ?? '').trim();
    if (!/^screenshotPath\(/.test(value) && !isShotFromHelper(text, value)) {
      found.push(`${file}:${lineOf(match.index)}: screenshot path ${value} is not from screenshotPath()`);
    }
  }
  return found;
}

// `const shot = screenshotPath('x.png'); … screenshot({ path: shot })` is the helper's path too.
function isShotFromHelper(text: string, name: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
  return new RegExp(`\\bconst\\s+${name}\\s*=\\s*screenshotPath\\(`).test(text);
}

describe('screenshots taken by the tests', () => {
  it('go through screenshotPath() and never into docs/screenshots', () => {
    const offending = testSources('tests')
      .filter((file) => file !== HELPER && file !== SELF)
      .flatMap((file) => screenshotWrites(file, readFileSync(join(root, file), 'utf8')));
    expect(offending, `take each path from screenshotPath() in ${HELPER}; npm run screenshots refreshes docs/`).toEqual(
      [],
    );
  });

  it('are all retaken by npm run screenshots, which runs every test file that takes one', () => {
    const taking = testSources('tests/e2e').filter((file) =>
      /\.screenshot\(\s*\{[^}]*?\bpath\s*:/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(taking).toContain('tests/e2e/ui-screens.test.ts');
    expect(screenshotTestFiles()).toEqual(expect.arrayContaining(taking));
  });

  it.each([
    ["await page.screenshot({ path: 'docs/screenshots/dashboard.png' });", 2],
    ["const SHOTS = new URL('../../docs/screenshots/', import.meta.url);", 1],
    ["await page.screenshot({ path: join(dir, 'a.png') });", 1],
    ['await el.screenshot({\n  fullPage: true,\n  path: `en.png`,\n});', 1],
    ["const shot = join(dir, 'a.png');\nawait page.screenshot({ path: shot });", 1],
  ])('flags %j', (source, count) => {
    expect(screenshotWrites('x.test.ts', source)).toHaveLength(count);
  });

  it.each([
    ["await page.screenshot({ path: screenshotPath('dashboard.png'), fullPage: true });"],
    ['await el.screenshot({\n  path: screenshotPath(`en-intro.png`),\n});'],
    ["const shot = screenshotPath('impact-report.png');\nawait page.screenshot({ path: shot, fullPage: true });"],
    ['const png = await page.screenshot();'],
  ])('accepts %j', (source) => {
    expect(screenshotWrites('x.test.ts', source)).toEqual([]);
  });
});
