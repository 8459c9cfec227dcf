import { defineConfig } from 'vitest/config';

/**
 * One run, five kinds of test: unit (pure), api (the apps through `app.request()` against
 * DynamoDB Local), infra (CDK synthesis, assertions and cdk-nag), security (the authorization matrix,
 * hostile input, faults, concurrency and privacy: SECURITY.md) and browser (Chromium against the
 * local runtime). The global setup starts one in-memory DynamoDB Local for the whole run.
 */
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    // `npm run coverage`: line and branch coverage of the server side and the shared rules by the unit,
    // api and security tests (the browser's modules run in Chromium, where v8 coverage here does not
    // reach). The thresholds are the figures measured when they were set, rounded down: a change that
    // lowers one fails the command, and they are raised as tests are added.
    coverage: {
      provider: 'v8',
      include: ['shared/**/*.ts', 'functions/**/*.ts'],
      reporter: ['text-summary', 'html'],
      reportsDirectory: 'reports/coverage',
      thresholds: { lines: 93, statements: 92, functions: 91, branches: 84 },
    },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'api', include: ['test/api/**/*.api.test.ts'], testTimeout: 30_000 } },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.infra.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.ts'],
          // A long journey takes ~30 s alone; the margin is for a busy two-core machine.
          testTimeout: 300_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
