import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { type Bench, type BenchContext, BenchSkip, type Row } from './bench-result.ts';
import { GZIP_METHOD, type Sizes, totalSize } from './compressed-size.ts';
import { installCommand, installPeers, peerFiles } from './peer-packages.ts';
import { fmt, ratio } from './stats.ts';
import { ensureBuild, SERVICE_WORKER, widgetFiles } from './widget-build.ts';
import { withWidgetHarness } from './widget-harness.ts';

/** How long the weight bench's learner reads the intro before pressing Start. */
const READ_INTRO_MS = 1000;

export type PeerWeight = {
  name: string;
  sizes: Sizes;
  files: string[];
  note?: string;
  ratioBrotli?: number;
  ratioGzip?: number;
};
export type WeightData = {
  ours?: Sizes & { files: string[] };
  oursUnavailable?: string;
  how?: string;
  serviceWorker?: Sizes;
  peers: PeerWeight[];
  peersUnavailable?: string;
};

export const weight: Bench = {
  id: 'weight',
  title: 'Weight: bytes a page downloads to show the first question',
  async run(ctx) {
    const data: WeightData = { peers: [] };
    const versions: Record<string, string> = {
      'outcome-survey': pkgVersion(ctx.root),
      node: process.versions.node,
      gzip: GZIP_METHOD,
      brotli: `node zlib q11 (brotli ${process.versions.brotli ?? '?'})`,
    };
    const rows: Row[] = [];
    try {
      await ensureBuild(ctx.root, ctx.log);
      const { files, how } = await downloadedFiles(ctx);
      data.how = how;
      data.ours = { ...totalSize(files), files: files.map((f) => relative(ctx.root, f)) };
      const sw = join(ctx.root, SERVICE_WORKER);
      if (existsSync(sw)) data.serviceWorker = totalSize([sw]);
      rows.push({
        measure: 'Ours: widget to first question, brotli / gzip',
        ours: `${fmt.bytes(data.ours.brotli)} / ${fmt.bytes(data.ours.gzip)}`,
        note: `${files.length} files (${how}): ${files
          .map((f) =>
            basename(f) === 'outcome-survey.js'
              ? 'loader'
              : basename(f)
                  .replace(/^outcome-survey-/, '')
                  .replace(/-[\w-]{8}\.js$/, ''),
          )
          .join(', ')}`,
      });
      if (data.serviceWorker)
        rows.push({
          measure: 'Ours: service worker (fetched apart, does not block), brotli',
          ours: fmt.bytes(data.serviceWorker.brotli),
        });
    } catch (err) {
      if (!(err instanceof BenchSkip)) throw err;
      data.oursUnavailable = err.message;
      ctx.log(`  ours not measured: ${err.message}`);
    }

    const peerDir = join(ctx.tmp, 'peers');
    const installed =
      process.env.BENCH_OFFLINE === '1' ? { ok: false as const, reason: 'BENCH_OFFLINE=1' } : installPeers(peerDir);
    if (!installed.ok) {
      data.peersUnavailable = installed.reason;
      ctx.log(`  peers not measured: ${installed.reason}; printing ours alone`);
    } else {
      for (const peer of peerFiles(peerDir)) {
        Object.assign(versions, peer.versions);
        const sizes = totalSize(peer.files);
        const ours = data.ours;
        data.peers.push({
          name: peer.name,
          sizes,
          files: peer.files.map((f) => relative(join(peerDir, 'node_modules'), f)),
          note: peer.note,
          ratioBrotli: ours && ratio(sizes.brotli, ours.brotli),
          ratioGzip: ours && ratio(sizes.gzip, ours.gzip),
        });
        rows.push({
          measure: `${peer.name}: × our bytes (brotli)`,
          ours: ours ? fmt.bytes(ours.brotli) : 'n/a',
          reference: fmt.bytes(sizes.brotli),
          ratio: ours && ratio(sizes.brotli, ours.brotli),
          note: `gzip ${fmt.bytes(sizes.gzip)}${ours ? ` (${ratio(sizes.gzip, ours.gzip)}×)` : ''}${peer.note ? `; ${peer.note}` : ''}`,
        });
      }
    }
    if (!data.ours && data.peers.length === 0) throw new BenchSkip(`${data.oursUnavailable}; ${data.peersUnavailable}`);
    return {
      rows,
      data,
      versions,
      commands: [
        'npm run build',
        `dist/ files Chromium fetched until the first question showed (first-question host page, unthrottled, Start pressed ${READ_INTRO_MS / 1000} s after the intro appeared); each gzip -9 -n and brotli q11 on its own, summed`,
        installCommand('TMP'),
      ],
    };
  },
};

/**
 * The dist/ files a host page fetched before the first question was visible, recorded in
 * Chromium; without a browser or collector, every chunk reachable from the loader (an upper bound).
 */
async function downloadedFiles(ctx: BenchContext): Promise<{ files: string[]; how: string }> {
  try {
    // A learner reads the intro before pressing Start; the widget fetches the later screens' chunk
    // meanwhile, so it is counted (pressing at once would leave it out by a race).
    const timing = await withWidgetHarness(ctx, (h) => h.firstQuestion(1, { readIntroMs: READ_INTRO_MS }));
    const files = timing.resources
      .map((r) => new URL(r.name).pathname)
      .filter((p) => p.startsWith('/dist/'))
      .map((p) => join(ctx.root, 'dist', p.slice('/dist/'.length)));
    return {
      files: [...new Set(files)],
      how: `fetched by Chromium before the first question showed, fr/FR, Start pressed ${READ_INTRO_MS / 1000} s after the intro`,
    };
  } catch (err) {
    ctx.log(
      `  could not record a page load (${(err as Error).message.split('\n')[0]}); counting every chunk reachable from the loader`,
    );
    return { files: widgetFiles(ctx.root), how: 'every chunk reachable from the loader: an upper bound' };
  }
}

function pkgVersion(root: string): string {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
}
