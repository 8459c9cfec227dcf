import { describe, expect, it } from 'vitest';
import {
  childMatchKey,
  childNameDobKey,
  isReReferral,
  normalisePostcode,
} from '../../shared/referrals/duplicates.ts';

describe('possible duplicates: what the keys are made of', () => {
  it('ignores spaces around a date of birth, and matches a missing one only with another missing one', () => {
    const child = { firstName: 'Maisie', lastName: 'Fairbrook', postcode: 'NS1 2AB' };
    expect(childMatchKey({ ...child, dateOfBirth: ' 2018-05-14 ' })).toBe(
      childMatchKey({ ...child, dateOfBirth: '2018-05-14' }),
    );
    expect(childNameDobKey({ ...child, dateOfBirth: ' 2018-05-14 ' })).toBe('maisie|fairbrook|2018-05-14');
    expect(childMatchKey(child)).toBe('maisie|fairbrook||NS12AB');
    expect(childMatchKey({ ...child, postcode: undefined })).toBe('maisie|fairbrook||');
    expect(childNameDobKey({ ...child, dateOfBirth: '   ' })).toBeUndefined();
  });

  it('keeps only letters and digits of a postcode', () => {
    expect(normalisePostcode(' ns1-2ab. ')).toBe('NS12AB');
  });
});

describe('re-referral within 12 months, at the ends of months', () => {
  it('counts 12 months back from 31 March as 31 March, and from 30 April as 30 April', () => {
    const now = new Date('2027-03-31T09:00:00Z');
    expect(isReReferral(new Date('2026-03-31T09:00:00Z'), now)).toBe(true);
    expect(isReReferral(new Date('2026-03-31T08:59:59Z'), now)).toBe(false);
    const april = new Date('2027-04-30T09:00:00Z');
    expect(isReReferral(new Date('2026-04-30T09:00:00Z'), april)).toBe(true);
    expect(isReReferral(new Date('2026-04-29T09:00:00Z'), april)).toBe(false);
  });

  it('counts a referral later than now (a clock a little ahead) as recent', () => {
    expect(isReReferral(new Date('2026-03-15T10:01:00Z'), new Date('2026-03-15T10:00:00Z'))).toBe(true);
  });

  it('refuses an invalid date either side', () => {
    expect(() => isReReferral(new Date('nonsense'), new Date())).toThrow(RangeError);
    expect(() => isReReferral(new Date(), new Date('nonsense'))).toThrow(/needs valid dates/);
  });
});
