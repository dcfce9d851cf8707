import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';

/**
 * dist/index.d.ts and dist/public-types.d.ts for npm users. The npm entry's exports
 * carry explicit types from one self-contained file, so each declaration file is
 * made from its own source alone (no type-checking pass, no tree of internal .d.ts).
 */
const DECLARED = { index: 'widget/entry/index.ts', 'public-types': 'widget/core/public-types.ts' };

function publicTypes(): Plugin {
  let outDir = 'dist';
  return {
    name: 'outcome-survey-public-types',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const [name, file] of Object.entries(DECLARED)) {
        const source = readFileSync(file, 'utf8');
        const { outputText, diagnostics } = ts.transpileDeclaration(source, {
          fileName: `${name}.ts`,
          compilerOptions: { strict: true },
        });
        if (diagnostics?.length)
          throw new Error(
            `${file}: cannot make its .d.ts: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, ' ')}`,
          );
        // dist/ is flat: '../core/public-types.ts' becomes './public-types.js' beside index.d.ts.
        writeFileSync(
          join(outDir, `${name}.d.ts`),
          outputText.replace(/from '(?:\.\.?\/)+(?:[\w-]+\/)*([\w-]+)\.ts'/g, "from './$1.js'"),
        );
      }
    },
  };
}

/**
 * show() fetches the bundler's runtime chunk (its namespace helper, ~150 B) beside the first-question UI chunk. Both
 * lazy chunks of the first question import it, so left alone the browser found it only once the survey code had
 * arrived and been parsed: one more round trip in series before the survey could be asked for
 * (bench/profiles/first-question.md). The bundler decides where its runtime goes and cannot be told, and source
 * code cannot name it, so the line show() runs (widget/entry/lazy-api.ts) is widened here, before the hashes are
 * made (renderChunk sees the placeholder names they replace). A static import in the loader would cost every page
 * that never shows a survey its bytes (the loader's 2 KB budget).
 */
function showFetchesRuntime(): Plugin {
  const LAZY_API = resolve('widget/entry/lazy-api.ts');
  return {
    name: 'outcome-survey-show-fetches-runtime',
    apply: 'build',
    renderChunk(code, chunk, _options, meta) {
      if (!chunk.moduleIds.includes(LAZY_API)) return null;
      const runtime = Object.values(meta.chunks).find((c) => c.name === 'rolldown-runtime');
      if (!runtime) return null;
      // Before minifying: `import("./outcome-survey-mount-survey-!~{d}~.js").then((n) => n.t).catch(() => {});`
      const ui =
        /import\("\.\/(outcome-survey-mount-survey-[^"]+)"\)((?:\.then\(\(\w+\) => \w+\.\w+\))?)\.catch\(\(\) => \{\}\)/g;
      const found = code.match(ui) ?? [];
      if (found.length !== 1)
        throw new Error(
          `vite.config.ts (showFetchesRuntime): expected show()'s one "import('../ui/mount-survey.tsx').catch(() => {})" in ${chunk.fileName}, found ${found.length}; update the pattern to the code widget/entry/lazy-api.ts builds to`,
        );
      return {
        code: code.replace(
          ui,
          (_all, file, then) =>
            `Promise.all([import("./${runtime.fileName}"), import("./${file}")${then}]).catch(() => {})`,
        ),
        map: null,
      };
    },
  };
}

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

/** A module and everything it imports statically, transitively. */
function staticClosure(graph: ModuleGraph, id: string, into = new Set<string>()): Set<string> {
  if (into.has(id)) return into;
  into.add(id);
  for (const dep of graph.getModuleInfo(id)?.importedIds ?? []) staticClosure(graph, dep, into);
  return into;
}

/**
 * The two lazy chunks on the way to the first question, each named after its entry: the survey code
 * (what widget/core/outcome-survey.ts imports statically beyond the entries' shared chunk) and the
 * first-question UI (what widget/ui/mount-survey.tsx imports statically beyond the survey code).
 * Left to itself the bundler cuts the flow path (flow-path.ts and its imports) into a 373 B chunk of
 * its own, because widget/delivery/record-steps.ts shares it and is imported by the core, not the UI;
 * but record-steps is only fetched once the UI is mounting, so one file for the first question is fewer
 * bytes (each file pays for its own compression window and imports). Once a group is set, the core's
 * helpers that later chunks share (debug-log.ts) stay in the core only through a group of its own.
 */
function firstQuestionChunks(): (id: string, graph: ModuleGraph) => string | null {
  let chunkOf: Map<string, string> | undefined;
  return (id, graph) => {
    if (!chunkOf) {
      const entries = new Set<string>();
      for (const entry of ['widget/entry/loader.ts', 'widget/entry/index.ts'])
        staticClosure(graph, resolve(entry), entries);
      const core = staticClosure(graph, resolve('widget/core/outcome-survey.ts'));
      const ui = staticClosure(graph, resolve('widget/ui/mount-survey.tsx'));
      chunkOf = new Map([
        ...[...core].filter((m) => !entries.has(m)).map((m): [string, string] => [m, 'outcome-survey']),
        ...[...ui].filter((m) => !core.has(m)).map((m): [string, string] => [m, 'mount-survey']),
      ]);
    }
    return chunkOf.get(id) ?? null;
  };
}

// The embeddable widget: dist/outcome-survey.js (the script tag's loader), dist/index.js
// (the npm ESM entry), and the lazy chunks beside them, loaded by relative URL so the
// files work from any CDN path. Library mode, because an app build wraps every dynamic
// import in a preload helper that adds <link> tags to the host page and resolves chunk
// URLs against the page's origin. The service worker has its own build (vite.sw.config.ts).
export default defineConfig({
  publicDir: false,
  plugins: [publicTypes(), showFetchesRuntime()],
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  // Classic JSX (`h(type, props, ...children)`, tsconfig's jsxFactory) rather than the automatic
  // runtime: no jsx-runtime module beside Preact's createElement, and no `children: [...]` wrapper
  // per element (≈150 B brotli on the UI chunks). Production JSX even when the build runs under
  // NODE_ENV=test (vitest's global setup): the development transform adds each element's source.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment', development: false } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    manifest: true,
    sourcemap: false,
    lib: {
      entry: { 'outcome-survey': 'widget/entry/loader.ts', index: 'widget/entry/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      // The first-question groups (below) leave each shared module in the earlier chunk, which the bundler
      // allows only when entries may export more than their own module. None does today, and
      // tests/e2e/budget.test.ts holds the npm entry and the loader apart.
      preserveEntrySignatures: 'allow-extension',
      // Lib mode keeps whitespace in ES output; the bundler's own minifier removes it.
      // Minified files that nobody bundles again need no /* @__PURE__ */ hints (one per JSX
      // element, ≈100 B brotli on the first-question path); licence comments stay.
      output: {
        // A folder's entry (index.ts, e.g. widget/ui/rest/) names its chunk after the folder, not "index".
        // Six hash characters (36 bits, more than Parcel's 32) still tell two builds of one chunk apart;
        // the default eight cost ≈70 B brotli on the first-question path, whose files name ~20 others.
        chunkFileNames: (chunk) =>
          chunk.name === 'index' && chunk.facadeModuleId
            ? `outcome-survey-${basename(dirname(chunk.facadeModuleId))}-[hash:6].js`
            : 'outcome-survey-[name]-[hash:6].js',
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: firstQuestionChunks(), debugName: 'first-question chunks' }],
        },
        minify: true,
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
});
