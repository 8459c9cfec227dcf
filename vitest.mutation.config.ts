import { defineConfig } from 'vitest/config';

/**
 * The unit tests of the domain rules, for Stryker (`npm run mutation`). The rules are pure, so no
 * DynamoDB Local (no global setup) and no run summary, which would be printed once per mutant. Only
 * the rules' own tests: a mutant in a module-level constant runs every included test, so the unit
 * tests of config, tokens and the like would only add time.
 */
export default defineConfig({
  test: {
    include: [
      'test/unit/{bank-holidays,board-rules,child-dates,confusables,csv,duplicates}*.test.ts',
      'test/unit/{guidance-check,guidance-diff,guidance-framework}*.test.ts',
      'test/unit/{referral-lifecycle,referral-rules,return-address,small-numbers,text}*.test.ts',
      'test/unit/{threshold-consistency,working-days}*.test.ts',
    ],
  },
});
