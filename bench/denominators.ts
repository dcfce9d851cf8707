import { readFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { openStorage } from '../collector/storage/open-storage.ts';
import { type Bench, BenchSkip, type Row } from './bench-result.ts';
import { type CollectorProcess, collectorEntry, EXPORT_TOKEN, startCollectorProcess } from './collector-process.ts';
import { postgresTarget } from './database-targets.ts';
import { copyToNowhere } from './denominators-copy.ts';
import { type DenominatorFill, fillDenominators } from './denominators-fill.ts';
import {
  type CohortFigures,
  type FigureQuery,
  groupByFigures,
  MEMBER_DISPOSITION_SQL,
} from './denominators-group-by.ts';
import { fmt, median, ratio } from './stats.ts';
import { SURVEY_ID } from './survey-responses.ts';

const MEMBERS = Number(process.env.BENCH_DENOMINATOR_MEMBERS ?? 1_000_000);
const EVENTS_PER_MEMBER = 5;
const ROUNDS = Number(process.env.BENCH_DENOMINATOR_ROUNDS ?? 3);
const PARTIAL_THRESHOLD = 0.5;
// Exact counts, so ours can be compared with the GROUP BY figure for figure; disclosure control is not timed apart.
const EXACT = { MIN_CELL: '1', ROUND_TO: '1', PARTIAL_THRESHOLD: String(PARTIAL_THRESHOLD) };

const fill: DenominatorFill = {
  surveyId: SURVEY_ID,
  wave: 'm0',
  members: MEMBERS,
  events: MEMBERS * EVENTS_PER_MEMBER,
  big: 'bench-all',
  small: 'bench-tenth',
};

export const denominators: Bench = {
  id: 'denominators',
  title: 'Denominators at scale: response rates and dispositions of a 1,000,000-member cohort on PostgreSQL',
  async run(ctx) {
    collectorEntry(ctx.root);
    // A read bench: the cluster runs as the tests run it (fsync off), which changes no read and makes the fill fast.
    const target = await postgresTarget(ctx.root);
    if (typeof target === 'string') throw new BenchSkip(`denominators: ${target}`);
    try {
      const url = await target.fresh();
      await (await openStorage(url)).close();
      const filled = await fillDenominators(url, fill);
      ctx.log(`  filled in ${filled.seconds.toFixed(1)} s: ${JSON.stringify(filled.steps)}`);
      const query = (cohortId: string): FigureQuery => ({
        surveyId: fill.surveyId,
        cohortId,
        wave: fill.wave,
        at: new Date(),
        partialThreshold: PARTIAL_THRESHOLD,
      });

      // Memory first, one fresh process per cohort size, so each peak is that size's own.
      const memory: Record<string, number> = {};
      for (const [cohort, members] of [
        [fill.small, Math.round(MEMBERS / 10)],
        [fill.big, MEMBERS],
      ] as const) {
        const collector = await startCollectorProcess(ctx.root, { databaseUrl: url, origins: [], env: EXACT });
        try {
          await ratesThrough(collector, query(cohort));
          await dispositionsThrough(collector, query(cohort), members);
          memory[members] = peakRss(collector.pid);
        } finally {
          await collector.close();
        }
        ctx.log(`  collector peak RSS after ${fmt.int(members)} members: ${fmt.mib(memory[members])}`);
      }

      const collector = await startCollectorProcess(ctx.root, { databaseUrl: url, origins: [], env: EXACT });
      const rounds: { rates: number; groupBy: number; dispositions: number; copy: number }[] = [];
      try {
        for (let i = 0; i < ROUNDS; i++) {
          const q = query(fill.big);
          const ours = await ratesThrough(collector, q);
          const reference = await groupByFigures(url, q);
          assertSameFigures(ours.figures, reference.figures);
          const dispositions = await dispositionsThrough(collector, q, MEMBERS);
          const copy = await copyToNowhere(url, MEMBER_DISPOSITION_SQL, q);
          const round = {
            rates: ours.seconds,
            groupBy: reference.seconds,
            dispositions: dispositions.seconds,
            copy: copy.seconds,
          };
          rounds.push(round);
          ctx.log(
            `  round ${i + 1}: rates ${round.rates.toFixed(2)} s, GROUP BY ${round.groupBy.toFixed(2)} s, dispositions ${round.dispositions.toFixed(2)} s, COPY ${round.copy.toFixed(2)} s`,
          );
        }
      } finally {
        await collector.close();
      }
      const m = (k: keyof (typeof rounds)[number]) => median(rounds.map((r) => r[k]));
      const ratesRatio = ratio(m('rates'), m('groupBy'));
      const dispositionsRatio = ratio(m('dispositions'), m('copy'));
      const small = memory[Math.round(MEMBERS / 10)];
      const big = memory[MEMBERS];
      const note = `median of ${ROUNDS} alternating rounds; cohort of ${fmt.int(MEMBERS)} members, ${fmt.int(fill.events)} contact events, ${fmt.int(filled.responses)} responses`;
      const rows: Row[] = [
        {
          measure:
            'PostgreSQL: GET /v1/response-rates vs a hand-written GROUP BY of the same figures (time ratio, lower is better)',
          ours: `${m('rates').toFixed(2)} s`,
          reference: `${m('groupBy').toFixed(2)} s`,
          ratio: ratesRatio,
          note,
        },
        {
          measure: 'PostgreSQL: GET /v1/dispositions (CSV) vs psql COPY of the same per-member rows (time ratio)',
          ours: `${m('dispositions').toFixed(2)} s`,
          reference: `${m('copy').toFixed(2)} s`,
          ratio: dispositionsRatio,
          note,
        },
        {
          measure: `Collector peak RSS, rates then dispositions: ${fmt.int(MEMBERS)} members vs ${fmt.int(MEMBERS / 10)}`,
          ours: fmt.mib(big),
          reference: fmt.mib(small),
          ratio: ratio(big, small),
          note: 'one fresh collector process per cohort size; flat memory means a ratio near 1',
        },
      ];
      return {
        rows,
        data: { fill: { ...fill, ...filled }, rounds, peakRssBytes: memory, ratesRatio, dispositionsRatio },
        versions: { node: process.versions.node, PostgreSQL: target.version },
        commands: [
          `collector in a child process (${collectorEntry(ctx.root).replace(`${ctx.root}/`, '')}), NODE_ENV=production, MIN_CELL=1 ROUND_TO=1 so the figures are exact`,
          `GET /v1/response-rates?survey=${fill.surveyId}&cohort=${fill.big}&wave=${fill.wave} and GET /v1/dispositions (same query, CSV, body read to the end)`,
          'reference: bench/denominators-group-by.ts GROUP_BY_SQL on its own connection, checked equal to ours figure by figure; psql \\copy (MEMBER_DISPOSITION_SQL) to /dev/null',
          'fill: bench/denominators-fill.ts, generate_series inside PostgreSQL, indexes rebuilt after the load',
        ],
        summary: { response_rates_ratio_to_group_by: ratesRatio },
      };
    } finally {
      await target.stop();
    }
  },
};

const authorised = { authorization: `Bearer ${EXPORT_TOKEN}` };
const search = (q: FigureQuery) =>
  new URLSearchParams({ survey: q.surveyId, cohort: q.cohortId, wave: q.wave }).toString();

/** GET on loopback with no time limit: fetch gives up on headers after 300 s, and the old path took longer. */
function request(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => get(url, { headers: authorised }, resolve).on('error', reject));
}

