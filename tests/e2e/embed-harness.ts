import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../collector/config/load-config.ts';
import { silentLogger } from '../../collector/logging/logger.ts';
import { startCollector } from '../../collector/start-collector.ts';
import { startDemo } from '../../demo/start-demo.ts';
import { freePort } from '../support/free-port.ts';
import { launchChromium } from './support/launch-chromium.ts';

export { answerSurvey } from './support/answer-survey.ts';
export { launchChromium } from './support/launch-chromium.ts';

// Shared set-up of the embed browser tests: a collector and the demo host site on
// two origins, the demo's origin allowed for a test site key, and real Chromium.

export const SITE_KEY = 'embed-test-key';
/** A second key that lists only the demo's origin: the host pages' origin is one it does not list. */
export const DEMO_ONLY_SITE_KEY = 'embed-demo-only-key';
export const EXPORT_TOKEN = 'embed-test-export-token-0123456789';

export type EmbedStack = {
  demoUrl: string;
  /** The snapshot of dist/ both servers serve. */
  distDir: string;
  collectorUrl: string;
  /** Serves a host page (no CSP) from a second allowed origin that also serves dist/; returns its URL. */
  hostPage(html: string): string;
  exportCsv(): Promise<string>;
  close(): Promise<void>;
};

const builtDist = join(import.meta.dirname, '../../dist');

/**
 * Host pages made up by a test. Served by a real server, not page.route(): Chromium
 * treats a fulfilled response as coming from the public internet and then blocks
 * its requests to the loopback collector (Local Network Access).
 */
function startHostServer(port: number, dist: string) {
  const pages = new Map<string, string>();
  const server = createHttpServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    const page = pages.get(path);
    if (page !== undefined) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (/^\/[\w.-]+\.js$/.test(path)) {
      let body: Buffer | undefined;
      try {
        body = readFileSync(join(dist, path));
      } catch {
        // falls through to 404
      }
      if (body) return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
    }
    res.writeHead(404).end();
  });
  return new Promise<{ add(html: string): string; close(): Promise<void> }>((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        add(html) {
          const path = `/page-${pages.size + 1}.html`;
          pages.set(path, html);
          return `http://127.0.0.1:${port}${path}`;
        },
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

/**
 * learnerSecret: the test site key's, so its learnerRefs must be signed (issue 14).
 * env: more collector settings (e.g. MIN_CELL for exact small counts).
 */
export type EmbedStackOptions = { learnerSecret?: string; env?: Record<string, string> };

export async function startEmbedStack({ learnerSecret, env = {} }: EmbedStackOptions = {}): Promise<EmbedStack> {
  const dir = mkdtempSync(join(tmpdir(), 'embed-e2e-'));
  // A snapshot of the build: the hashed chunk names stay put even if dist/ is rebuilt meanwhile.
  const dist = join(dir, 'dist');
  cpSync(builtDist, dist, { recursive: true });
  const demoPort = await freePort();
  const hostPort = await freePort();
  const config = loadConfig(
    {
      DATABASE_URL: `sqlite:${join(dir, 'outcomes.sqlite')}`,
      EXPORT_TOKEN,
      SITE_KEYS: JSON.stringify({
        [SITE_KEY]: {
          origins: [`http://127.0.0.1:${demoPort}`, `http://127.0.0.1:${hostPort}`],
          ...(learnerSecret ? { learnerSecret } : {}),
        },
        [DEMO_ONLY_SITE_KEY]: { origins: [`http://127.0.0.1:${demoPort}`] },
      }),
      SURVEYS_DIR: 'surveys',
      ...env,
    },
    undefined,
  );
  const collector = await startCollector({ config, port: 0, host: '127.0.0.1', log: silentLogger, graceMs: 500 });
  const demo = await startDemo({ port: demoPort, collectorUrl: collector.url, siteKey: SITE_KEY, distDir: dist });
  const hosts = await startHostServer(hostPort, dist);
  return {
    demoUrl: demo.url,
    distDir: dist,
    hostPage: (html) => hosts.add(html),
    collectorUrl: collector.url,
    async exportCsv() {
      const res = await fetch(`${collector.url}/v1/export?format=csv`, {
        headers: { authorization: `Bearer ${EXPORT_TOKEN}` },
      });
      if (!res.ok) throw new Error(`export answered ${res.status}: ${await res.text()}`);
      return res.text();
    },
    async close() {
      await hosts.close();
      await demo.close();
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Page errors, console errors and CSP violations a page reports, to assert there are none (or exactly one). */
export function watchPage(page: Page): { pageErrors: string[]; consoleErrors: string[]; cspViolations: string[] } {
  const seen = { pageErrors: [] as string[], consoleErrors: [] as string[], cspViolations: [] as string[] };
  page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.consoleErrors.push(`${message.text()} ${message.location().url}`.trim());
    if (message.text().startsWith('csp-violation:')) seen.cspViolations.push(message.text());
  });
  // Reported through the console so the page gets no extra global.
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.info(`csp-violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return seen;
}

/**
 * Starts one stack and one browser for the calling file (or describe block) and stops them
 * after it. The fields are filled in by beforeAll, before any test reads them.
 */
export function useEmbedStack(options: EmbedStackOptions = {}): { stack: EmbedStack; browser: Browser } {
  const env = {} as { stack: EmbedStack; browser: Browser };
  beforeAll(async () => {
    env.stack = await startEmbedStack(options);
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.stack?.close();
  });
  return env;
}
