// The first-question profile of bench/profiles/first-question.md: one load of the bench's host page (ours or the
// floor) under the same 4× CPU throttle, with a Chromium performance trace, printed as a timeline of the main thread
// (tasks ≥ 5 ms, what runs in them) and the network (widget chunks, survey, eligibility), from the script tag on.
//   npx tsx bench/first-question-trace.ts [--floor] [--loads N] [--no-trace | --cpu]
// --no-trace: no Chromium trace (whose overhead slows every step); the median of each file's request start and
// response end over the loads, from the page's resource timing, beside the intro and the question.
// --cpu: a V8 CPU profile of each load (4x throttle), its samples summed by file and by function (self time),
// from the script tag until the page reports (so the idle work just after the question is in it too).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FirstQuestionTiming } from './host-page.ts';
import { median } from './stats.ts';
import { type CpuProfile, withWidgetHarness } from './widget-harness.ts';

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: Record<string, unknown>; name?: string };
};

const argv = process.argv.slice(2);
const floor = argv.includes('--floor');
const loads = Number(argv[argv.indexOf('--loads') + 1] || 1) || 1;
const untraced = argv.includes('--no-trace');
const cpu = argv.includes('--cpu');
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'loading', 'blink'];
// What a task's time is spent on, by the trace events that run inside it.
const KINDS: Record<string, string> = {
  'v8.compileModule': 'compile',
  'v8.compile': 'compile',
  'v8.evaluateModule': 'evaluate module',
  EvaluateScript: 'script',
  FunctionCall: 'call',
  V8Console: 'call',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  Paint: 'paint',
  ParseHTML: 'parse HTML',
  ParseAuthorStyleSheet: 'parse CSS',
};

const short = (url: unknown) =>
  String(url ?? '')
    .replace(/^https?:\/\/127\.0\.0\.1:\d+/, '')
    .replace(/-[\w-]{6}\.js$/, '.js');

function report(events: TraceEvent[], visibleAfterMs: number): void {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid);
  const start = events.find(
    (e) => e.name === 'ResourceSendRequest' && /outcome-survey\.js$|floor\.js$/.test(String(e.args?.data?.url)),
  );
  if (!start) throw new Error('trace: no request for the loader in the trace; was the page loaded?');
  const t0 = start.ts;
  const at = (ts: number) => ((ts - t0) / 1000).toFixed(0).padStart(5);
  const end = t0 + visibleAfterMs * 1000;
  console.log(`network (ms after the loader's request):`);
  for (const e of events.filter((x) => x.name === 'ResourceSendRequest' && x.ts >= t0 && x.ts <= end)) {
    const id = e.args?.data?.requestId;
    const done = events.find((x) => x.name === 'ResourceFinish' && x.args?.data?.requestId === id);
    console.log(
      `  ${at(e.ts)} → ${done ? at(done.ts) : '  ?  '}  ${e.args?.data?.requestMethod ?? 'GET'} ${short(e.args?.data?.url)}`,
    );
  }
  console.log('main thread tasks ≥ 5 ms (start, duration, what ran):');
  const tasks = onMain.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && e.ts >= t0 && e.ts <= end && (e.dur ?? 0) >= 5000,
  );
  let busy = 0;
  for (const task of tasks) {
    busy += task.dur ?? 0;
    const inside = onMain.filter(
      (e) => e.ph === 'X' && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0) && KINDS[e.name],
    );
    const parts = new Map<string, number>();
    for (const e of inside) {
      const url = short(e.args?.data?.url ?? e.args?.data?.fileName ?? '');
      const key = `${KINDS[e.name]}${url ? ` ${url}` : ''}`;
      parts.set(key, (parts.get(key) ?? 0) + (e.dur ?? 0));
    }
    const top = [...parts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4);
    console.log(
      `  ${at(task.ts)} ${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${top.map(([k, d]) => `${k} ${(d / 1000).toFixed(1)}`).join('; ')}`,
    );
  }
  console.log(`  main thread busy in those tasks: ${(busy / 1000).toFixed(0)} ms of ${visibleAfterMs.toFixed(0)} ms`);
}

/** Median request start → response end of each file (ms after the script tag), then the intro and the question. */
function timeline(loadsSeen: FirstQuestionTiming[]): void {
  const byName = new Map<string, { start: number[]; end: number[] }>();
  for (const t of loadsSeen)
    for (const r of t.resources) {
      const seen = byName.get(short(r.name)) ?? { start: [], end: [] };
      seen.start.push(r.start - t.t0);
      seen.end.push(r.end - t.t0);
      byName.set(short(r.name), seen);
    }
  const ms = (xs: number[]) => median(xs).toFixed(0).padStart(5);
  console.log(
    `${floor ? 'floor' : 'ours'}, ${loadsSeen.length} loads at 4x throttle, medians (ms after the script tag):`,
  );
  for (const [name, seen] of [...byName].sort((a, b) => median(a[1].start) - median(b[1].start)))
    console.log(
      `  ${ms(seen.start)} → ${ms(seen.end)}  ${name}${seen.start.length < loadsSeen.length ? ` (${seen.start.length} loads)` : ''}`,
    );
  const at = (pick: (t: FirstQuestionTiming) => number | undefined) =>
    ms(loadsSeen.map((t) => (pick(t) ?? Number.NaN) - t.t0));
  console.log(
    `  intro ${at((t) => t.introAt)}, question ${at((t) => t.visibleAt)}; long tasks per load ${loadsSeen.map((t) => t.longtasks.filter((l) => l.start >= t.t0).length).join(' ')}`,
  );
}

/** Self time of a CPU profile, by file and by function, largest first. */
function cpuSummary(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const file = short(frame?.url) || `(${frame?.functionName || 'native'})`;
    const name = `${frame?.functionName || '(anonymous)'} ${file}:${frame?.lineNumber}:${frame?.columnNumber}`;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => `  ${ms.toFixed(1).padStart(7)} ms  ${k}`);
  console.log(`${floor ? 'floor' : 'ours'}: CPU self time by file`);
  console.log(top(byFile, 12).join('\n'));
  console.log('by function');
  console.log(top(byFunction, 25).join('\n'));
}

const tmp = mkdtempSync(join(tmpdir(), 'outcome-trace-'));
try {
  await withWidgetHarness({ root: process.cwd(), tmp, log: console.log, earlier: {} }, async (h) => {
    await h.firstQuestion(1, { floor });
    if (cpu) {
      for (let i = 0; i < loads; i++) cpuSummary((await h.profiled(4, { floor })).profile);
      return;
    }
    if (untraced)
      return timeline(
        await Promise.resolve().then(async () => {
          const all: FirstQuestionTiming[] = [];
          for (let i = 0; i < loads; i++) all.push(await h.firstQuestion(4, { floor }));
          return all;
        }),
      );
    for (let i = 0; i < loads; i++) {
      const { timing, trace } = await h.traced(4, { floor, categories: CATEGORIES });
      const visible = (timing.visibleAt as number) - timing.t0;
      console.log(
        `\n${floor ? 'floor' : 'ours'}: first question visible at ${visible.toFixed(0)} ms, intro at ${timing.introAt ? (timing.introAt - timing.t0).toFixed(0) : '-'} ms; long tasks ${timing.longtasks.map((l) => l.duration.toFixed(0)).join(', ') || 'none'}`,
      );
      report(JSON.parse(trace.toString('utf8')).traceEvents as TraceEvent[], visible);
    }
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
