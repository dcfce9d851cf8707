import type { Impact, RateCell } from '../../../protocol/index.ts';
import { escapeHtml as e } from './escape-html.ts';
import { countHtml, estimateHtml, num, pct, rateHtml } from './format-cells.ts';
import { groupLabel, neutralisedLabel, statusLabel, valueLabel, waveLabel } from './labels.ts';
import { rateChart } from './rate-chart.ts';
import { REPORT_CSS } from './report-css.ts';

type Row = string[];

// Three questions ask in the United Kingdom (GB census, Scotland, Northern Ireland): the caption tells them apart.
const ETHNIC_QUESTION: Record<string, string> = {
  ethnic_group_gb: ' (England and Wales census question)',
  ethnic_group_sct: ' (Scotland census question)',
  ethnic_group_nir: ' (Northern Ireland census question)',
};

const table = (id: string, caption: string, head: string[], rows: Row[]) =>
  `<div class="table-wrap"><table><caption id="${e(id)}">${e(caption)}</caption><thead><tr>${head
    .map((h) => `<th scope="col">${e(h)}</th>`)
    .join('')}</tr></thead><tbody>${
    rows.length === 0
      ? `<tr><td colspan="${head.length}"><span class="na">No figures for this year.</span></td></tr>`
      : rows
          .map(
            (r) =>
              `<tr><th scope="row">${r[0]}</th>${r
                .slice(1)
                .map((c) => `<td>${c}</td>`)
                .join('')}</tr>`,
          )
          .join('')
  }</tbody></table></div>`;

const section = (id: string, title: string, body: string) =>
  `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${e(title)}</h2>${body}</section>`;

const p = (text: string) => `<p>${e(text)}</p>`;

