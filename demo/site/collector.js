// The collector this page talks to is the one the widget's data-endpoint names: the
// footer's links follow it, and when it does not answer the console says what to set.
const widget = document.getElementById('outcome-survey-script');
const endpoint = widget.dataset.endpoint.replace(/\/+$/, '');

for (const link of document.querySelectorAll('a.collector-link')) {
  const target = new URL(link.getAttribute('href'));
  link.href = `${endpoint}${target.pathname}${target.search}`;
}

// no-cors: any answer at all proves a server is there, whatever its CORS rules.
fetch(`${endpoint}/healthz`, { mode: 'no-cors', cache: 'no-store' }).catch(() =>
  console.error(
    `demo: no collector answers at ${endpoint} (data-endpoint of the outcome-survey script tag in index.html). ` +
      "Start one with `npm start`, or set data-endpoint to your collector's URL and data-site-key to a key that lists this page's origin.",
  ),
);
