import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench } from './bench-result.ts';
import { totalSize } from './compressed-size.ts';
import type { FirstQuestionTiming } from './host-page.ts';
import { firstQuestionNeeds } from './needed-files.ts';
import { fmt, median, ratio as ratioOf } from './stats.ts';
import { withWidgetHarness } from './widget-harness.ts';

const LOADS = Number(process.env.BENCH_FIRST_QUESTION_LOADS ?? 20);
const THROTTLE = 4;

/** Long tasks between the script tag and the first question: nothing else runs on the bench's host page. */
function widgetLongTasks(t: FirstQuestionTiming) {
  return t.longtasks.filter((l) => l.start >= t.t0 && l.start <= (t.visibleAt ?? Number.POSITIVE_INFINITY));
}

export const firstQuestion: Bench = {
  id: 'first-question',
  title: `Time to first question: headless Chromium, CPU ${THROTTLE}× slower`,
  async run(ctx) {
    const { ours: loads, floor } = await withWidgetHarness(ctx, async (h) => {
      // Warm-up: the collector's first request, Chromium's first renderer, each page's first build.
      await h.firstQuestion(1);
      await h.firstQuestion(1, { floor: true });
      const ours: FirstQuestionTiming[] = [];
      const floor: FirstQuestionTiming[] = [];
      const deadline = Date.now() + 240_000;
      // Ours and the floor alternate, so a busy moment of the shared machine falls on both alike.
      for (let i = 0; i < LOADS && Date.now() < deadline; i++) {
        ours.push(await h.firstQuestion(THROTTLE));
        floor.push(await h.firstQuestion(THROTTLE, { floor: true }));
      }
      return { ours, floor };
    });
    const toQuestion = loads.map(untilQuestion);
    const floorToQuestion = floor.map(untilQuestion);
    const toIntro = loads.filter((t) => t.introAt !== undefined).map((t) => (t.introAt as number) - t.t0);
    const tasks = loads.map(widgetLongTasks);
    const counts = tasks.map((l) => l.length);
    const floorCounts = floor.map((t) => widgetLongTasks(t).length);
    const longest = Math.max(0, ...tasks.flat().map((l) => l.duration));
    const oursMs = median(toQuestion);
    const floorMs = median(floorToQuestion);
    const ratio = ratioOf(oursMs, floorMs);
    const needed = totalSize(firstQuestionNeeds(ctx.root));
    const { version } = JSON.parse(readFileSync(join(ctx.root, 'node_modules/playwright-core/package.json'), 'utf8'));
    return {
      rows: [
        {
          measure: 'Script tag → first question visible (median; × the floor page, lower is better)',
          ours: fmt.ms(oursMs),
          reference: fmt.ms(floorMs),
          ratio,
          note: `${loads.length} loads each, ours and the floor alternating, fresh context each (empty cache); first question = its heading visible after the intro's Start, pressed by the page in the task after the frame that shows the intro; clock from the script tag, inserted after the host page's first paint (ours at ${toIntro.length ? fmt.ms(median(toIntro)) : 'n/a'}); floor: the same survey from the same collector drawn with Preact, nothing else`,
        },
        {
          measure: 'Main-thread long tasks (≥ 50 ms) during that time',
          ours: `${median(counts)} per load (median)`,
          reference: `${median(floorCounts)} per load`,
          note: `longest ${fmt.ms(longest)}; ${counts.filter((c) => c === 0).length} of ${loads.length} loads had none`,
        },
        {
          measure: 'Bytes the first question cannot do without (English, brotli)',
          ours: fmt.bytes(needed.brotli),
          note: 'loader → survey code → first-question UI with their static imports, as tests/e2e/budget.test.ts counts them (16,384 B budget)',
        },
      ],
      data: {
        throttle: THROTTLE,
        loads: loads.length,
        toQuestion,
        floorToQuestion,
        pairRatios: toQuestion.map((ms, i) => ms / floorToQuestion[i]),
        toIntro,
        longTaskCounts: counts,
        floorLongTaskCounts: floorCounts,
        longestTaskMs: longest,
        neededBrotli: needed.brotli,
      },
      summary: {
        first_question_ms: Math.round(oursMs),
        first_question_floor_ms: Math.round(floorMs),
        first_question_ratio_to_floor: ratio,
        long_tasks_median: median(counts),
        first_question_needed_br: needed.brotli,
      },
      versions: { chromium: chromiumVersion(), 'playwright-core': version },
      commands: [
        'host page on 127.0.0.1 inserts <script type=module src=dist/outcome-survey.js data-endpoint data-site-key data-survey=career-outcomes data-country=FR data-locale=fr>, calls OutcomeSurvey.show()',
        'floor: the same host page with <script type=module src=/floor/floor.js> (bench/floor/floor-entry.tsx, built in memory by bench/floor-page.ts)',
        `CDP Emulation.setCPUThrottlingRate ${THROTTLE}; survey served by collector/main.ts (SQLite); PerformanceObserver 'longtask'`,
      ],
    };
  },
};

function untilQuestion(t: FirstQuestionTiming): number {
  return (t.visibleAt as number) - t.t0;
}

export function chromiumVersion(): string {
  return execFileSync('/usr/bin/chromium', ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}
