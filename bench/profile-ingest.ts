// Profiles the collector under the ingest bench's load: `npx tsx bench/profile-ingest.ts [sqlite|postgres]`.
// Starts the collector child with --cpu-prof, sends the same batches as bench/ingest.ts, and prints where its time
// went by phase (bench/cpu-profile-phases.ts). The .cpuprofile stays in the printed folder for Chrome DevTools.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { collectorEntry, SITE_KEY, startCollectorProcess } from './collector-process.ts';
import { phasesOf } from './cpu-profile-phases.ts';
import { postgresTarget, sqliteTarget } from './database-targets.ts';
import { encode, poster, sendAll } from './ingest-load.ts';
import { latestSurvey, makeBatch } from './survey-responses.ts';

const BATCH = 50;
const BATCHES = Number(process.env.BENCH_INGEST_BATCHES ?? 400);
const CONCURRENCY = 8;
const ORIGIN = 'http://127.0.0.1:9';

const root = resolve(import.meta.dirname, '..');
const kind = process.argv[2] ?? 'sqlite';
const dir = mkdtempSync(join(tmpdir(), 'ingest-profile-'));
collectorEntry(root);
const def = latestSurvey(root);
const target = kind === 'postgres' ? await postgresTarget(root, { durable: true }) : sqliteTarget(dir, 'file');
if (typeof target === 'string') throw new Error(`profile-ingest: no PostgreSQL (${target})`);
try {
  const collector = await startCollectorProcess(root, {
    databaseUrl: await target.fresh(),
    origins: [ORIGIN],
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  });
  const client = poster(collector.url, ORIGIN, BATCH);
  const bodies = Array.from({ length: BATCHES + 4 }, (_, i) => encode(SITE_KEY, makeBatch(def, i * BATCH, BATCH)));
  await sendAll(client, bodies.slice(0, 4), 2);
  const seconds = await sendAll(client, bodies.slice(4), CONCURRENCY);
  client.close();
  await collector.close();
  // The main thread's profile: the others are tsx's loader worker.
  const file = readdirSync(dir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
  if (!file) throw new Error(`profile-ingest: the collector wrote no .cpuprofile into ${dir}`);
  const phases = phasesOf(join(dir, file), /collector\/(routes|ingest|storage)\//);
  console.log(`${kind}: ${Math.round((BATCHES * BATCH) / seconds)} responses/s under --cpu-prof; ${join(dir, file)}`);
  console.log('| phase | ms | share |\n|---|---:|---:|');
  for (const p of phases) console.log(`| ${p.phase} | ${Math.round(p.ms)} | ${(p.share * 100).toFixed(1)}% |`);
} finally {
  await target.stop();
}
