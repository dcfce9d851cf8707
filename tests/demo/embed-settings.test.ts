import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEmbedSettings } from '../../demo/embed-settings.ts';

const page = readFileSync(join(import.meta.dirname, '../../demo/site/index.html'), 'utf8');

describe('withEmbedSettings', () => {
  it('points the demo page’s widget at the given collector and key, changing nothing else', () => {
    const html = withEmbedSettings(page, { collectorUrl: 'http://127.0.0.1:9999', siteKey: 'test-key' });
    expect(html).toContain('data-endpoint="http://127.0.0.1:9999"');
    expect(html).toContain('data-site-key="test-key"');
    const back = withEmbedSettings(html, { collectorUrl: 'http://127.0.0.1:8787', siteKey: 'demo-site-key' });
    expect(back).toBe(page);
  });

  it('escapes the values as attribute text', () => {
    expect(withEmbedSettings(page, { collectorUrl: 'http://a', siteKey: 'k"><script>' })).toContain(
      'data-site-key="k&#34;&#62;&#60;script&#62;"',
    );
  });

  it.each(['data-endpoint', 'data-site-key'])('names the attribute the page lost (%s)', (name) => {
    const broken = page.replace(new RegExp(`\\s${name}="[^"]*"`), '');
    expect(() => withEmbedSettings(broken, { collectorUrl: 'http://a', siteKey: 'k' })).toThrow(
      `demo/site/index.html: the outcome-survey script tag has no ${name}="…"`,
    );
  });
});
