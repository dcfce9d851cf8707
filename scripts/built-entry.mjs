// Plain JavaScript on purpose: this runs before anything can compile TypeScript (scripts/run-built.mjs).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

/** Bumped when the way a bundle is built changes, so older bundles are rebuilt. */
const RECIPE = 2;

export class BuildError extends Error {}

const digest = (text) => createHash('sha256').update(text).digest('hex');

/** The sources a bundle was made from, each with the hash of its content then. */
function readManifest(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// A content hash rather than modification times: a `git checkout` of an older version, or a copy that keeps
// times, changes what the bundle must hold without making any file newer.
function isCurrent(manifest, root) {
  if (manifest?.recipe !== RECIPE) return false;
  for (const [path, hash] of Object.entries(manifest.inputs)) {
    let text;
    try {
      text = readFileSync(join(root, path));
    } catch {
      return false;
    }
    if (digest(text) !== hash) return false;
  }
  return true;
}

async function build(entry, root, bundle) {
  // Loaded only to rebuild: an export whose bundle is current never starts esbuild.
  const esbuild = await import('esbuild');
  let result;
  try {
    result = await esbuild.build({
      entryPoints: [entry],
      outdir: dirname(bundle),
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      // Modules imported with import() stay in chunks of their own, loaded only when used (pg by a SQLite export).
      splitting: true,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node.split('.')[0]}`,
      // node_modules stay imports, resolved from the repository as before (native modules such as better-sqlite3
      // cannot be bundled); only our TypeScript is compiled.
      packages: 'external',
      sourcemap: 'linked',
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
  } catch (err) {
    const where = (err.errors ?? [])
      .map((e) => `${e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : ''}${e.text}`)
      .join('\n  ');
    throw new BuildError(
      `cannot compile ${relative(root, entry)}:\n  ${where || err.message}\nfix the error above and run the command again`,
    );
  }
  const inputs = {};
  for (const path of Object.keys(result.metafile.inputs)) {
    inputs[relative(root, resolve(process.cwd(), path))] = digest(readFileSync(resolve(process.cwd(), path)));
  }
  // Written beside and renamed: two commands starting at once never import half a file.
  for (const out of result.outputFiles) {
    const tmp = `${out.path}.${process.pid}.tmp`;
    writeFileSync(tmp, out.contents);
    renameSync(tmp, out.path);
  }
  return inputs;
}

/**
 * The path of a JavaScript bundle of `entry` (a TypeScript file) in `cacheDir`, built again whenever any source it
 * was made from changed. Returns whether it was built now, so a test can tell.
 */
export async function builtEntry(entry, { root, cacheDir }) {
  const name = basename(entry).replace(/\.[cm]?[jt]s$/, '');
  const bundle = join(cacheDir, `${name}.mjs`);
  const manifestFile = join(cacheDir, `${name}.inputs.json`);
  if (isCurrent(readManifest(manifestFile), root)) return { bundle, rebuilt: false };
  try {
    mkdirSync(dirname(bundle), { recursive: true });
  } catch (err) {
    throw new BuildError(`cannot create ${cacheDir} for the compiled command (${err.message}); make it writable`);
  }
  const inputs = await build(entry, root, bundle);
  const tmp = `${manifestFile}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ recipe: RECIPE, inputs }, null, 2)}\n`);
  renameSync(tmp, manifestFile);
  return { bundle, rebuilt: true };
}
