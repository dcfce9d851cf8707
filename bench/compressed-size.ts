import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// GNU gzip when present, as in shared/research/peer-bundles.md; Node's level 9 is within ~0.6 % of it.
const GNU_GZIP = '/usr/bin/gzip';
export const GZIP_METHOD = existsSync(GNU_GZIP) ? 'gzip -9 -n (GNU)' : 'node zlib level 9';

function gzipBytes(buf: Buffer): number {
  if (GZIP_METHOD.startsWith('node')) return gzipSync(buf, { level: 9 }).length;
  const r = spawnSync(GNU_GZIP, ['-9', '-n', '-c'], { input: buf, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`compressed-size: ${GNU_GZIP} exited ${r.status}: ${r.stderr}`);
  return r.stdout.length;
}

export type Sizes = { raw: number; gzip: number; brotli: number };

/** Each file compressed on its own, as a server sends it (same method as shared/research/peer-bundles.md). */
export function compressedSize(buf: Buffer): Sizes {
  return {
    raw: buf.length,
    gzip: gzipBytes(buf),
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

export function totalSize(files: string[]): Sizes {
  return files
    .map((f) => compressedSize(readFileSync(f)))
    .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), {
      raw: 0,
      gzip: 0,
      brotli: 0,
    });
}
