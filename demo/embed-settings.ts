/** Where the demo page's widget sends answers, and with which key. */
export type EmbedSettings = { collectorUrl: string; siteKey: string };

const escapeAttribute = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `html` with the first `name="…"` attribute's value set to `value`; throws when there is none. */
function setAttribute(html: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name}=)"[^"]*"`);
  if (!pattern.test(html))
    throw new Error(
      `demo/site/index.html: the outcome-survey script tag has no ${name}="…" for the demo server to set`,
    );
  return html.replace(pattern, (_, attribute: string) => `${attribute}"${escapeAttribute(value)}"`);
}

/**
 * The demo page with its widget's data-endpoint and data-site-key set to this run's. The file
 * itself holds working defaults (npm start's), so a copy served as a plain file works as is.
 */
export function withEmbedSettings(html: string, { collectorUrl, siteKey }: EmbedSettings): string {
  return setAttribute(setAttribute(html, 'data-endpoint', collectorUrl), 'data-site-key', siteKey);
}
