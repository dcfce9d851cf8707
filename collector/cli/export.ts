// npm run export -- --format csv|jsonl --out FILE|- [--survey ID] [--version N] [--country CC] [--course_id ID]
//                    [--path_id ID] [--from ISO] [--to ISO]
//                    [--excel] [--labels] [--bom] [--codebook]   (--codebook: --out is a folder; CSV + datapackage.json + codebook.md)
// Exits 2 on a bad command line (as check-survey does), 1 when the export itself fails.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../config/load-config.ts';
import { buildCodebook } from '../export/codebook.ts';
import { codebookMarkdown } from '../export/codebook-markdown.ts';
import { toDataPackage } from '../export/data-package.ts';
import { isBlockWorkerInput, serveExportBlocks } from '../export/export-block-worker.ts';
import { columnsFor, exportChunks } from '../export/export-chunks.ts';
import { ExportOptionsError, filterOf, parseExportOptions } from '../export/export-options.ts';
import { progressBar } from '../export/progress-bar.ts';
import { sqliteParallelChunks } from '../export/sqlite-parallel-chunks.ts';
import { writeExport } from '../export/write-export.ts';
import { SurveyRegistry } from '../surveys/survey-registry.ts';
import { openExistingStorage } from './open-existing-storage.ts';

const USAGE = `usage: npm run export -- --out FILE|- [--format csv|jsonl] [filters] [--labels] [--excel] [--bom]
       npm run export -- --codebook --out FOLDER [filters] [--labels] [--excel] [--bom]
  --out FILE|-     the file to write; "-" writes to standard output
  --codebook       --out is a folder: SURVEY.csv, datapackage.json and codebook.md
  --format         csv (default) or jsonl
  filters          --survey ID, --version N, --country CC (e.g. FR), --course_id ID, --path_id ID,
                   --from DATE, --to DATE (e.g. 2026-01-31)
  --labels         option labels instead of ids; --excel: ";" and a BOM for Excel; --bom: a BOM only
Reads DATABASE_URL and SURVEYS_DIR from the environment, as the collector does.
`;

class UsageError extends Error {}

const flags = ['excel', 'labels', 'bom', 'codebook', 'help'] as const;
const texts = ['format', 'out', 'survey', 'version', 'country', 'course_id', 'path_id', 'from', 'to'] as const;

function commandLine(): Record<string, string | boolean | undefined> {
  try {
    const { values } = parseArgs({
      options: Object.fromEntries([
        ...flags.map((f) => [f, { type: 'boolean' }]),
        ...texts.map((t) => [t, { type: 'string' }]),
      ]),
      strict: true,
    });
    return values as Record<string, string | boolean | undefined>;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function main(): Promise<void> {
  const { out, codebook, help, ...rest } = commandLine();
  if (help) {
    process.stdout.write(USAGE);
    return;
  }
  if (typeof out !== 'string')
    throw new UsageError('--out: required (a file, "-" for standard output, or a folder with --codebook)');
  if (codebook && out === '-')
    throw new UsageError('--out: --codebook writes three files, so it needs a folder, not "-"');
  const options = parseExportOptions(
    Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    'npm run export',
  );
  const config = loadConfig(process.env);
  const surveys = SurveyRegistry.fromFolder(config.surveysDir);
  const survey = options.format === 'csv' || codebook ? columnsFor(surveys, options.survey).surveyId : options.survey;
  // An export walks the index in order and reads each table page about once: a 2 MiB page cache per connection
  // (the sqlite3 shell's; two threads read, each its own ranges) holds what it revisits, and better-sqlite3's
  // 16 MiB default was the largest part of the export's memory (issue 20; bench/profiles/export.md).
  const cacheKib = 2048;
  const storage = await openExistingStorage(config.databaseUrl, { cacheKib });
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
    // Counting is a scan of the index (a few % of a long export): only a terminal shows the bar that needs it.
    const progress = progressBar(process.stderr.isTTY ? await storage.count(filterOf(resolved)) : 0);
    // A SQLite file is read by two threads, a range each in turn (sqlite-parallel-chunks.ts); PostgreSQL's reads
    // are round trips that already overlap with the formatting.
    const path = sqliteFile(config.databaseUrl);
    const chunks = path
      ? sqliteParallelChunks(
          { path, surveys, surveysDir: config.surveysDir, workerFile: new URL(import.meta.url), cacheKib },
          resolved,
          progress.tick,
        )
      : exportChunks({ storage, surveys }, resolved, progress.tick);
    try {
      await writeExport(chunks, file === '-' ? process.stdout : file);
    } catch (err) {
      // A cut file would pass for the whole export: remove it, and say so.
      if (file !== '-') rmSync(file, { force: true });
      throw new Error(
        `${(err as Error).message}; the export stopped part way${file !== '-' ? ` and ${file} was removed` : ''}: check that the database (DATABASE_URL) is up, then run the export again`,
      );
    }
    progress.done();
    if (file !== '-')
      process.stderr.write(
        `wrote ${file}${codebook ? `, ${join(out, 'datapackage.json')} and ${join(out, 'codebook.md')}` : ''}\n`,
      );
  } finally {
    await storage.close();
  }
}

/** The file of a sqlite: DATABASE_URL (the spellings open-storage.ts accepts), undefined for PostgreSQL or memory. */
function sqliteFile(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith('sqlite:')) return undefined;
  const path = databaseUrl.slice('sqlite:'.length).replace(/^\/\//, '');
  return path === ':memory:' ? undefined : path;
}

// This file is also the export's second thread (sqlite-parallel-chunks.ts starts it as a worker), so that the
// compiled CLI (scripts/run-built.mjs) stays one file.
if (!isMainThread && isBlockWorkerInput(workerData) && parentPort) serveExportBlocks(parentPort, workerData);
else
  main().catch((err: Error) => {
    const usage = err instanceof UsageError || err instanceof ExportOptionsError;
    process.stderr.write(
      `export failed: ${err.message}\n${usage ? 'npm run export -- --help lists the options\n' : ''}`,
    );
    process.exitCode = usage ? 2 : 1;
  });
