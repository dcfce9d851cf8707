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
  return out.join('\n');
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
