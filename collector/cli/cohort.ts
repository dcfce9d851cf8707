// npm run cohort -- import --cohort ID FILE [--json] | list | --help
// Imports a school's roster (CSV, or JSON { "members": [ … ] }) whole or not at all, or lists the cohorts; the same
// checks and the same keyed hash as PUT /v1/cohorts/:id. Exits 1 when the file is refused or the command fails,
// 2 on a wrong command line.
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { loadConfig } from '../config/load-config.ts';
import { COHORT_USAGE, CohortArgsError, parseCohortArgs } from '../denominators/cohort-args.ts';
import { cohortsText, importText, problemsText } from '../denominators/cohort-text.ts';
import { parseRosterCsv } from '../denominators/roster-csv.ts';
import { parseRosterJson } from '../denominators/roster-json.ts';
import { type HashedRoster, hashRoster, importCohort, NOTHING_IMPORTED } from '../researcher/import-cohort.ts';
import { RosterBodyError, rosterBodyText } from '../researcher/roster-body-text.ts';
import { openExistingStorage } from './open-existing-storage.ts';

/** A file the import refuses: its problems are printed, nothing is stored. */
class RefusedFile extends Error {}

async function main(): Promise<void> {
  const args = parseCohortArgs(process.argv.slice(2));
  if (args.kind === 'help') {
    process.stdout.write(`${COHORT_USAGE}\n`);
    return;
  }
  const config = loadConfig(process.env);
  // Read before storage is opened, so a refused file never touches the database.
  const roster = args.kind === 'import' ? await readRoster(args.file, args.format, config.learnerRefSecret) : undefined;
  if (args.kind === 'import' && roster && !roster.ok) {
    process.stderr.write(problemsText(args.cohort, roster.problems, roster.more));
    process.exitCode = 1;
    return;
  }
  const storage = await openExistingStorage(config.databaseUrl);
  try {
    const denominators = storage;
    if (args.kind === 'list') {
      process.stdout.write(cohortsText(await denominators.cohorts()));
      return;
    }
    if (!roster?.ok) return;
    process.stdout.write(
      importText(await importCohort(denominators, args.cohort, roster.members, new Date().toISOString())),
    );
  } finally {
    await storage.close();
  }
}

async function readRoster(file: string, format: 'csv' | 'json', secret: string): Promise<HashedRoster> {
  if (format === 'csv') {
    const bytes = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    try {
      const text = rosterBodyText(bytes, Number.POSITIVE_INFINITY, false);
      return await hashRoster((sink) => parseRosterCsv(text, sink), secret);
    } catch (err) {
      if (err instanceof RosterBodyError) throw new RefusedFile(`${file}: ${err.message}`);
      throw new Error(`cannot read ${file}: ${(err as Error).message}`);
    }
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RefusedFile(`${file}: the roster is not valid UTF-8: save the file as UTF-8 and import it again`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new RefusedFile(`${file}: not valid JSON: ${(err as Error).message.slice(0, 200)}: check the file`);
  }
  return hashRoster(() => parseRosterJson(json), secret);
}

main().catch((err: Error) => {
  const refused = err instanceof RefusedFile;
  const usage = err instanceof CohortArgsError;
  // A usage error already starts with "npm run cohort:".
  process.stderr.write(
    refused ? `${err.message}\n${NOTHING_IMPORTED}\n` : usage ? `${err.message}\n` : `cohort failed: ${err.message}\n`,
  );
  process.exitCode = usage ? 2 : 1;
});
