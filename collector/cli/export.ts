// npm run export -- --format csv|jsonl --out FILE [--survey ID] [--version N] [--country CC] [--from ISO] [--to ISO]
//                    [--excel] [--labels] [--bom] [--codebook]   (--codebook: --out is a folder; CSV + datapackage.json + codebook.md)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.ts';
import { buildCodebook } from '../export/codebook.ts';
import { codebookMarkdown } from '../export/codebook-markdown.ts';
import { toDataPackage } from '../export/data-package.ts';
import { columnsFor, exportChunks } from '../export/export-chunks.ts';
import { filterOf, parseExportOptions } from '../export/export-options.ts';
import { progressBar } from '../export/progress-bar.ts';
import { writeExport } from '../export/write-export.ts';
import { openStorage } from '../storage/open-storage.ts';
import { SurveyRegistry } from '../surveys/survey-registry.ts';

const flags = ['excel', 'labels', 'bom', 'codebook'] as const;
const texts = ['format', 'out', 'survey', 'version', 'country', 'from', 'to'] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: Object.fromEntries([
      ...flags.map((f) => [f, { type: 'boolean' }]),
      ...texts.map((t) => [t, { type: 'string' }]),
    ]),
    strict: true,
  });
  const { out, codebook, ...rest } = values as Record<string, string | boolean | undefined>;
  if (typeof out !== 'string') throw new Error('--out: required (a file, or a folder with --codebook)');
  const config = loadConfig(process.env);
  const surveys = SurveyRegistry.fromFolder(config.surveysDir);
  const options = parseExportOptions(
    Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    'npm run export',
  );
  const survey = options.format === 'csv' || codebook ? columnsFor(surveys, options.survey).surveyId : options.survey;
  const storage = await openStorage(config.databaseUrl);
  try {
    let file = out;
    if (codebook) {
      mkdirSync(out, { recursive: true });
      const book = buildCodebook(surveys.versions(survey as string));
      const csvName = `${survey}.csv`;
      file = join(out, csvName);
      writeFileSync(
        join(out, 'datapackage.json'),
        `${JSON.stringify(toDataPackage(book, csvName, { delimiter: options.excel ? ';' : ',', bom: options.bom || options.excel }), null, 2)}\n`,
      );
      writeFileSync(join(out, 'codebook.md'), codebookMarkdown(book));
      options.format = 'csv';
    }
    const resolved = { ...options, survey };
    const progress = progressBar(await storage.count(filterOf(resolved)));
    await writeExport(exportChunks({ storage, surveys }, resolved, progress.tick), file);
    progress.done();
    process.stderr.write(
      `wrote ${file}${codebook ? `, ${join(out, 'datapackage.json')} and ${join(out, 'codebook.md')}` : ''}\n`,
    );
  } finally {
    await storage.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`export failed: ${err.message}\n`);
  process.exitCode = 1;
});
