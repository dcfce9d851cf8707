import type { LocalizedText } from '../../protocol/index.ts';
import type { Codebook, Variable } from './codebook.ts';

// Table cells must not break the Markdown table: pipes and newlines are escaped.
const cell = (s: string) => s.replaceAll('|', '\\|').replace(/\r?\n/g, ' ');
const texts = (t: LocalizedText) =>
  Object.entries(t)
    .map(([lang, s]) => `${lang}: ${cell(s)}`)
    .join('<br>');

/** The codebook for people: one section per variable, in column order. */
export function codebookMarkdown(book: Codebook): string {
  const out = [
    `# Codebook: ${cell(book.title.en)} (\`${book.survey}\`)`,
    '',
    `Survey versions: ${book.versions.join(', ')}. Languages: ${book.languages.join(', ')}.`,
    '',
    `Missing values: ${book.missing}`,
    '',
    '| column | type | label | versions |',
    '| --- | --- | --- | --- |',
    ...book.variables.map((v) => `| \`${v.name}\` | ${v.type} | ${cell(v.label)} | ${v.versions.join(', ')} |`),
    '',
  ];
  for (const v of book.variables) out.push(...section(v));
  out.push(...ratesSection(book.responseRates));
  return out.join('\n');
}

function ratesSection(r: Codebook['responseRates']): string[] {
  return [
    '## Response rates and dispositions',
    '',
    `Each roster member gets one final disposition per survey and wave: the first rule below that holds. ${cell(r.outsideRoster)}`,
    '',
    '| order | rule | code | AAPOR | definition |',
    '| --- | --- | --- | --- | --- |',
    ...r.dispositions.map((d) => `| ${d.order} | \`${d.rule}\` | \`${d.code}\` | ${d.aapor} | ${cell(d.definition)} |`),
    '',
    `Groups: ${cell(r.groups)} e = ${r.eligibility.e}: ${cell(r.eligibility.why)}`,
    '',
    '| rate | formula | meaning |',
    '| --- | --- | --- |',
    ...r.rates.map((x) => `| ${x.name} | ${cell(x.formula)} | ${cell(x.meaning)} |`),
    '',
    'Columns of the dispositions file (GET /v1/dispositions):',
    '',
    '| column | description |',
    '| --- | --- |',
    ...r.columns.map((c) => `| \`${c.name}\` | ${cell(c.description)} |`),
    '',
  ];
}

function section(v: Variable): string[] {
  const lines = [
    `## \`${v.name}\``,
    '',
    `${cell(v.label)} (${v.type}${v.sensitive ? ', sensitive: asked only with consent' : ''}).`,
    '',
  ];
  if (v.text) lines.push(`Question: ${texts(v.text)}`, '');
  if (v.derivation) lines.push(`Computed: ${cell(v.derivation)}`, '');
  if (v.values) {
    lines.push(
      '| code | label |',
      '| --- | --- |',
      ...v.values.map((x) => `| \`${x.code}\` | ${texts(x.label)} |`),
      '',
    );
  }
  return lines;
}
