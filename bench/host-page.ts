/** Which survey the host page embeds, as data-* attributes of the script tag. */
export type Embed = { endpoint: string; siteKey: string; survey: string; country: string; locale: string };

export type FirstQuestionTiming = {
  t0: number;
  introAt?: number;
  visibleAt?: number;
  error?: string;
  longtasks: { start: number; duration: number }[];
  resources: { name: string; start: number }[];
};

/**
 * A host page that inserts the widget's script tag, calls OutcomeSurvey.show() as soon as the
 * global exists, presses the intro screen's Start `readMs` after it appears (0: in the frame it is
 * seen; more: a learner reading it), and notes when `question` is visible in the open shadow root.
 * Times are performance.now() in the page; results land on window.__bench.
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
    window.OutcomeSurvey.show().catch((e) => (b.error = String(e)));
  }
  for (const root of roots()) {
    const shown = [...root.querySelectorAll('h1, h2, h3, legend, label')].find((e) => e.textContent.includes(QUESTION));
    if (shown && shown.getBoundingClientRect().height > 0) {
      b.visibleAt = performance.now();
      b.resources = performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime }));
      return;
    }
    const start = b.introAt === undefined && root.querySelector('.os-screen button.os-button:not(.os-secondary)');
    if (start && start.getBoundingClientRect().height > 0) {
      b.introAt = performance.now();
      if (${readMs} > 0) setTimeout(() => start.click(), ${readMs});
      else start.click();
    }
  }
  requestAnimationFrame(tick);
}
const s = document.createElement('script');
s.type = 'module';
s.src = ${JSON.stringify(loaderPath)};
${Object.entries(attrs)
  .map(([k, v]) => `s.setAttribute(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
  .join('\n')}
b.t0 = performance.now();
document.body.append(s);
requestAnimationFrame(tick);
</script></body></html>`;
}
