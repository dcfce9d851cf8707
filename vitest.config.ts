import { defineConfig } from 'vitest/config';

// Three projects, one per environment: Node units, DOM units (happy-dom), and
// browser tests in real headless Chromium (tests/e2e, one file at a time).
export default defineConfig({
  test: {
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
          testTimeout: 30_000,
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
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
