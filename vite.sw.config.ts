import { readFileSync } from 'node:fs';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';

// The service worker as two single, self-contained classic scripts: dist/outcome-survey-sw.js
// (the worker a host serves as is) and dist/outcome-survey-sw-import.js (for a host's own
// worker: importScripts, then self.OutcomeSurveySW.register(self)). Classic, not ES modules,
// because module workers and importScripts do not mix. emptyOutDir is off: the main build
// writes to dist/ too. A third build, an ES module, serves hosts that bundle their own worker. A fourth,
// dist/outcome-survey-link-sw.js, is the worker of the collector's link page (/s/): the same sync and an offline
// copy of the page, its caches named after the package version (worker/sw/link-sw.ts).
const workerBuild = (
  entry: string,
  fileName: string,
  outDir: string,
  plugins: Plugin[] = [],
  format: 'iife' | 'es' = 'iife',
  define: Record<string, string> = {},
): InlineConfig => ({
  configFile: false,
  logLevel: 'warn',
  plugins,
  define,
  build: {
    outDir,
    emptyOutDir: false,
    minify: true,
    target: 'es2022',
    copyPublicDir: false,
    lib: { entry, formats: [format], name: 'OutcomeSurveySWBundle', fileName: () => fileName },
  },
});

function alsoBuildImportScript(): Plugin {
  let outDir = 'dist';
  return {
    name: 'outcome-survey-sw-import-script',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      await build(workerBuild('worker/sw/import-script.ts', 'outcome-survey-sw-import.js', outDir));
      // The same logic as an ES module, for hosts that bundle their own worker:
      // import { registerOutcomeSurveyHandlers } from 'outcome-survey/worker'.
      await build(workerBuild('worker/index.ts', 'outcome-survey-worker.js', outDir, [], 'es'));
      const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
      await build(
        workerBuild('worker/sw/link-sw.ts', 'outcome-survey-link-sw.js', outDir, [], 'iife', {
          __LINK_SW_VERSION__: JSON.stringify(version),
        }),
      );
    },
  };
}

export default defineConfig(
  workerBuild('worker/sw/service-worker.ts', 'outcome-survey-sw.js', 'dist', [alsoBuildImportScript()]),
);
