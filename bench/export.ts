import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Bench, BenchSkip } from './bench-result.ts';
import { fillSqlite } from './export-fill.ts';
import { type Measured, measured } from './measured-process.ts';
import { fmt, median, ratio } from './stats.ts';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const BUDGET_SECONDS = 360;
const OURS_TIMEOUT_S = Number(process.env.BENCH_EXPORT_TIMEOUT ?? 300);
const SQLITE3 = '/usr/bin/sqlite3';
const CLI = 'collector/cli/export.ts';
// The same rows our export reads: each response joined to its sensitive part, in export order.
const QUERY =
  'SELECT r.*, s.answers AS sensitive_answers, s.flags AS sensitive_flags FROM responses r LEFT JOIN sensitive_answers s ON s.response_id = r.id ORDER BY r.submitted_at, r.id';

export const exportBench: Bench = {
  id: 'export',
  title: `Export: ${fmt.int(ROWS)} responses to CSV against sqlite3 -csv`,
  async run(ctx) {
    if (!existsSync(join(ctx.root, CLI))) throw new BenchSkip(`export: ${CLI} is missing (issue 8 has not landed)`);
    if (!existsSync(SQLITE3)) throw new BenchSkip(`export: ${SQLITE3} is missing (apt-get install sqlite3)`);
    const db = join(ctx.tmp, 'export.sqlite');
    const t0 = performance.now();
    await fillSqlite(ctx.root, db, ROWS);
    ctx.log(
      `  filled ${fmt.int(ROWS)} responses through the storage adapter in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const oursOut = join(ctx.tmp, 'ours.csv');
    const refOut = join(ctx.tmp, 'sqlite3.csv');
    // Vite's build (the weight bench, earlier in a full run) sets NODE_ENV=production in this process; the
    // export CLI would then ask for EXPORT_TOKEN, which a researcher's local export does not need.
    const { NODE_ENV: _built, ...inherited } = process.env;
    const env = { ...inherited, DATABASE_URL: `sqlite:${db}` };
    const oursArgs = [...npmScriptNodeArgs(ctx.root), '--format', 'csv', '--out', oursOut];
    const refArgs = ['-csv', '-header', db, QUERY];
    const runOurs = Object.assign(
      () => measured(process.execPath, oursArgs, { cwd: ctx.root, env, timeoutMs: OURS_TIMEOUT_S * 1000 }),
      {
        tenth: () =>
          measured(
            process.execPath,
            [...oursArgs.slice(0, -1), join(ctx.tmp, 'tenth.csv'), '--to', tenthBound(db, ROWS)],
            {
              cwd: ctx.root,
              env,
              timeoutMs: OURS_TIMEOUT_S * 1000,
            },
          ),
      },
    );
    // sqlite3 writes to stdout; `.once FILE` would change what is measured, so redirect through a shell.
    const runRef = () =>
      measured('/bin/sh', ['-c', `${SQLITE3} ${refArgs.slice(0, 3).join(' ')} "${QUERY}" > ${refOut}`], {
        cwd: ctx.root,
        timeoutMs: 240_000,
      });

    const ours: Measured[] = [];
    const ref: Measured[] = [];
    // Interleaved, and which side goes first alternates, so a burst of load from elsewhere on the machine (or a
    // page cache warmed by the run before) favours neither; fewer runs when one pair already takes most of the
    // budget (the whole bench must stay under 15 minutes).
    const started = performance.now();
    for (let i = 0; i < RUNS; i++) {
      if (i % 2 === 0) ours.push(await runOurs());
      ref.push(await runRef());
      if (i % 2 === 1) ours.push(await runOurs());
      ctx.log(`  run: ours ${ours.at(-1)?.seconds.toFixed(1)} s, sqlite3 ${ref.at(-1)?.seconds.toFixed(1)} s`);
      const spent = (performance.now() - started) / 1000;
      if (ours.at(-1)?.timedOut || spent + spent / (i + 1) > BUDGET_SECONDS) break;
    }
    // Memory must not grow with the rows: the same export of the first tenth of the file (a --to filter).
    const tenth = await runOurs.tenth();
    const oursRate = ROWS / median(ours.map((m) => m.seconds));
    // Killed at the limit: the true rate is lower than this, so the ratio is an upper bound.
    const bound = ours.some((m) => m.timedOut) ? '< ' : '';
    const refRate = ROWS / median(ref.map((m) => m.seconds));
    const peak = (ms: Measured[]) =>
      ms.every((m) => m.peakRssBytes) ? median(ms.map((m) => m.peakRssBytes as number)) : undefined;
    const oursPeak = peak(ours);
    const refPeak = peak(ref);
    const sqliteVersion = spawnSync(SQLITE3, ['-version'], { encoding: 'utf8' }).stdout.split(' ')[0];
    return {
      rows: [
        {
          measure: 'Rows/s to CSV (share of sqlite3 -csv speed)',
          ours: `${bound}${fmt.perSecond(oursRate)}`,
          reference: fmt.perSecond(refRate),
          ratio: ratio(oursRate, refRate),
          note: bound
            ? `our export was killed after ${OURS_TIMEOUT_S} s (the ratio is an upper bound); sqlite3 file ${fmt.mib(statSync(refOut).size)}`
            : `median of ${ours.length}; files ${fmt.mib(statSync(oursOut).size)} vs ${fmt.mib(statSync(refOut).size)}`,
        },
        {
          measure: `Peak memory, ${fmt.int(ROWS / 10)} → ${fmt.int(ROWS)} rows (× the smaller export)`,
          ours: oursPeak ? fmt.mib(oursPeak) : 'n/a',
          reference: tenth.peakRssBytes ? fmt.mib(tenth.peakRssBytes) : 'n/a',
          ratio: oursPeak && tenth.peakRssBytes ? ratio(oursPeak, tenth.peakRssBytes) : undefined,
          note: `our export of the first tenth of the same file (--to), one run; flat memory is a ratio near 1`,
        },
        {
          measure: 'Peak memory (× sqlite3)',
          ours: oursPeak ? fmt.mib(oursPeak) : 'n/a',
          reference: refPeak ? fmt.mib(refPeak) : 'n/a',
          ratio: oursPeak && refPeak ? ratio(oursPeak, refPeak) : undefined,
          note: `peak RSS from /usr/bin/time -v, Node start-up included${bound ? '; ours up to the kill' : ''}`,
        },
      ],
      data: {
        rows: ROWS,
        runs: ours.length,
        ours: ours.map(({ stderr, ...m }) => m),
        sqlite3: ref.map(({ stderr, ...m }) => m),
        oursRate,
        refRate,
        oursPeak,
        refPeak,
        tenth: { seconds: tenth.seconds, peakRssBytes: tenth.peakRssBytes },
      },
      summary: {
        ...(bound ? {} : { export_csv_ratio: oursRate / refRate }),
        ...(oursPeak ? { export_peak_rss_mib: oursPeak / 1024 / 1024 } : {}),
      },
      versions: { node: process.versions.node, sqlite3: sqliteVersion },
      commands: [
        `DATABASE_URL=sqlite:DB /usr/bin/time -v node ${npmScriptNodeArgs(ctx.root).join(' ')} --format csv --out FILE  (= npm run export -- --format csv --out FILE, without npm's start-up)`,
        `/usr/bin/time -v sqlite3 -csv -header DB "${QUERY}" > FILE`,
      ],
    };
  },
};

/** A --to bound (exclusive) that leaves the first tenth of the rows in export order. */
function tenthBound(file: string, rows: number): string {
  const db = new Database(file, { readonly: true });
  try {
    const row = db
      .prepare<[number], { at: string }>(
        'SELECT submitted_sent AS at FROM responses INDEXED BY responses_export ORDER BY submitted_at, id LIMIT 1 OFFSET ?',
      )
      .get(Math.floor(rows / 10));
    if (!row)
      throw new Error(`bench export: the file holds fewer than ${rows / 10} responses; fillSqlite left it short`);
    return row.at;
  } finally {
    db.close();
  }
}

/**
 * The node arguments of `npm run export` (package.json's script, "node" dropped), so the bench runs what a
 * researcher runs, V8 flags included, without npm's own start-up.
 */
function npmScriptNodeArgs(root: string): string[] {
  const script: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.export;
  const words = typeof script === 'string' ? script.split(/\s+/) : [];
  if (words[0] !== 'node' || !words.includes(CLI))
    throw new Error(
      `bench export: package.json's "export" script should be "node … ${CLI}", found ${JSON.stringify(script)}`,
    );
  return words.slice(1);
}
