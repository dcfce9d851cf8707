import { join } from 'node:path';
import { build, type Rolldown } from 'vite';

export const FLOOR_SCRIPT = '/floor/floor.js';

/**
 * The first-question floor (bench/floor/floor-entry.tsx) as one minified ES module, built in memory with the widget's
 * JSX settings (vite.config.ts) and served by the bench's static server: nothing of it is written to dist/.
 */
export async function buildFloorScript(root: string): Promise<string> {
  const out = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment', development: false } },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: join(root, 'bench/floor/floor-entry.tsx'), formats: ['es'], fileName: () => 'floor.js' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk' && o.isEntry);
  if (chunk?.type !== 'chunk')
    throw new Error('bench: building bench/floor/floor-entry.tsx gave no entry chunk; check its imports');
  return chunk.code;
}
