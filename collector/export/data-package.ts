import type { Codebook, Variable } from './codebook.ts';

/**
 * A Frictionless Data Package (v1) describing the CSV beside it, so frictionless, R's
 * `frictionless` package or pandas users can load it with types, value lists and missing values.
 */
export function toDataPackage(book: Codebook, csvFile: string, opts: { delimiter: string; bom: boolean }): object {
  return {
    profile: 'tabular-data-package',
    name: book.survey,
    title: book.title.en,
    resources: [
      {
        profile: 'tabular-data-resource',
        name: book.survey.replaceAll('_', '-'),
        path: csvFile,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: opts.bom ? 'utf-8-sig' : 'utf-8',
        dialect: { delimiter: opts.delimiter, lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: { fields: book.variables.map(field), missingValues: [''], primaryKey: ['id'] },
      },
    ],
  };
}

function field(v: Variable): object {
  const f: Record<string, unknown> = { name: v.name, title: v.label, type: v.type };
  if (v.type === 'datetime') f.format = 'any';
  const parts = [
    v.text
      ? Object.entries(v.text)
          .map(([lang, t]) => `[${lang}] ${t}`)
          .join(' ')
      : undefined,
    v.derivation,
    `Survey versions: ${v.versions.join(', ')}.`,
  ];
  f.description = parts.filter(Boolean).join(' ');
  if (v.values && v.type !== 'boolean') {
    f.constraints = { enum: v.type === 'integer' ? v.values.map((x) => Number(x.code)) : v.values.map((x) => x.code) };
    f.valueLabels = Object.fromEntries(v.values.map((x) => [x.code, x.label.en]));
  }
  if (v.name === 'id') f.constraints = { required: true, unique: true };
  return f;
}
