import { describe, expect, it } from 'vitest';
import {
  BANK_HOLIDAYS_COVER,
  BankHolidaysNotCoveredError,
  bankHolidayOn,
  bankHolidaysIn,
  isCoveredYear,
} from '../../shared/platform/bank-holidays.ts';
import { addWorkingDays, isWorkingDay } from '../../shared/platform/working-days.ts';

/** The dates GOV.UK published for England and Wales, written out by hand (one-off changes included). */
const PUBLISHED: Record<number, string[]> = {
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

/** Easter Sunday in the years after those published, from the Church's tables. */
const EASTER_SUNDAY: Record<number, string> = {
  2028: '04-16',
  2029: '04-01',
  2030: '04-21',
  2031: '04-13',
  2032: '03-28',
  2033: '04-17',
  2034: '04-09',
  2035: '03-25',
  2036: '04-13',
  2037: '04-05',
  2038: '04-25',
  2039: '04-10',
  2040: '04-01',
};

const dates = (year: number) => bankHolidaysIn(year).map((h) => h.date.slice(5));
const shift = (year: number, monthDay: string, days: number) =>
  new Date(Date.parse(`${year}-${monthDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(5, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('bank holidays by rule', () => {
  it.each(Object.keys(PUBLISHED).map(Number))('gives the dates GOV.UK published for %i', (year) => {
    expect(dates(year)).toEqual(PUBLISHED[year]);
  });

  it('names the one-off changes and the substitute days as GOV.UK does', () => {
    expect(bankHolidayOn('2022-09-19')?.name).toBe(
      'Bank Holiday for the State Funeral of Queen Elizabeth II',
    );
    expect(bankHolidayOn('2023-05-08')?.name).toBe('Bank holiday for the coronation of King Charles III');
    expect(bankHolidayOn('2020-05-04')).toBeUndefined();
    expect(bankHolidayOn('2026-12-28')?.name).toBe('Boxing Day (substitute day)');
    expect(bankHolidayOn('2027-12-27')?.name).toBe('Christmas Day (substitute day)');
    expect(bankHolidayOn('2028-01-03')?.name).toBe('New Year’s Day (substitute day)');
    expect(bankHolidayOn('2022-12-26')?.name).toBe('Boxing Day');
  });

  it.each(Object.keys(EASTER_SUNDAY).map(Number))(
    'keeps Good Friday and Easter Monday round Easter %i',
    (year) => {
      const easter = EASTER_SUNDAY[year] as string;
      const named = Object.fromEntries(bankHolidaysIn(year).map((h) => [h.name, h.date.slice(5)]));
      expect([named['Good Friday'], named['Easter Monday']]).toEqual([
        shift(year, easter, -2),
        shift(year, easter, 1),
      ]);
    },
  );

  it('gives every covered year its eight holidays, each on a weekday, and the Mondays on Mondays', () => {
    for (let year = BANK_HOLIDAYS_COVER.from; year <= BANK_HOLIDAYS_COVER.to; year++) {
      const holidays = bankHolidaysIn(year);
      if (!(year in { 2022: 1, 2023: 1 })) expect(holidays, String(year)).toHaveLength(8);
      for (const h of holidays) expect([1, 2, 3, 4, 5], h.date).toContain(weekday(h.date));
      // A proclamation may move a Monday holiday (to the Platinum Jubilee's Thursday in 2022).
      const mondays = holidays.filter((x) =>
        /^(Early May|Spring|Summer) bank holiday$|Easter Monday/.test(x.name),
      );
      if (!(year in { 2020: 1, 2022: 1 })) for (const h of mondays) expect(weekday(h.date), h.date).toBe(1);
      expect(new Set(holidays.map((h) => h.date)).size).toBe(holidays.length);
    }
  });

  it('counts working days past 2028, as a clock set today must', () => {
    expect(isWorkingDay('2029-03-30')).toBe(false); // Good Friday 2029
    expect(addWorkingDays('2040-12-24', 1)).toBe('2040-12-27');
    expect(addWorkingDays('2099-12-30', 1)).toBe('2099-12-31');
  });

  it('answers only for the years it covers, and throws outside them rather than guess', () => {
    expect([2018, 2019, 2099, 2100].map(isCoveredYear)).toEqual([false, true, true, false]);
    expect(isCoveredYear(2026.5)).toBe(false);
    expect(() => bankHolidayOn('2100-01-01')).toThrow(BankHolidaysNotCoveredError);
    expect(() => bankHolidayOn('2018-12-25')).toThrow('No bank-holiday rules for 2018-12-25');
  });
});