/** The impact report as one self-contained HTML page: no script, no request, charts drawn inline beside their tables. */
export function renderImpactHtml(impact: Impact): string {
  const r = impact.rules;
  const rate = (c: RateCell | null) => rateHtml(c, r);
  const co = impact.careerOutcomes;
  const headline = impact.underserved.find((u) => u.group === 'any_underserved') ?? impact.underserved[0];

  const summary = section(
    'summary',
    'Summary',
    `<ul><li>Career outcomes credited to the training: ${countHtml(co.count, r)} against a target of ${e(num(co.target))}${
      co.shareOfTarget === null ? '' : ` (${e(pct(co.shareOfTarget))} of the target)`
    }.</li><li>Underserved learners, change against the aim of +20 %: ${
      headline
        ? `<span class="status-${e(headline.status)}">${e(statusLabel(headline.status))}</span> — ${e(headline.statusReason)}`
        : '<span class="na">no underserved figures this year</span>'
    }</li><li>Respondents: ${countHtml(impact.population.respondents, r)}; learners on the rosters: ${countHtml(impact.population.members, r)}.</li></ul>`,
  );

  const insertionRows = co.insertion.map((w) => [
    e(waveLabel(w.wave)),
    countHtml(w.respondents, r),
    w.neutralised
      .map(
        (n) =>
          `${e(neutralisedLabel(n.case))}: ${n.asked ? countHtml(n.count, r) : '<span class="na">not asked</span>'}`,
      )
      .join('<br>'),
    rate(w.targetJob),
    rate(w.inWork),
  ]);
  const career = section(
    'career',
    'Career outcomes',
    `${table(
      'career-t',
      'Career outcome rates',
      ['Figure', 'Value'],
      [
        ['Career outcomes credited to the training (number)', countHtml(co.count, r)],
        ['Share of respondents with a known answer who credit the training', rate(co.rateAmongKnown)],
        ['Learners whose outcome is known (NACE knowledge rate)', rate(co.knowledgeRate)],
        ['In work or study among known outcomes (NACE career outcomes rate)', rate(co.naceCareerOutcomesRate)],
      ],
    )}${rateChart('career-t', [
      { label: 'Credit the training', rate: co.rateAmongKnown },
      { label: 'Outcome known (NACE)', rate: co.knowledgeRate },
      { label: 'In work or study (NACE)', rate: co.naceCareerOutcomesRate },
    ])}${table('insertion-t', 'France Compétences insertion rates', ['When', 'Respondents', 'Left out of both counts', 'In the job the training leads to', 'In any work'], insertionRows)}`,
  );

  const byGroup = section(
    'groups',
    'Career outcomes by group',
    `${table(
      'groups-t',
      'Share crediting the training, in and outside each group',
      ['Group', 'In the group', 'Not in the group', 'Not known'],
      impact.byGroup.map((g) => [e(groupLabel(g.group)), rate(g.whenTrue), rate(g.whenFalse), countHtml(g.unknown, r)]),
    )}${rateChart(
      'groups-t',
      impact.byGroup.map((g) => ({ label: groupLabel(g.group), rate: g.whenTrue })),
    )}`,
  );

  const ethnic = section(
    'ethnic',
    'Career outcomes by ethnic group',
    impact.byEthnicGroup.length === 0
      ? p('No survey question on ethnic group was answered this year.')
      : impact.byEthnicGroup
          .map((q, i) =>
            table(
              `ethnic-t${i}`,
              `Ethnic group as asked in ${q.country}${ETHNIC_QUESTION[q.question] ?? ''}`,
              ['Ethnic group', 'Share crediting the training'],
              q.groups.map((g) => [e(valueLabel(g.value)), rate(g.outcome)]),
            ),
          )
          .join(''),
  );

  const underserved = section(
    'underserved',
    'Underserved learners',
    `${table(
      'underserved-t',
      'Underserved learners this year and last',
      ['Group', 'Share of respondents', 'Estimated number', 'Last year', 'Change', 'Aim of +20 %'],
      impact.underserved.map((u) => [
        e(groupLabel(u.group)),
        rate(u.share),
        estimateHtml(u.estimatedInCohort),
        u.previous
          ? `${rate(u.previous.share)}<br>${estimateHtml(u.previous.estimatedInCohort)}`
          : '<span class="na">no figures last year</span>',
        u.change === null ? '<span class="na">not available</span>' : e(`${u.change >= 0 ? '+' : ''}${pct(u.change)}`),
        `<span class="status-${e(u.status)}">${e(statusLabel(u.status))}</span>: ${e(u.statusReason)}`,
      ]),
    )}${rateChart(
      'underserved-t',
      impact.underserved.map((u) => ({ label: groupLabel(u.group), rate: u.share })),
    )}`,
  );

  const rates = section(
    'response-rates',
    'Response rates',
    table(
      'rates-t',
      'Response rates per cohort and wave (AAPOR RR1: complete answers; RR2: with partial ones)',
      ['Cohort and wave', 'Learners', 'RR1', 'RR2'],
      impact.responseRates.map((w) => [
        e(`${w.cohort}, ${waveLabel(w.wave)}`),
        countHtml(w.population, r),
        rate(w.rr1),
        rate(w.rr2),
      ]),
    ),
  );

  const nonresponse = section(
    'nonresponse',
    'Who did not answer',
    impact.nonresponse.length === 0
      ? p('No roster attribute to compare respondents with this year.')
      : impact.nonresponse
          .map(
            (a, i) =>
              `${a.warning ? `<p class="warning"><strong>Warning:</strong> ${e(a.warning)}</p>` : ''}${table(
                `nonresponse-t${i}`,
                `Respondents against the roster by ${valueLabel(a.attribute)}`,
                [
                  'Value',
                  'On the roster',
                  'Respondents',
                  'Share of the roster',
                  'Share of respondents',
                  'Difference (points)',
                ],
                a.rows.map((row) => [
                  e(valueLabel(row.value)),
                  countHtml(row.population, r),
                  countHtml(row.respondents, r),
                  row.populationShare === null
                    ? '<span class="withheld">withheld</span>'
                    : e(`${row.populationShare.toFixed(1)} %`),
                  row.respondentShare === null
                    ? '<span class="withheld">withheld</span>'
                    : e(`${row.respondentShare.toFixed(1)} %`),
                  row.differencePoints === null
                    ? '<span class="withheld">withheld</span>'
                    : e(row.differencePoints.toFixed(1)),
                ]),
              )}`,
          )
          .join(''),
  );

  const w = impact.weighted;
  const weighted = w
    ? section(
        'weighted',
        'Weighted figures',
        `${p(`Respondents weighted to the roster by ${w.attributes.map(valueLabel).join(', ')} (${w.converged ? 'converged' : 'did not converge'} after ${w.iterations} rounds; weights capped at ${w.cap} times the mean; design effect ${w.designEffect.toFixed(2)}; effective number of respondents ${num(Math.round(w.effectiveN))}).`)}${table(
          'weighted-t',
          'Weighted estimates',
          ['Figure', 'Weighted estimate'],
          [
            ['Share crediting the training', estimateHtml(w.rateAmongKnown, true)],
            ['Share in an underserved group', estimateHtml(w.underservedShare, true)],
          ],
        )}${w.notes.length ? `<ul>${w.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : ''}`,
      )
    : '';

  const c = impact.carbon;
  const carbon = section(
    'carbon',
    'Carbon footprint of the survey',
    table(
      'carbon-t',
      `Estimated emissions (${c.model})`,
      ['Figure', 'Value'],
      [
        ['Bytes sent per display', e(num(c.bytesPerDisplay))],
        ['Bytes sent per response', e(num(c.bytesPerResponse))],
        ['Grams of CO₂e per display', e(c.gramsPerDisplay.toFixed(3))],
        ['Grams of CO₂e per response', e(c.gramsPerResponse.toFixed(3))],
        ['Responses in the year', e(num(c.responses))],
        ['Grams of CO₂e in the year', e(c.gramsPerYear.toFixed(1))],
        [
          `Grams of CO₂e per ${c.perLearnerBase === 'population' ? 'learner on the rosters' : 'respondent'}`,
          c.gramsPerLearner === null ? '<span class="na">not available</span>' : e(c.gramsPerLearner.toFixed(3)),
        ],
      ],
    ),
  );

  const methods = section(
    'methods',
    'How the figures were made',
    impact.methods.map((m) => `<h3>${e(m.title)}</h3>${p(m.text)}`).join('') || p('No method notes were given.'),
  );

  const f = impact.filters;
  const filters = [
    f.cohort && `cohort ${f.cohort}`,
    f.country && `country ${f.country}`,
    f.course_id && `course ${f.course_id}`,
    f.path_id && `path ${f.path_id}`,
  ].filter(Boolean);
  const title = `Impact report ${impact.year}: ${impact.survey}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${REPORT_CSS}</style></head>
<body><a class="skip" href="#main">Skip to the report</a><header><h1>${e(title)}</h1></header><main id="main" tabindex="-1">
${summary}${career}${byGroup}${ethnic}${underserved}${rates}${nonresponse}${weighted}${carbon}${methods}
</main><footer><p>Generated ${e(impact.generatedAt)} from survey ${e(impact.survey)}, year ${e(impact.year)}; ${e(filters.length ? `filtered by ${filters.join(', ')}` : 'no filters')}.</p></footer></body></html>
`;
}
