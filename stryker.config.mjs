/**
 * Mutation testing of the pure domain rules against the unit tests (`npm run mutation`). A measure,
 * like the bench: not part of `npm test`. See docs/mutation-testing.md.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  // The rules, not the schemas, labels or types beside them.
  mutate: [
    'shared/platform/bank-holidays.ts',
    'shared/board/rules.ts',
    'shared/platform/confusables.ts',
    'shared/platform/csv.ts',
    'shared/referrals/duplicates.ts',
    'shared/guidance/check.ts',
    'shared/guidance/diff.ts',
    'shared/referrals/lifecycle.ts',
    'shared/referrals/rules.ts',
    'shared/platform/return-address.ts',
    'shared/platform/small-numbers.ts',
    'shared/platform/text.ts',
    'shared/referrals/consistency.ts',
    'shared/platform/working-days.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // TypeScript 7 has no compiler API for Stryker to rewrite tsconfig.json with; vitest needs none.
  tsconfigFile: 'stryker-has-no-tsconfig.json',
  // Inside the git-ignored report folder, so neither Biome nor tsc ever reads the sandbox's copy.
  tempDirName: 'reports/mutation/.stryker-tmp',
  ignorePatterns: ['/.data', '/.cache', '/cdk.out', '/web/dist', '/bench-results', '/coverage', '/.test-out'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // A pure rule answers in milliseconds; a mutant that loops forever is cut off early.
  timeoutMS: 10_000,
};
