import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench } from './bench-result.ts';
import type { FirstQuestionTiming } from './host-page.ts';
import { fmt, median } from './stats.ts';
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
    const loads = await withWidgetHarness(ctx, async (h) => {
      await h.firstQuestion(1); // warm-up: the collector's first request, Chromium's first renderer
      const out: FirstQuestionTiming[] = [];
      const deadline = Date.now() + 180_000;
      for (let i = 0; i < LOADS && Date.now() < deadline; i++) out.push(await h.firstQuestion(THROTTLE));
      return out;
    });
    const toQuestion = loads.map((t) => (t.visibleAt as number) - t.t0);
    const toIntro = loads.filter((t) => t.introAt !== undefined).map((t) => (t.introAt as number) - t.t0);
    const tasks = loads.map(widgetLongTasks);
    const counts = tasks.map((l) => l.length);
    const longest = Math.max(0, ...tasks.flat().map((l) => l.duration));
    const { version } = JSON.parse(readFileSync(join(ctx.root, 'node_modules/playwright-core/package.json'), 'utf8'));
    return {
      rows: [
        {
          measure: 'Script tag → first question visible (median)',
          ours: fmt.ms(median(toQuestion)),
          note: `${loads.length} loads, fresh context each (empty cache); intro screen at ${toIntro.length ? fmt.ms(median(toIntro)) : 'n/a'}, then Start pressed by the page`,
        },
        {
          measure: 'Main-thread long tasks (≥ 50 ms) during that time',
          ours: `${median(counts)} per load (median)`,
          note: `longest ${fmt.ms(longest)}; ${counts.filter((c) => c === 0).length} of ${loads.length} loads had none`,
        },
      ],
      data: {
        throttle: THROTTLE,
        loads: loads.length,
        toQuestion,
        toIntro,
        longTaskCounts: counts,
        longestTaskMs: longest,
      },
      versions: { chromium: chromiumVersion(), 'playwright-core': version },
      commands: [
        'host page on 127.0.0.1 inserts <script type=module src=dist/outcome-survey.js data-endpoint data-site-key data-survey=career-outcomes data-country=FR data-locale=fr>, calls OutcomeSurvey.show()',
        `CDP Emulation.setCPUThrottlingRate ${THROTTLE}; survey served by collector/main.ts (SQLite); PerformanceObserver 'longtask'`,
      ],
    };
  },
};

export function chromiumVersion(): string {
  return execFileSync('/usr/bin/chromium', ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}
