import { describe, expect, it } from 'vitest';
import { FUNCTION_ENV } from '../../bench/cold-start.ts';
import {
  BoardEnvSchema,
  DirectoryEnvSchema,
  GuidanceEnvSchema,
  ReferralsEnvSchema,
  ServicesEnvSchema,
} from '../../functions/platform/config.ts';

/**
 * The cold-start benchmark imports each function's bundle with a made-up configuration
 * (bench/cold-start.ts). A handler refuses to load without what its configuration schema asks for,
 * so a setting added to a function must be added there too, or `npm run bench` cannot measure it.
 */
describe('the cold-start benchmark’s configuration', () => {
  it.each([
    ['guidance', GuidanceEnvSchema],
    ['referrals', ReferralsEnvSchema],
    ['board', BoardEnvSchema],
    ['directory', DirectoryEnvSchema],
    ['services', ServicesEnvSchema],
  ] as const)('has everything the %s function reads at load', (_, schema) => {
    const parsed = schema.safeParse(FUNCTION_ENV);
    expect(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []).toEqual([]);
  });
});
