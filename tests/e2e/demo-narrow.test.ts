import { describe, expect, it } from 'vitest';
import { useEmbedStack } from './embed-harness.ts';

// Issue 19: the demo course page itself fits a 360 px phone (no sideways scroll),
// also once the survey is open and the page's event log shows the `shown` event.
const env = useEmbedStack();

describe('the demo course page on a 360 px phone', () => {
  it.each([false, true])('is no wider than the viewport (survey open: %s)', async (open) => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${env.stack.demoUrl}/`);
    await page.getByRole('button', { name: 'Finish the course' }).waitFor();
    if (open) {
      await page.getByRole('button', { name: 'Finish the course' }).click();
      await page.getByRole('dialog').waitFor({ timeout: 15_000 });
      await page.locator('#log li').first().waitFor();
    }
    const result = await page.evaluate(() => {
      const all = (root: Document | ShadowRoot): Element[] =>
        [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
      const wide = all(document)
        .filter((el) => el.getBoundingClientRect().right > 360)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`);
      return { scrollWidth: (document.scrollingElement as Element).scrollWidth, wide };
    });
    expect(result).toEqual({ scrollWidth: 360, wide: [] });
    await context.close();
  });
});
