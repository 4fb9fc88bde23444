import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two suites side by side, one file at a time each: on two cores a unit test file runs
    // while a site is built. Site builds share Astro's caches, so only one builds at a time.
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/*.test.ts'], fileParallelism: false },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/integration/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/globalSetup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
