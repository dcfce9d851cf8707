import { describe, expect, it } from 'vitest';
import { buildCodebook } from '../../../collector/export/codebook.ts';
import { codebookMarkdown } from '../../../collector/export/codebook-markdown.ts';
import { toDataPackage } from '../../../collector/export/data-package.ts';
import { exportChunks } from '../../../collector/export/export-chunks.ts';
import { parseExportOptions } from '../../../collector/export/export-options.ts';
import { FLAG_NAMES } from '../../../collector/flags/flag.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { generateResponse, TEST_SURVEYS } from '../../support/generate-responses.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';

async function csvHeader(): Promise<string[]> {
  const src = { storage: new MemoryStorage([generateResponse(0)]), surveys: new SurveyRegistry(TEST_SURVEYS) };
  for await (const chunk of exportChunks(src, parseExportOptions({ survey: 'outcomes-test' }, 'test')))
    return chunk.trimEnd().split(',');
  return [];
}

type Field = { name: string; type: string; description: string; constraints?: { enum?: unknown[] } };

describe('codebook', () => {
  const book = buildCodebook(TEST_SURVEYS);

  it('describes every column of the CSV, in order', async () => {
    expect(book.variables.map((v) => v.name)).toEqual(await csvHeader());
  });

  it('gives question text in each language and value labels', () => {
    const situation = book.variables.find((v) => v.name === 'situation');
    expect(situation?.text).toEqual({ en: 'Main situation?', fr: 'Situation ?' });
    expect(situation?.values?.map((v) => v.code)).toEqual(['employed', 'looking']);
    expect(book.variables.find((v) => v.name === 'wg_seeing')?.text?.fr).toBe('Avez-vous des difficultés à voir ?');
  });

  it('describes consent_groups as a ";"-separated list of separate consents', () => {
    const v = book.variables.find((x) => x.name === 'consent_groups');
    expect(v).toMatchObject({ type: 'string', source: 'meta', versions: [1, 2] });
    expect(v?.label).toMatch(/separately.*";"-separated/);
  });

  it('describes learner_ref_status with a label for each value', () => {
    const v = book.variables.find((x) => x.name === 'learner_ref_status');
    expect(v).toMatchObject({ type: 'string', source: 'meta', versions: [1, 2] });
    expect(v?.values?.map((x) => x.code)).toEqual(['verified', 'unchecked', 'unverified']);
    expect(v?.values?.find((x) => x.code === 'unverified')?.label.en).toMatch(/dropped/);
  });

  it.each(FLAG_NAMES)('says how the flag %s is computed', (flag) => {
    expect(book.variables.find((v) => v.name === `flag_${flag}`)?.derivation).toMatch(/\w+ \w+ \w+/);
  });

  it('makes a tabular data package with enums and empty as the missing value', async () => {
    const pkg = toDataPackage(book, 'export.csv', { delimiter: ',', bom: false }) as {
      resources: { path: string; profile: string; schema: { fields: Field[]; missingValues: string[] } }[];
    };
    const [res] = pkg.resources;
    expect(res.profile).toBe('tabular-data-resource');
    expect(res.schema.missingValues).toEqual(['']);
    expect(res.schema.fields.map((f) => f.name)).toEqual(await csvHeader());
    const byName = new Map(res.schema.fields.map((f) => [f.name, f]));
    expect(byName.get('changes__new_job')?.constraints?.enum).toEqual([0, 1]);
    expect(byName.get('refugee')?.constraints?.enum).toEqual(['yes', 'no', 'prefer_not_to_say']);
    expect(byName.get('in_field')?.description).toContain('Survey versions: 2.');
  });

  it('writes a Markdown section for every variable', () => {
    const md = codebookMarkdown(book);
    for (const v of book.variables) expect(md).toContain(`## \`${v.name}\``);
    expect(md).toContain('fr: Situation ?');
  });
});
