import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { co2 } from '@tgwf/co2';
import { type Bench, BenchSkip, type Row } from './bench-result.ts';
import { fmt, ratio } from './stats.ts';
import { latestSurvey } from './survey-responses.ts';
import type { WeightData } from './weight.ts';
import { computedWireBytes, type WireBytes } from './wire-bytes.ts';

const PER = 1000;

export const footprint: Bench = {
  id: 'footprint',
  title: 'Footprint: grams CO2e (Sustainable Web Design v4, @tgwf/co2)',
  async run(ctx) {
    const w = ctx.earlier.weight;
    if (w?.status !== 'ok')
      throw new BenchSkip('footprint: needs the weight bench in the same run (add weight to --only)');
    const weight = w.data as unknown as WeightData;
    const s = ctx.earlier.sync;
    const wire: WireBytes = s?.status === 'ok' ? (s.data.wire as WireBytes) : computedWireBytes(latestSurvey(ctx.root));
    const model = new co2({ model: 'swd', version: 4 });
    const grams = (bytes: number) => model.perByte(bytes * PER, false);

    const display = weight.ours && grams(weight.ours.brotli);
    const rows: Row[] = [
      {
        measure: `Per ${fmt.int(PER)} survey displays (first visit, brotli bytes)`,
        ours: display === undefined ? 'n/a' : fmt.grams(display),
        note: weight.ours ? `${fmt.bytes(weight.ours.brotli)} each, nothing cached` : weight.oursUnavailable,
      },
    ];
    const peers = weight.peers.map((p) => ({ name: p.name, grams: grams(p.sizes.brotli) }));
    for (const p of peers)
      rows.push({
        measure: `${p.name} per ${fmt.int(PER)} displays: × ours`,
        ours: display === undefined ? 'n/a' : fmt.grams(display),
        reference: fmt.grams(p.grams),
        ratio: display === undefined ? undefined : ratio(p.grams, display),
      });
    const synced = grams(wire.perResponseGzip);
    rows.push({
      measure: `Per ${fmt.int(PER)} synced responses (gzip body)`,
      ours: fmt.grams(synced),
      note: `${wire.perResponseGzip.toFixed(0)} B/response gzip, ${wire.perResponse.toFixed(0)} B plain; ${wire.source}`,
    });
    return {
      rows,
      data: {
        perDisplays: PER,
        displayGrams: display,
        syncedGrams: synced,
        syncedGramsPlain: grams(wire.perResponse),
        peers,
        wire,
      },
      versions: {
        '@tgwf/co2': co2Version(ctx.root),
        model: 'Sustainable Web Design v4, global grid intensity, not green hosted',
      },
      commands: ["new co2({ model: 'swd', version: 4 }).perByte(bytes × 1000)"],
    };
  },
};

function co2Version(root: string): string {
  return JSON.parse(readFileSync(join(root, 'node_modules/@tgwf/co2/package.json'), 'utf8')).version;
}
