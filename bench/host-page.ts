/** Which survey the host page embeds, as data-* attributes of the script tag. */
export type Embed = { endpoint: string; siteKey: string; survey: string; country: string; locale: string };

export type FirstQuestionTiming = {
  t0: number;
  introAt?: number;
  visibleAt?: number;
  error?: string;
  longtasks: { start: number; duration: number }[];
  resources: { name: string; start: number; end: number }[];
};

/** What the host page logs to the console once window.__bench holds a result (or an error). */
export const BENCH_DONE = 'outcome-survey-bench:done';

/**
 * A host page that inserts the widget's script tag, calls OutcomeSurvey.show() as soon as the
 * global exists, presses the intro screen's Start `readMs` after it appears (0: in the task after the
 * frame it is seen in; more: a learner reading it), and notes when `question` is visible in the open shadow root.
 * Times are performance.now() in the page; results land on window.__bench, then BENCH_DONE is logged.
 *
 * The clock starts once the host page itself is loaded and painted (the script tag goes in a task after
 * the first frame), so the page's own first layout is not counted as the widget's work; the page tells
 * the bench it is done through the console rather than being polled, because a poll (Playwright's
 * waitForFunction) runs its own script on the measured main thread.
 */
export function firstQuestionPage(embed: Embed, question: string, loaderPath: string, readMs = 0): string {
  const attrs = {
    'data-endpoint': embed.endpoint,
    'data-site-key': embed.siteKey,
    'data-survey': embed.survey,
    'data-country': embed.country,
    'data-locale': embed.locale,
  };
  return `<!doctype html><html lang="${embed.locale}"><head><meta charset="utf-8"><title>Course page</title></head>
<body><main><h1>Module 12: spreadsheets</h1><p>${'Lorem ipsum dolor sit amet. '.repeat(40)}</p></main>
<script>
const b = (window.__bench = { longtasks: [], resources: [] });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
const QUESTION = ${JSON.stringify(question)};
function roots() {
  return [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot);
}
function tick() {
  if (!b.asked && window.OutcomeSurvey) {
    b.asked = true;
    window.OutcomeSurvey.show().catch((e) => {
      b.error = String(e);
      done();
    });
  }
  for (const root of roots()) {
    const shown = [...root.querySelectorAll('h1, h2, h3, legend, label')].find((e) => e.textContent.includes(QUESTION));
    if (shown && shown.getBoundingClientRect().height > 0) {
      b.visibleAt = performance.now();
      b.resources = performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd }));
      // Once the page is idle after that frame, so the long-task observer has reported every task until then.
      return requestIdleCallback(done, { timeout: 1000 });
    }
    const start = b.introAt === undefined && root.querySelector('.os-screen button.os-button:not(.os-secondary)');
    if (start && start.getBoundingClientRect().height > 0) {
      b.introAt = performance.now();
      // A press is an input task of its own, never inside the frame that drew the intro.
      setTimeout(() => start.click(), ${readMs});
    }
  }
  requestAnimationFrame(tick);
}
function done() {
  console.debug(${JSON.stringify(BENCH_DONE)});
}
function start() {
const s = document.createElement('script');
s.type = 'module';
s.src = ${JSON.stringify(loaderPath)};
${Object.entries(attrs)
  .map(([k, v]) => `s.setAttribute(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
  .join('\n')}
s.onerror = () => {
  b.error = 'the script tag failed to load';
  done();
};
b.t0 = performance.now();
document.body.append(s);
requestAnimationFrame(tick);
}
// Once loaded, the next frame paints the page; the task after that frame inserts the widget.
addEventListener('load', () => requestAnimationFrame(() => setTimeout(start)));
</script></body></html>`;
}
