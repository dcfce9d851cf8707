import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { loadConfig } from '../../../collector/config/load-config.ts';
import { silentLogger } from '../../../collector/logging/logger.ts';
import { startCollector } from '../../../collector/start-collector.ts';
import { freePort } from '../../support/free-port.ts';

// The demo page as a product team would copy it: demo/site/ and dist/ in one folder, served
// as plain files (no CSP, no substitution) from its own origin, beside a running collector.

const repo = join(import.meta.dirname, '../../..');
const COPY_SITE_KEY = 'copied-demo-key';
const EXPORT_TOKEN = 'copied-demo-export-token-0123456789';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export type CopiedDemo = {
  /** The copy with its two attributes set to the running collector and its key. */
  pageUrl: string;
  /** The same copy pointing at a port where no collector listens. */
  offlinePageUrl: string;
  offlineEndpoint: string;
  /** The copy's index.html exactly as served. */
  served(): Promise<string>;
  exportCsv(): Promise<string>;
  close(): Promise<void>;
};

/** The copy with its widget pointed elsewhere, as its README says: only the two attribute values change. */
function pointAt(html: string, endpoint: string, siteKey: string): string {
  const defaults = ['data-endpoint="http://127.0.0.1:8787"', 'data-site-key="demo-site-key"'];
  for (const text of defaults)
    if (!html.includes(text)) throw new Error(`demo/site/index.html no longer holds the default ${text}`);
  return html.replace(defaults[0], `data-endpoint="${endpoint}"`).replace(defaults[1], `data-site-key="${siteKey}"`);
}

export async function startCopiedDemo(): Promise<CopiedDemo> {
  const dir = mkdtempSync(join(tmpdir(), 'copied-demo-'));
  const site = join(dir, 'site');
  cpSync(join(repo, 'demo/site'), site, { recursive: true });
  cpSync(join(repo, 'dist'), site, { recursive: true });
  const [sitePort, offlinePort] = await Promise.all([freePort(), freePort()]);
  const origin = `http://127.0.0.1:${sitePort}`;
  const config = loadConfig(
    {
      DATABASE_URL: `sqlite:${join(dir, 'outcomes.sqlite')}`,
      EXPORT_TOKEN,
      SITE_KEYS: JSON.stringify({ [COPY_SITE_KEY]: { origins: [origin] } }),
      SURVEYS_DIR: 'surveys',
    },
    undefined,
  );
  const collector = await startCollector({ config, port: 0, host: '127.0.0.1', log: silentLogger, graceMs: 500 });
  const original = readFileSync(join(site, 'index.html'), 'utf8');
  const offlineEndpoint = `http://127.0.0.1:${offlinePort}`;
  writeFileSync(join(site, 'index.html'), pointAt(original, collector.url, COPY_SITE_KEY));
  writeFileSync(join(site, 'offline.html'), pointAt(original, offlineEndpoint, COPY_SITE_KEY));

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    const file = join(site, normalize(decodeURIComponent(path === '/' ? '/index.html' : path)));
    let body: Buffer;
    try {
      if (!file.startsWith(`${site}/`)) throw new Error('outside the site');
      body = readFileSync(file);
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((done) => server.listen(sitePort, '127.0.0.1', () => done()));

  return {
    pageUrl: `${origin}/`,
    offlinePageUrl: `${origin}/offline.html`,
    offlineEndpoint,
    served: async () => (await fetch(`${origin}/`)).text(),
    async exportCsv() {
      const res = await fetch(`${collector.url}/v1/export?format=csv`, {
        headers: { authorization: `Bearer ${EXPORT_TOKEN}` },
      });
      if (!res.ok) throw new Error(`export answered ${res.status}: ${await res.text()}`);
      return res.text();
    },
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
