import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';

// The service worker as two single, self-contained classic scripts: dist/outcome-survey-sw.js
// (the worker a host serves as is) and dist/outcome-survey-sw-import.js (for a host's own
// worker: importScripts, then self.OutcomeSurveySW.register(self)). Classic, not ES modules,
// because module workers and importScripts do not mix. emptyOutDir is off: the main build
// writes to dist/ too. A third build, an ES module, serves hosts that bundle their own worker.
const workerBuild = (
  entry: string,
  fileName: string,
  outDir: string,
  plugins: Plugin[] = [],
  format: 'iife' | 'es' = 'iife',
): InlineConfig => ({
  configFile: false,
  logLevel: 'warn',
  plugins,
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
    },
  };
}

export default defineConfig(
  workerBuild('worker/sw/service-worker.ts', 'outcome-survey-sw.js', 'dist', [alsoBuildImportScript()]),
);
