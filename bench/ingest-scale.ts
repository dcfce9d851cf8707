import pg from 'pg';
import { type Bench, BenchSkip } from './bench-result.ts';
import { type CollectorProcess, collectorEntry, SITE_KEY, startCollectorProcess } from './collector-process.ts';
import { postgresTarget } from './database-targets.ts';
import { type Body, encode, type Poster, poster, sendAll } from './ingest-load.ts';
import { clusterCpuSeconds, cpuSeconds } from './process-cpu.ts';
import { fmt, median, ratio } from './stats.ts';
import { assertValid, latestSurvey, makeBatch } from './survey-responses.ts';

const BATCH = 50;
const BATCHES_PER_RUN = Number(process.env.BENCH_SCALE_BATCHES ?? 200);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 3);
const CONCURRENCY = 8;
const ORIGIN = 'http://127.0.0.1:9';
const INSTANCES = [1, 3] as const;
// Reading the CPU counters between warm-up and load can leave a keep-alive socket idle past the default 5 s; the
// server then closes it as the client reuses it (ECONNRESET). The bench keeps its sockets open instead.
const KEEP_ALIVE_MS = '600000';

type Run = {
  instances: number;
  perSecond: number;
  seconds: number;
  /** CPU seconds during the load, by who spent them. */
  cpu: { load: number; collectors: number; database: number };
};

/** Posts to the instances in turn, as a round-robin balancer would. */
function roundRobin(posters: Poster[]): Poster {
  let next = 0;
  return {
    post: (body) => posters[next++ % posters.length].post(body),
    close: () => {
      for (const p of posters) p.close();
    },
  };
}

export const ingestScale: Bench = {
  id: 'ingest-scale',
  title: 'Scale: ingest through 3 collector processes over one PostgreSQL against 1',
  async run(ctx) {
    collectorEntry(ctx.root);
    const def = latestSurvey(ctx.root);
    assertValid(def, makeBatch(def, 0, 1)[0]);
    // Durable as docs/scaling-out.md deploys it: an ack costs a real fsync'd commit.
    const target = await postgresTarget(ctx.root, { durable: true });
    if (typeof target === 'string') throw new BenchSkip(`ingest-scale: ${target}`);
    let serial = 0;
    const batches = (count: number) =>
      Array.from({ length: count }, () => {
        const responses = makeBatch(def, serial, BATCH);
        serial += BATCH;
        return { ids: responses.map((r) => r.id), body: encode(SITE_KEY, responses) };
      });
    const runs: Run[] = [];
    try {
      for (let round = 0; round < RUNS; round++) {
        // Alternating 1 and 3 in every round, so a change in the machine's load touches both alike.
        for (const instances of INSTANCES) {
          const url = await target.fresh();
          const run = await oneRun(ctx.root, url, instances, batches);
          runs.push(run);
          ctx.log(
            `  ${instances} collector${instances > 1 ? 's' : ''}: ${fmt.perSecond(run.perSecond)}; CPU s load ${run.cpu.load.toFixed(1)}, collectors ${run.cpu.collectors.toFixed(1)}, PostgreSQL ${run.cpu.database.toFixed(1)} in ${run.seconds.toFixed(1)} s`,
          );
        }
      }
    } finally {
      await target.stop();
    }
    const of = (n: number) => runs.filter((r) => r.instances === n);
    const throughput = (n: number) => median(of(n).map((r) => r.perSecond));
    const cores = (n: number, k: keyof Run['cpu']) => median(of(n).map((r) => r.cpu[k] / r.seconds));
    const scale = ratio(throughput(3), throughput(1));
    const busy = (n: number) =>
      `load ${cores(n, 'load').toFixed(2)} + collectors ${cores(n, 'collectors').toFixed(2)} + PostgreSQL ${cores(n, 'database').toFixed(2)} cores`;
    return {
      rows: [
        {
          measure: 'PostgreSQL (fsync on): responses/s through 3 collector processes vs 1, same load round-robin',
          ours: fmt.perSecond(throughput(3)),
          reference: fmt.perSecond(throughput(1)),
          ratio: scale,
          note: `median of ${RUNS} runs of ${fmt.int(BATCHES_PER_RUN * BATCH)} responses each, ${CONCURRENCY} in flight; CPU busy with 1: ${busy(1)}; with 3: ${busy(3)}; every acked id stored once`,
        },
      ],
      data: { batch: BATCH, batchesPerRun: BATCHES_PER_RUN, concurrency: CONCURRENCY, runs },
      versions: { node: process.versions.node, PostgreSQL: target.version, survey: `${def.id} v${def.version}` },
      commands: [
        `N collector child processes (${collectorEntry(ctx.root).replace(`${ctx.root}/`, '')}) over one PostgreSQL started with fsync on, each with its own pool, IDLE_TIMEOUT_MS=${KEEP_ALIVE_MS}`,
        `POST /v1/responses, batches of ${BATCH}, ${CONCURRENCY} in flight in total, request k to instance k mod N`,
        'CPU: /proc/PID/stat of the bench process, the collectors, and the cluster (postmaster, its children, reaped ones)',
      ],
      summary: { ingest_scale_3_over_1: scale },
    };
  },
};

