// The first-question bench's floor (bench/floor-page.ts): the same survey fetched from the same collector and its
// first question drawn with Preact in a shadow root, behind the same intro step, and nothing else (no idle wait,
// no eligibility, no IndexedDB, no service worker, no strings chunk, no Intl). Built by the bench, never shipped.

import { h, render } from 'preact';
import { useState } from 'preact/hooks';
import { isShown } from '../../protocol/is-shown.ts';
import type { ResolvedQuestion, ResolvedSurvey } from '../../protocol/resolved-survey.ts';

function Question({ q }: { q: ResolvedQuestion }) {
  return (
    <fieldset>
      <legend>
        <h2>{q.text}</h2>
      </legend>
      {(q.options ?? []).map((o) => (
        <label key={o.id}>
          <input type="radio" name={q.id} value={o.id} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}

// The intro's Start button carries the classes the bench's host page presses (bench/host-page.ts).
function Floor({ survey }: { survey: ResolvedSurvey }) {
  const [started, setStarted] = useState(false);
  const first = survey.questions.find((q) => isShown(q, {}));
  if (started && first) return <Question q={first} />;
  return (
    <div class="os-screen">
      <h2>{survey.title}</h2>
      <button type="button" class="os-button" onClick={() => setStarted(true)}>
        Commencer
      </button>
    </div>
  );
}

const script = document.querySelector<HTMLScriptElement>('script[data-endpoint]');
if (script) {
  const d = script.dataset;
  const query = new URLSearchParams({ locale: d.locale ?? 'en' });
  if (d.country) query.set('country', d.country);
  fetch(`${d.endpoint}/v1/surveys/${encodeURIComponent(d.survey ?? '')}?${query}`, {
    credentials: 'omit',
    cache: 'no-cache',
  })
    .then((res) => res.json() as Promise<ResolvedSurvey>)
    .then((survey) => {
      const host = document.createElement('outcome-survey-floor');
      document.body.append(host);
      render(<Floor survey={survey} />, host.attachShadow({ mode: 'open' }));
    });
}
