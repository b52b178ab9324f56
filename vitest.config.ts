import { defineConfig } from 'vitest/config';

/**
 * Three suites:
 * - unit: beside the code, no database, no network;
 * - http: tests/ through app.inject against a real PostGIS (embedded by
 *   default, a server when TEST_DATABASE_URL is set);
 * - e2e: the built client in Debian's Chromium (playwright-core).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['server/**/*.test.ts', 'client/**/*.test.ts', 'seeds/**/*.test.ts', 'data/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'http',
          sequence: { groupOrder: 1 },
          include: ['tests/http/**/*.test.ts', 'tests/db/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'gdal',
          sequence: { groupOrder: 3 },
          include: ['tests/gdal/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'resilience',
          sequence: { groupOrder: 4 },
          include: ['tests/resilience/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
