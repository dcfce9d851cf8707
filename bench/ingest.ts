import { type Bench, BenchSkip, type Row } from './bench-result.ts';
import { collectorEntry, SITE_KEY, startCollectorProcess } from './collector-process.ts';
import { type DatabaseTarget, postgresTarget, sqliteTarget } from './database-targets.ts';
import { readIngestedRows } from './db-rows.ts';
import { adapterPragmas, directInsert } from './direct-insert.ts';
import { type Body, encode, poster, sendAll, sendAtRate } from './ingest-load.ts';
import { fmt, median, percentile, ratio, repeat } from './stats.ts';
import { assertValid, latestSurvey, makeBatch } from './survey-responses.ts';

const BATCH = 50;
const BATCHES_PER_RUN = Number(process.env.BENCH_INGEST_BATCHES ?? 200);
const RUNS = 3;
const CONCURRENCY = 8;
const RATE = 20; // batches per second for the latency figure: 1,000 responses/s
const RATE_SECONDS = 10;
const ORIGIN = 'http://127.0.0.1:9';

export const ingest: Bench = {
  id: 'ingest',
  title: 'Ingest: POST /v1/responses against the storage limit',
  async run(ctx) {
    collectorEntry(ctx.root);
    const def = latestSurvey(ctx.root);
    assertValid(def, makeBatch(def, 0, 1)[0]);
    let serial = 0;
    const bodies = (count: number): Body[] =>
      Array.from({ length: count }, () => {
        serial += BATCH;
        return encode(SITE_KEY, makeBatch(def, serial, BATCH));
      });

    const sqliteVersion = (await import('better-sqlite3'))
      .default(':memory:')
      .prepare('select sqlite_version() v')
      .get() as { v: string };
    const targets: DatabaseTarget[] = [sqliteTarget(ctx.tmp, sqliteVersion.v)];
    const pg = await postgresTarget(ctx.root, { durable: true });
    if (typeof pg === 'string') ctx.log(`  PostgreSQL rows skipped: ${pg}`);
    else targets.push(pg);

    const rows: Row[] = [];
    const summary: { ingest_sqlite_ratio?: number; ingest_postgres_ratio?: number } = {};
    const data: Record<string, unknown> = {
      batch: BATCH,
      responsesPerRun: BATCHES_PER_RUN * BATCH,
      runs: RUNS,
      concurrency: CONCURRENCY,
    };
    const versions: Record<string, string> = { node: process.versions.node, survey: `${def.id} v${def.version}` };
    if (typeof pg === 'string') data.postgresSkipped = pg;
    try {
      for (const target of targets) {
        versions[target.name] = target.version;
        const runs = await repeat(RUNS, async () => {
          const url = await target.fresh();
          const collector = await startCollectorProcess(ctx.root, { databaseUrl: url, origins: [ORIGIN] });
          const client = poster(collector.url, ORIGIN, BATCH);
          let seconds: number;
          try {
            await sendAll(client, bodies(4), 2); // warm-up: JIT, prepared statements, connection pool
            const load = bodies(BATCHES_PER_RUN);
            seconds = await sendAll(client, load, CONCURRENCY);
          } finally {
            client.close();
            await collector.close();
          }
          const stored = await readIngestedRows(url);
          const limitUrl = await target.fresh();
          await (await (await import('../collector/storage/open-storage.ts')).openStorage(limitUrl)).close();
          const limitSeconds = await directInsert(ctx.root, limitUrl, stored, BATCH);
          const ours = (BATCHES_PER_RUN * BATCH) / seconds;
          const limit = stored.rows.length / limitSeconds;
          ctx.log(`  ${target.name} run: ours ${fmt.perSecond(ours)}, straight inserts ${fmt.perSecond(limit)}`);
          return { ours, limit };
        });
        const ours = median(runs.map((r) => r.ours));
        const limit = median(runs.map((r) => r.limit));
        const latency = await latencyAtRate(ctx.root, target, bodies(RATE * RATE_SECONDS));
        data[target.name] = { runs, ours, limit, ratio: ratio(ours, limit), latency };
        summary[target.name === 'SQLite' ? 'ingest_sqlite_ratio' : 'ingest_postgres_ratio'] = ratio(ours, limit);
        rows.push({
          measure: `${target.name}: responses/s through POST vs straight batched inserts (share of the limit)`,
          ours: fmt.perSecond(ours),
          reference: fmt.perSecond(limit),
          ratio: ratio(ours, limit),
          note: `median of ${RUNS} runs of ${fmt.int(BATCHES_PER_RUN * BATCH)} responses, ${CONCURRENCY} requests in flight`,
        });
        rows.push({
          measure: `${target.name}: latency p50 / p99 at ${fmt.int(RATE * BATCH)} responses/s`,
          ours: `${fmt.ms(latency.p50)} / ${fmt.ms(latency.p99)}`,
          note: `${latency.n} batches of ${BATCH} over ${RATE_SECONDS} s, open loop`,
        });
      }
    } finally {
      for (const t of targets) await t.stop();
    }
    if (rows.length === 0) throw new BenchSkip('ingest: no database target ran');
    return {
      rows,
      summary,
      data,
      versions,
      commands: [
        `collector in a child process (${collectorEntry(ctx.root).replace(`${ctx.root}/`, '')}), NODE_ENV=production, rate limits raised`,
        `POST /v1/responses, batches of ${BATCH}, ${CONCURRENCY} in flight, keep-alive, from the bench process`,
        `limit: the stored rows copied into an empty database with the adapter's schema and pragmas (${adapterPragmas(ctx.root).join('; ')}), one transaction per ${BATCH}; PostgreSQL via json_populate_recordset, fsync on for both`,
      ],
    };
  },
};

async function latencyAtRate(root: string, target: DatabaseTarget, load: Body[]) {
  const collector = await startCollectorProcess(root, { databaseUrl: await target.fresh(), origins: [ORIGIN] });
  const client = poster(collector.url, ORIGIN, BATCH);
  try {
    const ms = await sendAtRate(client, load, RATE);
    return { n: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms) };
  } finally {
    client.close();
    await collector.close();
  }
}