async function readAll(res: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of res) text += chunk;
  return text;
}

async function ratesThrough(c: CollectorProcess, q: FigureQuery): Promise<{ seconds: number; figures: CohortFigures }> {
  const t0 = performance.now();
  const res = await request(`${c.url}/v1/response-rates?${search(q)}`);
  const text = await readAll(res);
  const seconds = (performance.now() - t0) / 1000;
  if (res.statusCode !== 200)
    throw new Error(`GET /v1/response-rates answered ${res.statusCode}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as {
    population: number;
    dispositions: Record<string, number>;
    funnel: { shown: number; started: number; completed: number };
  };
  const { outside_roster: _outside, ...codes } = body.dispositions;
  const dispositions = Object.fromEntries(Object.entries(codes).filter(([, n]) => n > 0));
  return { seconds, figures: { population: body.population, dispositions, ...pickFunnel(body.funnel) } };
}

const pickFunnel = (f: { shown: number; started: number; completed: number }) => ({
  shown: f.shown,
  started: f.started,
  completed: f.completed,
});

async function dispositionsThrough(c: CollectorProcess, q: FigureQuery, members: number): Promise<{ seconds: number }> {
  const t0 = performance.now();
  const res = await request(`${c.url}/v1/dispositions?${search(q)}&format=csv`);
  if (res.statusCode !== 200)
    throw new Error(`GET /v1/dispositions answered ${res.statusCode}: ${(await readAll(res)).slice(0, 300)}`);
  let lines = 0;
  for await (const chunk of res) for (const byte of chunk as Buffer) if (byte === 10) lines++;
  const seconds = (performance.now() - t0) / 1000;
  if (lines !== members + 1)
    throw new Error(
      `GET /v1/dispositions gave ${lines - 1} rows for ${q.cohortId}: expected one per member, ${members}`,
    );
  return { seconds };
}

/** The process's high-water resident set (Linux), which includes every moment since it started. */
function peakRss(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`/proc/${pid}/status has no VmHWM line: the memory figure needs Linux`);
  return Number(kb) * 1024;
}

function assertSameFigures(ours: CohortFigures, reference: CohortFigures): void {
  const a = JSON.stringify(sorted(ours));
  const b = JSON.stringify(sorted(reference));
  if (a !== b)
    throw new Error(
      `denominators: GET /v1/response-rates and the GROUP BY disagree, so one of them is wrong:\n  ours      ${a}\n  GROUP BY  ${b}`,
    );
}

const sorted = (f: CohortFigures) => ({
  ...f,
  dispositions: Object.fromEntries(Object.entries(f.dispositions).sort(([x], [y]) => (x < y ? -1 : 1))),
});
