import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two test files at a time, from either suite. Vitest runs every file of a suite with
    // `fileParallelism: false` one at a time across all suites, so that would leave a core idle.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/integration/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          exclude: ['tests/integration/dev.test.ts'],
          globalSetup: ['tests/globalSetup.ts'],
        },
      },
      {
        // While a build renders, Astro's list of chapter modules in the project folder, which
        // a dev server reads, is the build's (docs/performance.md, "Builds side by side"): the
        // dev server's tests run after every other file, alone.
        extends: true,
        test: {
          name: 'dev',
          include: ['tests/integration/dev.test.ts'],
          sequence: { groupOrder: 1 },
          maxWorkers: 1,
        },
      },
    ],
  },
});
