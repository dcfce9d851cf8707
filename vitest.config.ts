import { defineConfig } from 'vitest/config';
import InterleavedSequencer from './tests/support/interleaved-sequencer.ts';

// Three projects, one per environment: Node units, DOM units (happy-dom), and
// browser tests in real headless Chromium (tests/e2e).
export default defineConfig({
  test: {
    // Two files at a time, whatever the project: vitest's default on a 2-core machine is one
    // (cores - 1), which left a core idle while a browser test waited. Every file sets up its own
    // servers, ports, folders and browser, so files do not share state; the sequencer pairs a
    // waiting browser file with a busy Node one (bench/profiles/suite-time.md).
    maxWorkers: 2,
    sequence: { sequencer: InterleavedSequencer },
    // `npm test` prints line and branch coverage of the source folders (Node and happy-dom
    // tests; code that runs inside Chromium is exercised by the browser tests but not counted).
    coverage: {
      provider: 'v8',
      include: ['{protocol,widget,worker,collector}/**/*.{ts,tsx}'],
      reporter: ['text-summary'],
      reportOnFailure: true,
    },
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/widget/**'],
          // One throwaway PostgreSQL cluster per run, shared by the storage tests.
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          // Hang guards, not speed checks: two files run at once on CI's two cores.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/widget/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/widget/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
