import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';

// The service worker as two single, self-contained classic scripts: dist/outcome-survey-sw.js
// (the worker a host serves as is) and dist/outcome-survey-sw-import.js (for a host's own
// worker: importScripts, then self.OutcomeSurveySW.register(self)). Classic, not ES modules,
// because module workers and importScripts do not mix. emptyOutDir is off: the main build
// writes to dist/ too.
const workerBuild = (entry: string, fileName: string, outDir: string, plugins: Plugin[] = []): InlineConfig => ({
  configFile: false,
  logLevel: 'warn',
  plugins,
  build: {
    outDir,
    emptyOutDir: false,
    minify: true,
    target: 'es2022',
    copyPublicDir: false,
    lib: { entry, formats: ['iife'], name: 'OutcomeSurveySWBundle', fileName: () => fileName },
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
      await build(workerBuild('worker/import-script.ts', 'outcome-survey-sw-import.js', outDir));
    },
  };
}

export default defineConfig(
  workerBuild('worker/service-worker.ts', 'outcome-survey-sw.js', 'dist', [alsoBuildImportScript()]),
);
