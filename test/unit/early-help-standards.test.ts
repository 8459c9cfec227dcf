import { describe, expect, it } from 'vitest';
import { currentStandardsOf } from '../../functions/early-help/standards-source.ts';
import { silentLogger } from '../../functions/platform/logger.ts';
import { fieldErrors } from '../../functions/platform/routing.ts';
import { StandardsInputSchema } from '../../shared/early-help/schema.ts';
import { DEFAULT_STANDARDS, standardsBasis } from '../../shared/early-help/standards.ts';
import * as z from '../../shared/platform/zod.ts';

/** The standards the board sends, as they are stored and read back, and what a listing is made under. */

const refused = (input: unknown) => {
  const result = z.safeParse(StandardsInputSchema, input);
  return result.success ? [] : fieldErrors(result.error);
};

describe('what the board may send', () => {
  it('takes four whole numbers of working days from 1 to 260', () => {
    expect(refused(DEFAULT_STANDARDS)).toEqual([]);
    expect(
      refused({
        leadWithinWorkingDays: 1,
        assessmentWithinWorkingDays: 260,
        planWithinWorkingDays: 2,
        reviewEveryWorkingDays: 259,
      }),
    ).toEqual([]);
  });

  it.each([
    ['none', 0],
    ['too many', 261],
    ['a fraction', 1.5],
    ['a string', '5'],
    ['nothing', null],
    ['negative', -5],
  ])('refuses %s, naming the field', (_what, value) => {
    expect(refused({ ...DEFAULT_STANDARDS, planWithinWorkingDays: value })).toEqual([
      { field: 'planWithinWorkingDays', reason: 'Enter a whole number of working days from 1 to 260' },
    ]);
  });

  it('names each missing standard, and a field it does not take', () => {
    expect(refused({ reviewEveryWorkingDays: 30, leadDays: 5 }).map((e) => e.field)).toEqual([
      'leadWithinWorkingDays',
      'assessmentWithinWorkingDays',
      'planWithinWorkingDays',
      'leadDays',
    ]);
  });
});

describe('the standards item as read', () => {
  it('is the defaults at version 0 when none is set', () => {
    expect(currentStandardsOf(undefined, silentLogger)).toEqual({ standards: DEFAULT_STANDARDS, version: 0 });
  });

  it('keeps its version, when it was changed and the re-listing under way', () => {
    const item = {
      pk: 'STANDARDS',
      sk: 'CURRENT',
      ...DEFAULT_STANDARDS,
      leadWithinWorkingDays: 3,
      version: 4,
      changedAt: '2026-06-04T10:00:00.000Z',
      relisting: { after: '2026-06-04T10:02:00.000Z' },
    };
    expect(currentStandardsOf(item, silentLogger)).toEqual({
      standards: { ...DEFAULT_STANDARDS, leadWithinWorkingDays: 3 },
      version: 4,
      changedAt: '2026-06-04T10:00:00.000Z',
      relisting: { after: '2026-06-04T10:02:00.000Z' },
    });
  });

  it('falls back to the defaults for a broken item, saying so, but keeps its version for the next change', () => {
    const logged: string[] = [];
    const logger = { log: (_level: string, message: string) => logged.push(message) };
    const read = currentStandardsOf({ leadWithinWorkingDays: 0, version: 2 }, logger);
    expect(read).toEqual({ standards: DEFAULT_STANDARDS, version: 2 });
    expect(logged).toEqual(['the early-help standards item is not sound: the defaults apply']);
    // One set by hand, without a version, is replaced as if none were set.
    expect(currentStandardsOf({ ...DEFAULT_STANDARDS }, silentLogger).version).toBe(0);
  });
});

describe('what a listing is made under', () => {
  it('is named by the standards’ values, so equal standards list an episode alike', () => {
    expect(standardsBasis(DEFAULT_STANDARDS)).toBe('5-20-5-30');
    expect(standardsBasis({ ...DEFAULT_STANDARDS })).toBe(standardsBasis(DEFAULT_STANDARDS));
    expect(standardsBasis({ ...DEFAULT_STANDARDS, reviewEveryWorkingDays: 31 })).toBe('5-20-5-31');
  });
});
