import { describe, expect, it } from 'vitest';
import {
  BANK_HOLIDAYS_COVER,
  BankHolidaysNotCoveredError,
  bankHolidayOn,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  isCoveredYear,
} from '../../shared/platform/bank-holidays.ts';

const STANDARD_NAMES = [
  'New Year’s Day',
  'Good Friday',
  'Easter Monday',
  'Early May bank holiday',
  'Spring bank holiday',
  'Summer bank holiday',
  'Christmas Day',
  'Boxing Day',
];

describe('the bank-holiday data', () => {
  it('names each year’s eight holidays as GOV.UK does, a substitute day saying so', () => {
    for (let year = BANK_HOLIDAYS_COVER.from; year <= BANK_HOLIDAYS_COVER.to; year++) {
      const names = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)).map((h) =>
        h.name.replace(/ \(substitute day\)$/, ''),
      );
      expect(names, String(year)).toEqual(STANDARD_NAMES);
    }
  });

  it('finds every listed holiday by its date', () => {
    for (const holiday of ENGLAND_AND_WALES_BANK_HOLIDAYS)
      expect(bankHolidayOn(holiday.date)).toEqual(holiday);
    expect(bankHolidayOn('2024-01-01')?.name).toBe('New Year’s Day');
    expect(bankHolidayOn('2024-01-02')).toBeUndefined();
  });

  it('covers whole years from the first to the last, and nothing else', () => {
    expect([2023, 2024, 2028, 2029].map(isCoveredYear)).toEqual([false, true, true, false]);
    expect(isCoveredYear(2026.5)).toBe(false);
    expect(() => bankHolidayOn('2029-01-01')).toThrow(BankHolidaysNotCoveredError);
    expect(() => bankHolidayOn('2023-12-25')).toThrow('No bank-holiday data for 2023-12-25');
  });
});
