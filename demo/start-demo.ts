import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { withEmbedSettings } from './embed-settings.ts';

export type DemoOptions = { port: number; collectorUrl: string; siteKey: string; host?: string; distDir?: string };
export type Demo = { url: string; close(): Promise<void> };

const root = resolve(import.meta.dirname, '..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** The strict policy the widget promises to work under (issue 5): no inline script or style, no eval. */
export function demoCsp(collectorUrl: string): string {
  return `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${new URL(collectorUrl).origin}`;
}

/**
 * The fake course page on its own origin: demo/site/ for the page, dist/ for the
 * built widget and its service worker (served from this origin, as a host would).
 * The page is a plain file that works when copied; this server only points its widget at
 * this run's collector and site key, and adds the strict CSP.
 */
export async function startDemo(options: DemoOptions): Promise<Demo> {
  const collectorUrl = options.collectorUrl.replace(/\/+$/, '');
  const dirs = [join(root, 'demo/site'), options.distDir ?? join(root, 'dist')];
  const csp = demoCsp(collectorUrl);

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://demo').pathname;
    const file = normalize(decodeURIComponent(path === '/' ? '/index.html' : path));
    const headers = {
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    for (const dir of dirs) {
      const full = join(dir, file);
      if (!full.startsWith(`${dir}/`)) break;
      let body: Buffer | string;
      try {
        body = await readFile(full);
      } catch {
        continue; // not in this folder; try the next
      }
      if (file === '/index.html') {
        try {
          body = withEmbedSettings(body.toString('utf8'), { collectorUrl, siteKey: options.siteKey });
        } catch (error) {
          res
            .writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
            .end(`${(error as Error).message}\n`);
          return;
        }
      }
      res
        .writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${path}\n`);
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
