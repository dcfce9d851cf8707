import { describe, expect, it } from 'vitest';
import { SITE_KEY, useEmbedStack, watchPage } from './embed-harness.ts';

// Issue 3, "looks": hosts theme the survey through custom properties set on its host element
// (widget/ui/THEMING.md); the same names on :root, which every element inherits, do not restyle it.
const env = useEmbedStack();

const DEFAULT_ACCENT = 'rgb(29, 112, 184)'; // #1d70b8
const PURPLE = 'rgb(106, 27, 154)'; // #6a1b9a

type Placement = 'script tag' | 'element';

/** Opens a host page with the given CSS and returns the computed look of the survey's primary button. */
async function primaryButton(placement: Placement, css: string) {
  const context = await env.browser.newContext({ colorScheme: 'light', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const seen = watchPage(page);
  const options = `endpoint="${env.stack.collectorUrl}" site-key="${SITE_KEY}" survey="career-outcomes" locale="en"`;
  const widget =
    placement === 'element'
      ? `<outcome-survey ${options}></outcome-survey><script type="module" src="/outcome-survey.js"></script>`
      : `<script type="module" src="/outcome-survey.js" ${options.replace(/(^| )([\w-]+)=/g, '$1data-$2=')} data-trigger="delay:0"></script>`;
  await page.goto(
    env.stack.hostPage(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><style>${css}</style></head>` +
        `<body><h1>Course</h1>${widget}</body></html>`,
    ),
  );
  const start = page.getByRole('button', { name: 'Start' });
  await start.waitFor({ timeout: 15_000 });
  const look = await start.evaluate((button) => {
    const style = getComputedStyle(button);
    return { background: style.backgroundColor, radius: style.borderTopLeftRadius, font: style.fontFamily };
  });
  await context.close();
  expect(seen.consoleErrors).toEqual([]);
  return look;
}

describe('theming through custom properties', () => {
  it.each<[Placement, string]>([
    ['script tag', 'outcome-survey-dialog'],
    ['element', 'outcome-survey'],
  ])('a rule on the host element re-themes the survey placed by the %s (%s)', async (placement, selector) => {
    const plain = await primaryButton(placement, '');
    const themed = await primaryButton(
      placement,
      `${selector}{--os-accent:#6a1b9a;--os-radius:12px;--os-font:"Themed Font",serif}`,
    );
    expect(plain).toMatchObject({ background: DEFAULT_ACCENT, radius: '6px' });
    expect(themed).toEqual({ background: PURPLE, radius: '12px', font: '"Themed Font", serif' });
  });

  it.each<Placement>(['script tag', 'element'])(
    'the same properties on :root leave the survey placed by the %s as it was',
    async (placement) => {
      const plain = await primaryButton(placement, '');
      const rooted = await primaryButton(
        placement,
        ':root{--os-accent:#6a1b9a;--os-accent-dark:#6a1b9a;--os-radius:12px;--os-font:"Themed Font",serif}',
      );
      expect(plain.background).toBe(DEFAULT_ACCENT);
      expect(rooted).toEqual(plain);
    },
  );
});
