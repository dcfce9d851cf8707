import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Bench, type BenchContext, BenchSkip } from './bench-result.ts';
import { benches } from './benches.ts';
import { type Results, replaceReadmeBlock, reportTable, rowLine } from './report-table.ts';
import { summaryOf } from './summary.ts';

const root = process.cwd();
const latestFile = join(root, 'bench/results/latest.json');

function selected(argv: string[]): Bench[] {
  const i = argv.indexOf('--only');
  const only = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--only='))?.slice(7);
  if (!only) return benches;
  const ids = only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !benches.some((b) => b.id === id));
  if (unknown.length) {
    console.error(
      `bench: unknown benchmark ${unknown.join(', ')} in --only; choose from ${benches.map((b) => b.id).join(', ')}`,
    );
    process.exit(2);
  }
  return benches.filter((b) => ids.includes(b.id));
}

async function main(): Promise<void> {
  const chosen = selected(process.argv.slice(2));
  const started = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'outcome-bench-'));
  const previous: Results | undefined = existsSync(latestFile)
    ? JSON.parse(readFileSync(latestFile, 'utf8'))
    : undefined;
  const results: Results = {
    startedAt: new Date(started).toISOString(),
    seconds: 0,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.versions.node,
      platform: `${process.platform} ${process.arch}`,
    },
    // A partial run (--only) keeps the other benches' last results, each with the time it ran.
    benches: { ...(previous?.benches ?? {}) },
  };
  const ctx: BenchContext = { root, tmp, log: (l) => console.log(l), earlier: {} };
  try {
    for (const bench of chosen) {
      console.log(`\n== ${bench.title} [${bench.id}]`);
      const t0 = Date.now();
      const seconds = () => Math.round((Date.now() - t0) / 100) / 10;
      let record: Results['benches'][string];
      try {
        const outcome = await bench.run(ctx);
        record = { status: 'ok', seconds: seconds(), ...outcome, title: bench.title, ranAt: new Date().toISOString() };
        for (const r of outcome.rows) console.log(rowLine(r));
        for (const c of outcome.commands) console.log(`  command: ${c}`);
        console.log(
          `  versions: ${Object.entries(outcome.versions)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
        );
      } catch (err) {
        const skipped = err instanceof BenchSkip;
        const reason = skipped ? (err as Error).message : `${(err as Error).stack ?? err}`;
        record = {
          status: skipped ? 'skipped' : 'failed',
          seconds: seconds(),
          reason,
          title: bench.title,
          ranAt: new Date().toISOString(),
        };
        console.log(`  ${skipped ? 'SKIPPED' : 'FAILED'}: ${reason}`);
      }
      console.log(`  (${record.seconds} s)`);
      ctx.earlier[bench.id] = record;
      results.benches[bench.id] = record;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  results.seconds = Math.round((Date.now() - started) / 1000);
  // Keep the table in the canonical bench order whatever the --only order was.
  results.benches = Object.fromEntries(
    benches.filter((b) => results.benches[b.id]).map((b) => [b.id, results.benches[b.id]]),
  );
  results.summary = summaryOf(results);
  const missing = Object.entries(results.summary).filter(([, v]) => v === null);
  if (missing.length) console.log(`summary: no figure yet for ${missing.map(([k]) => k).join(', ')}`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(latestFile, `${JSON.stringify(results, null, 2)}\n`);
  const table = reportTable(results);
  writeFileSync(join(root, 'bench/README-table.md'), `${table}\n`);
  const readme = join(root, 'README.md');
  if (existsSync(readme)) {
    const text = readFileSync(readme, 'utf8');
    const updated = replaceReadmeBlock(text, table);
    if (updated !== text) writeFileSync(readme, updated);
  }
  console.log(`\nwrote bench/results/latest.json and bench/README-table.md; total ${results.seconds} s`);
  // A child's leftover handle (a keep-alive socket, a browser pipe) must not keep the command waiting.
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
