// node scripts/run-built.mjs collector/cli/export.ts ARGS…
// Runs a TypeScript command compiled once into .cache/cli/ (rebuilt whenever a source changed) instead of through
// tsx: tsx's loader is a second V8 isolate, 37 MiB of an export's 120 MiB budget and its start-up (issue 20,
// bench/profiles/export.md).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BuildError, builtEntry } from './built-entry.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const [entryArg] = process.argv.splice(2, 1);
if (!entryArg) {
  process.stderr.write('usage: node scripts/run-built.mjs FILE.ts [ARGS…] (for example collector/cli/export.ts)\n');
  process.exit(2);
}
const entry = resolve(entryArg);
let bundle;
try {
  ({ bundle } = await builtEntry(entry, { root: ROOT, cacheDir: resolve(ROOT, '.cache/cli') }));
} catch (err) {
  if (!(err instanceof BuildError)) throw err;
  process.stderr.write(`${entryArg}: ${err.message}\n`);
  process.exit(1);
}
// The command reads its own arguments from process.argv[2…], as it does when run directly.
process.argv[1] = entry;
await import(pathToFileURL(bundle).href);