async function oneRun(
  root: string,
  url: string,
  instances: number,
  batches: (count: number) => { ids: string[]; body: Body }[],
): Promise<Run> {
  // Started together, as a deploy does: the migrations' advisory lock lets one migrate and the others wait.
  const collectors: CollectorProcess[] = await Promise.all(
    Array.from({ length: instances }, () =>
      startCollectorProcess(root, { databaseUrl: url, origins: [ORIGIN], env: { IDLE_TIMEOUT_MS: KEEP_ALIVE_MS } }),
    ),
  );
  const client = roundRobin(collectors.map((c) => poster(c.url, ORIGIN, BATCH)));
  try {
    // Warm-up: two batches per instance (JIT, pool connections).
    const warm = batches(2 * instances);
    await sendAll(
      client,
      warm.map((b) => b.body),
      instances,
    );
    const load = batches(BATCHES_PER_RUN);
    const before = await cpuNow(url, collectors);
    const seconds = await sendAll(
      client,
      load.map((b) => b.body),
      CONCURRENCY,
    );
    const after = await cpuNow(url, collectors);
    await assertStoredOnce(
      url,
      [...warm, ...load].flatMap((b) => b.ids),
    );
    return {
      instances,
      seconds,
      perSecond: (BATCHES_PER_RUN * BATCH) / seconds,
      cpu: {
        load: after.load - before.load,
        collectors: after.collectors - before.collectors,
        database: after.database - before.database,
      },
    };
  } finally {
    client.close();
    await Promise.all(collectors.map((c) => c.close()));
  }
}

async function cpuNow(url: string, collectors: CollectorProcess[]) {
  const own = process.cpuUsage();
  return {
    load: (own.user + own.system) / 1e6,
    collectors: collectors.reduce((sum, c) => sum + cpuSeconds(c.pid), 0),
    database: await clusterCpuSeconds(url),
  };
}

/** Every id a collector acked (poster() checks each batch was accepted whole) is in the database exactly once. */
async function assertStoredOnce(url: string, acked: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ stored: number; distinct: number; total: number }>(
      `SELECT count(*)::int AS stored, count(DISTINCT id)::int AS distinct,
         (SELECT count(*)::int FROM responses) AS total FROM responses WHERE id = ANY($1::text[])`,
      [acked],
    );
    const r = rows[0];
    if (r.stored !== acked.length || r.distinct !== acked.length || r.total !== acked.length)
      throw new Error(
        `ingest-scale: ${acked.length} ids acked but ${r.stored} stored (${r.distinct} distinct, ${r.total} rows in all): an ack was given for a row that is not stored, or a row stored twice`,
      );
  } finally {
    await client.end();
  }
}
