import { describe, expect, it } from 'vitest';
import {
  childMatchKey,
  childNameDobKey,
  isReReferral,
  managerReviewCount,
  normaliseName,
  normalisePostcode,
} from '../../shared/referrals/duplicates.ts';

const zoe = { firstName: 'Zoë', lastName: "O'Brien-Smith", dateOfBirth: '2015-06-01', postcode: 'ab1 2cd' };

describe('possible duplicates: the same child, however the name and postcode were typed', () => {
  it('matches accents, case, apostrophes, hyphens and spaces in names, and postcode spacing', () => {
    const typedDifferently = {
      firstName: 'zoe',
      lastName: 'obriensmith',
      dateOfBirth: '2015-06-01',
      postcode: 'AB12CD',
    };
    expect(childMatchKey(typedDifferently)).toBe(childMatchKey(zoe));
    expect(
      childMatchKey({ ...zoe, firstName: ' ZOE ', lastName: 'O’Brien Smith', postcode: ' Ab1  2Cd' }),
    ).toBe(childMatchKey(zoe));
  });

  it('normalises names and postcodes as a person would read them', () => {
    expect(normaliseName("Zoë O'Brien-Smith")).toBe('zoeobriensmith');
    expect(normaliseName('Chloé-Anne')).toBe('chloeanne');
    expect(normaliseName('Siân')).toBe('sian');
    expect(normalisePostcode('sw1a 1aa')).toBe('SW1A1AA');
  });

  it('keeps different children apart', () => {
    expect(childMatchKey({ ...zoe, dateOfBirth: '2016-06-01' })).not.toBe(childMatchKey(zoe));
    expect(childMatchKey({ ...zoe, firstName: 'Zak' })).not.toBe(childMatchKey(zoe));
    expect(childMatchKey({ ...zoe, postcode: 'AB1 2CE' })).not.toBe(childMatchKey(zoe));
    // The boundary between first and last name matters: "Ann Marie" + "Lee" is not "Ann" + "Marie Lee".
    expect(childMatchKey({ ...zoe, firstName: 'Ann Marie', lastName: 'Lee' })).not.toBe(
      childMatchKey({ ...zoe, firstName: 'Ann', lastName: 'Marie Lee' }),
    );
  });

  it('still finds a child whose family moved, by name and date of birth', () => {
    const moved = {
      firstName: 'ZOE',
      lastName: 'O Brien Smith',
      dateOfBirth: '2015-06-01',
      postcode: 'M1 1AE',
    };
    expect(childMatchKey(moved)).not.toBe(childMatchKey(zoe));
    expect(childNameDobKey(moved)).toBe(childNameDobKey(zoe));
    expect(childNameDobKey({ ...moved, dateOfBirth: '2015-06-02' })).not.toBe(childNameDobKey(zoe));
  });

  it('does not match on names alone when the date of birth is unknown', () => {
    expect(childNameDobKey({ ...zoe, dateOfBirth: undefined })).toBeUndefined();
  });
});

describe('re-referral within 12 months', () => {
  const now = new Date('2026-03-15T10:00:00Z');

  it.each([
    ['a month ago', '2026-02-15T10:00:00Z', true],
    ['11 months ago', '2025-04-15T10:00:00Z', true],
    ['exactly 12 months ago', '2025-03-15T10:00:00Z', true],
    ['12 months and a minute ago', '2025-03-15T09:59:00Z', false],
    ['two years ago', '2024-03-15T10:00:00Z', false],
  ])('previous referral %s → %s', (_, previous, expected) => {
    expect(isReReferral(new Date(previous), now)).toBe(expected);
  });

  it('counts 12 months back from 29 February as 28 February', () => {
    const leapDay = new Date('2028-02-29T12:00:00Z');
    expect(isReReferral(new Date('2027-02-28T12:00:00Z'), leapDay)).toBe(true);
    expect(isReReferral(new Date('2027-02-28T11:59:00Z'), leapDay)).toBe(false);
  });
});

describe('a manager’s review for three requests in 12 months', () => {
  const now = new Date('2026-03-15T10:00:00Z');

  it('counts this request and the earlier ones within 12 months', () => {
    expect(managerReviewCount([], now)).toBeUndefined();
    expect(managerReviewCount([new Date('2026-01-01T00:00:00Z')], now)).toBeUndefined();
    expect(
      managerReviewCount([new Date('2026-01-01T00:00:00Z'), new Date('2025-03-15T10:00:00Z')], now),
    ).toBe(3);
    expect(
      managerReviewCount(
        [
          new Date('2026-01-01T00:00:00Z'),
          new Date('2025-06-01T00:00:00Z'),
          new Date('2024-06-01T00:00:00Z'),
        ],
        now,
      ),
    ).toBe(3);
  });

  it('leaves out requests more than 12 months before', () => {
    expect(
      managerReviewCount([new Date('2026-01-01T00:00:00Z'), new Date('2025-03-15T09:59:00Z')], now),
    ).toBeUndefined();
  });

  it('takes another threshold', () => {
    expect(managerReviewCount([new Date('2026-01-01T00:00:00Z')], now, 2)).toBe(2);
  });
});
