import { join } from 'node:path';
import { isShown, resolveSurvey } from '../protocol/index.ts';
import type { BenchContext } from './bench-result.ts';
import { type Browser, launchChromium } from './browser.ts';
import { type CollectorProcess, SITE_KEY, startCollectorProcess } from './collector-process.ts';
import { buildFloorScript, FLOOR_SCRIPT } from './floor-page.ts';
import { BENCH_DONE, type Embed, type FirstQuestionTiming, firstQuestionPage } from './host-page.ts';
import { type StaticServer, startStaticServer } from './static-server.ts';
import { COUNTRY, LOCALE, latestSurvey, SURVEY_ID } from './survey-responses.ts';
import { ensureBuild } from './widget-build.ts';

type LoadOptions = { timeoutMs?: number; readIntroMs?: number; floor?: boolean };

/** A V8 CPU profile as CDP's Profiler.stop returns it (the fields bench/first-question-trace.ts reads). */
export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
};

export type Harness = {
  server: StaticServer;
  collector: CollectorProcess;
  browser: Browser;
  embed: Embed;
  databaseUrl: string;
  /**
   * One page load in a fresh browser context (empty HTTP cache), CPU slowed `throttle` times. Start
   * is pressed as soon as the intro is seen, or after `readIntroMs` like a learner reading it. `floor`: the same
   * first question on the floor page (bench/floor-page.ts) instead of the widget, under the same conditions.
   */
  firstQuestion(throttle: number, options?: LoadOptions): Promise<FirstQuestionTiming>;
  /** The same load with a V8 CPU profile of the page (bench/first-question-trace.ts --cpu). */
  profiled(throttle: number, options?: LoadOptions): Promise<{ timing: FirstQuestionTiming; profile: CpuProfile }>;
  /** The same load with a Chromium performance trace of `categories` (bench/first-question-trace.ts). */
  traced(
    throttle: number,
    options: LoadOptions & { categories: string[] },
  ): Promise<{ timing: FirstQuestionTiming; trace: Buffer }>;
};

/** The built widget on a loopback host page, a real collector on another origin, and headless Chromium. */
export async function withWidgetHarness<T>(ctx: BenchContext, fn: (h: Harness) => Promise<T>): Promise<T> {
  await ensureBuild(ctx.root, ctx.log);
  const def = latestSurvey(ctx.root);
  const first = resolveSurvey(def, { country: COUNTRY, locale: LOCALE }).questions.find((q) => isShown(q, {}));
  if (!first) throw new Error(`bench: survey ${SURVEY_ID} shows no question to a learner in ${COUNTRY}`);
  const server = await startStaticServer(join(ctx.root, 'dist'));
  const databaseUrl = `sqlite:${join(ctx.tmp, `browser-${Date.now()}.sqlite`)}`;
  let collector: CollectorProcess | undefined;
  let browser: Browser | undefined;
  try {
    collector = await startCollectorProcess(ctx.root, { databaseUrl, origins: [server.origin] });
    browser = await launchChromium();
    const embed: Embed = {
      endpoint: collector.url,
      siteKey: SITE_KEY,
      survey: SURVEY_ID,
      country: COUNTRY,
      locale: LOCALE,
    };
    server.pages.set('/first.html', firstQuestionPage(embed, first.text, '/dist/outcome-survey.js'));
    server.scripts.set(FLOOR_SCRIPT, await buildFloorScript(ctx.root));
    server.pages.set('/floor.html', firstQuestionPage(embed, first.text, FLOOR_SCRIPT));
    const readingPage = (ms: number) => {
      const path = `/first-read-${ms}.html`;
      if (!server.pages.has(path))
        server.pages.set(path, firstQuestionPage(embed, first.text, '/dist/outcome-survey.js', ms));
      return path;
    };
    const b = browser;
    const load = async (
      throttle: number,
      {
        timeoutMs = 30_000,
        readIntroMs = 0,
        floor = false,
        categories,
        cpuProfile = false,
      }: LoadOptions & { categories?: string[]; cpuProfile?: boolean },
    ) => {
      const context = await b.newContext();
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        if (cpuProfile) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        if (categories) await b.startTracing(page, { categories });
        const path = floor ? '/floor.html' : readIntroMs > 0 ? readingPage(readIntroMs) : '/first.html';
        // Listened to, not polled: a poll would run Playwright's script on the main thread being measured.
        const finished = page.waitForEvent('console', {
          predicate: (m) => m.text() === BENCH_DONE,
          timeout: timeoutMs,
        });
        await page.goto(`${server.origin}${path}`);
        await finished;
        const trace = categories ? await b.stopTracing() : undefined;
        const profile = cpuProfile ? (await cdp.send('Profiler.stop')).profile : undefined;
        const timing = (await page.evaluate('window.__bench')) as FirstQuestionTiming;
        if (timing.error) throw new Error(`widget: OutcomeSurvey.show() failed: ${timing.error}`);
        return { timing, trace, profile };
      } catch (err) {
        throw new Error(`first question "${first.text}" not visible: ${(err as Error).message.split('\n')[0]}`);
      } finally {
        await context.close();
      }
    };
    const harness: Harness = {
      server,
      collector,
      browser: b,
      embed,
      databaseUrl,
      async firstQuestion(throttle, options = {}) {
        return (await load(throttle, options)).timing;
      },
      async traced(throttle, options) {
        const { timing, trace } = await load(throttle, options);
        return { timing, trace: trace as Buffer };
      },
      async profiled(throttle, options = {}) {
        const { timing, profile } = await load(throttle, { ...options, cpuProfile: true });
        return { timing, profile: profile as CpuProfile };
      },
    };
    return await fn(harness);
  } finally {
    await browser?.close();
    await collector?.close();
    await server.close();
  }
}
