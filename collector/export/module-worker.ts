import { type Transferable, Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `file`. A TypeScript file (the CLI run through tsx, as the tests do) gets tsx's
 * loader first: Node 20's workers do not inherit the module hooks that `--import tsx` registered in their parent.
 */
export function moduleWorker(file: URL, workerData: unknown, transferList: Transferable[] = []): Worker {
  if (!file.pathname.endsWith('.ts')) return new Worker(file, { workerData, transferList });
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(file.href)});`;
  return new Worker(source, { eval: true, workerData, transferList });
}
