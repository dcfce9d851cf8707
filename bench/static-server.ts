import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
};

export type StaticServer = {
  origin: string;
  pages: Map<string, string>;
  /** Scripts made by the bench itself (the first-question floor), served as JavaScript at their path. */
  scripts: Map<string, string>;
  close(): Promise<void>;
};

/** The host page's origin on loopback: pages set by the bench, and dist/ under /dist/. */
export async function startStaticServer(distDir: string): Promise<StaticServer> {
  const pages = new Map<string, string>();
  const scripts = new Map<string, string>();
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages.get(path);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(page);
    }
    const script = scripts.get(path);
    if (script !== undefined) {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      return res.end(script);
    }
    if (path === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    const rel = normalize(path.replace(/^\/dist\//, ''));
    if (!path.startsWith('/dist/') || rel.startsWith('..')) {
      res.writeHead(404);
      return res.end();
    }
    try {
      const body = await readFile(join(distDir, rel));
      res.writeHead(200, {
        'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
        'service-worker-allowed': '/',
      });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    pages,
    scripts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
