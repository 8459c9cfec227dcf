import { describe, expect, it } from 'vitest';
import {
  BANK_HOLIDAYS_COVER,
  type BankHoliday,
  bankHolidayOn,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
} from '../../shared/platform/bank-holidays.ts';
import {
  addWorkingDays,
  BankHolidaysNotCoveredError,
  decisionDueAt,
  isOverdue,
  isWorkingDay,
  nextWorkingDayAfter,
  timeUntilDue,
  ukDateOf,
  ukLocalTimeToInstant,
  ukOffsetMinutes,
  workingDaysBetween,
} from '../../shared/platform/working-days.ts';

const at = (iso: string) => new Date(iso);
const weekday = (date: string) =>
  ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(`${date}T00:00:00Z`).getUTCDay()];
const iso = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), independent of the data. */
function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { month, day: ((h + l - 7 * m + 114) % 31) + 1 };
}

const firstMonday = (year: number, month: number) => {
  for (let day = 1; ; day++) if (weekday(iso(year, month, day)) === 'Mon') return iso(year, month, day);
};
const lastMonday = (year: number, month: number) => {
  for (let day = new Date(Date.UTC(year, month, 0)).getUTCDate(); ; day--) {
    if (weekday(iso(year, month, day)) === 'Mon') return iso(year, month, day);
  }
};

/** The standard England and Wales rules, written out separately from the data they check. */
function expectedHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const easterDate = (offset: number) => iso(year, easter.month, easter.day + offset);
  const newYear = iso(year, 1, 1);
  const newYearObserved =
    weekday(newYear) === 'Sat' ? iso(year, 1, 3) : weekday(newYear) === 'Sun' ? iso(year, 1, 2) : newYear;
  const christmas = weekday(iso(year, 12, 25));
  const [christmasObserved, boxingObserved] =
    christmas === 'Fri'
      ? [iso(year, 12, 25), iso(year, 12, 28)]
      : christmas === 'Sat'
        ? [iso(year, 12, 27), iso(year, 12, 28)]
        : christmas === 'Sun'
          ? [iso(year, 12, 27), iso(year, 12, 26)]
          : [iso(year, 12, 25), iso(year, 12, 26)];
  return [
    newYearObserved,
    easterDate(-2),
    easterDate(1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    christmasObserved,
    boxingObserved,
  ].sort();
}

const years = Array.from(
  { length: BANK_HOLIDAYS_COVER.to - BANK_HOLIDAYS_COVER.from + 1 },
  (_, i) => BANK_HOLIDAYS_COVER.from + i,
);

describe('bank holidays (England and Wales)', () => {
  it('covers 2024 to 2028, eight days a year', () => {
    expect(BANK_HOLIDAYS_COVER).toEqual({ from: 2024, to: 2028 });
    for (const year of years) {
      expect(ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`))).toHaveLength(8);
    }
  });

  it('puts every bank holiday on a weekday, and every Good Friday on a Friday', () => {
    for (const holiday of ENGLAND_AND_WALES_BANK_HOLIDAYS) {
      expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], holiday.date).toContain(weekday(holiday.date));
      const expectedDay: Record<string, string> = { 'Good Friday': 'Fri', 'Easter Monday': 'Mon' };
      if (holiday.name in expectedDay)
        expect(weekday(holiday.date), holiday.date).toBe(expectedDay[holiday.name]);
      if (/bank holiday/.test(holiday.name)) expect(weekday(holiday.date), holiday.date).toBe('Mon');
    }
  });

  it.each(years)('lists exactly the days the standard rules give for %i', (year) => {
    const listed = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)).map(
      (h: BankHoliday) => h.date,
    );
    expect(listed).toEqual(expectedHolidays(year));
  });

  it('has the published dates for Easter and Christmas 2025–2026 and the computed ones for 2027–2028', () => {
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    expect(easterSunday(2028)).toEqual({ month: 4, day: 16 });
    expect(bankHolidayOn('2025-04-18')?.name).toBe('Good Friday');
    expect(bankHolidayOn('2026-04-06')?.name).toBe('Easter Monday');
    expect(bankHolidayOn('2026-12-28')?.name).toBe('Boxing Day (substitute day)');
    expect(bankHolidayOn('2027-12-27')?.name).toBe('Christmas Day (substitute day)');
    expect(bankHolidayOn('2028-01-03')?.name).toBe('New Year’s Day (substitute day)');
    expect(bankHolidayOn('2026-12-26')).toBeUndefined();
  });
});

describe('UK local time', () => {
  it('is GMT in winter and BST from 01:00 UTC on the last Sunday of March to the last Sunday of October', () => {
    expect(ukOffsetMinutes(at('2026-01-15T12:00:00Z'))).toBe(0);
    expect(ukOffsetMinutes(at('2026-03-29T00:59:59Z'))).toBe(0);
    expect(ukOffsetMinutes(at('2026-03-29T01:00:00Z'))).toBe(60);
    expect(ukOffsetMinutes(at('2026-10-25T00:59:59Z'))).toBe(60);
    expect(ukOffsetMinutes(at('2026-10-25T01:00:00Z'))).toBe(0);
    expect(ukOffsetMinutes(at('2027-03-28T01:00:00Z'))).toBe(60);
    expect(ukOffsetMinutes(at('2027-03-27T12:00:00Z'))).toBe(0);
  });

  it('gives the UK date, which in summer starts an hour before UTC midnight', () => {
    expect(ukDateOf(at('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(ukDateOf(at('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('turns UK wall-clock times into instants either side of the clock change', () => {
    expect(ukLocalTimeToInstant('2026-03-27', 17).toISOString()).toBe('2026-03-27T17:00:00.000Z');
    expect(ukLocalTimeToInstant('2026-03-30', 17).toISOString()).toBe('2026-03-30T16:00:00.000Z');
    expect(ukLocalTimeToInstant('2026-10-26', 9, 30).toISOString()).toBe('2026-10-26T09:30:00.000Z');
  });
});

describe('working days', () => {
  it('excludes weekends and bank holidays', () => {
    expect(isWorkingDay('2026-04-02')).toBe(true); // Thursday before Easter
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-04')).toBe(false); // Saturday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-04-07')).toBe(true);
    expect(isWorkingDay('2026-12-28')).toBe(false); // Boxing Day substitute
  });

  it('counts working days between dates, skipping Easter', () => {
    expect(workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
    expect(workingDaysBetween('2026-03-30', '2026-04-10')).toBe(7);
    expect(workingDaysBetween('2026-04-10', '2026-03-30')).toBe(-7);
    expect(workingDaysBetween('2026-04-07', '2026-04-07')).toBe(0);
  });

  it('finds the next working day after Christmas 2027 (both days substituted)', () => {
    expect(nextWorkingDayAfter('2027-12-24')).toBe('2027-12-29');
  });

  it('refuses to answer outside the years the bank-holiday data covers, naming the problem', () => {
    expect(() => isWorkingDay('2029-01-02')).toThrow(BankHolidaysNotCoveredError);
    expect(() => isWorkingDay('2029-01-06')).toThrow(BankHolidaysNotCoveredError); // a Saturday, still refused
    expect(() => isWorkingDay('2023-12-29')).toThrow(/covers 2024 to 2028/);
    expect(() => decisionDueAt(at('2028-12-29T10:00:00Z'))).toThrow(BankHolidaysNotCoveredError);
    expect(() => workingDaysBetween('2028-12-01', '2029-01-05')).toThrow(BankHolidaysNotCoveredError);
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('decision due time: 17:00 UK time on the next working day after the day of submission', () => {
  it.each([
    ['a Tuesday morning', '2026-02-10T09:15:00Z', '2026-02-11T17:00:00.000Z'],
    ['a Tuesday late evening', '2026-02-10T23:30:00Z', '2026-02-11T17:00:00.000Z'],
    ['a Friday afternoon → Monday', '2026-02-13T15:00:00Z', '2026-02-16T17:00:00.000Z'],
    ['a Saturday → Monday', '2026-02-14T11:00:00Z', '2026-02-16T17:00:00.000Z'],
    ['a Sunday → Monday', '2026-02-15T20:00:00Z', '2026-02-16T17:00:00.000Z'],
    [
      'the Thursday before Good Friday → Tuesday after Easter (BST)',
      '2026-04-02T10:00:00Z',
      '2026-04-07T16:00:00.000Z',
    ],
    ['Christmas Eve 2026 → Tuesday 29 Dec', '2026-12-24T11:00:00Z', '2026-12-29T17:00:00.000Z'],
    ['Friday 24 Dec 2027 → Wednesday 29 Dec', '2027-12-24T11:00:00Z', '2027-12-29T17:00:00.000Z'],
    ['Friday 31 Dec 2027 → Tuesday 4 Jan 2028', '2027-12-31T11:00:00Z', '2028-01-04T17:00:00.000Z'],
    [
      'the Friday before the clocks go forward → Monday in BST',
      '2026-03-27T12:00:00Z',
      '2026-03-30T16:00:00.000Z',
    ],
    [
      'the Friday before the clocks go back → Monday in GMT',
      '2026-10-23T12:00:00Z',
      '2026-10-26T17:00:00.000Z',
    ],
    ['00:30 BST on a Wednesday (still Tuesday in UTC)', '2026-06-09T23:30:00Z', '2026-06-11T16:00:00.000Z'],
  ])('submitted %s', (_, submitted, due) => {
    expect(decisionDueAt(at(submitted)).toISOString()).toBe(due);
  });
});

describe('overdue and count-down', () => {
  const due = at('2026-04-07T16:00:00Z');

  it('is overdue only after the due time and only while undecided', () => {
    expect(isOverdue(due, at('2026-04-07T16:00:00Z'), false)).toBe(false);
    expect(isOverdue(due, at('2026-04-07T16:00:01Z'), false)).toBe(true);
    expect(isOverdue(due, at('2026-04-09T09:00:00Z'), true)).toBe(false);
  });

  it.each([
    ['2026-04-07T13:00:00Z', 'due in 3 hours'],
    ['2026-04-07T14:40:00Z', 'due in 1 hour 20 minutes'],
    ['2026-04-07T05:20:00Z', 'due in 10 hours'],
    ['2026-04-07T15:59:00Z', 'due in 1 minute'],
    ['2026-04-07T15:59:30Z', 'due in less than a minute'],
    ['2026-04-06T16:00:00Z', 'due in 24 hours'],
    ['2026-04-02T10:00:00Z', 'due in 5 days'],
    ['2026-04-07T18:00:00Z', 'overdue by 2 hours'],
    ['2026-04-07T16:45:00Z', 'overdue by 45 minutes'],
    ['2026-04-09T17:00:00Z', 'overdue by 2 days'],
  ])('at %s says "%s"', (now, text) => {
    expect(timeUntilDue(due, at(now))).toBe(text);
  });
});

describe('adding working days (worked out by hand; "(n)" is the nth working day counted)', () => {
  it.each([
    // 0 is the date itself, even a Saturday or a bank holiday.
    ['2026-06-06', 0, '2026-06-06'],
    ['2026-12-25', 0, '2026-12-25'],
    // Mon 1 Jun 2026 + 1: Tue 2.
    ['2026-06-01', 1, '2026-06-02'],
    // Fri 5 Jun 2026 + 1: the weekend is skipped, Mon 8.
    ['2026-06-05', 1, '2026-06-08'],
    // Sun 7 Jun 2026 + 1: Mon 8.
    ['2026-06-07', 1, '2026-06-08'],
    // Fri 5 Jun 2026 + 5: Mon 8 (1) … Fri 12 (5).
    ['2026-06-05', 5, '2026-06-12'],
    // Thu 2 Apr 2026 + 1: Good Friday 3 and Easter Monday 6 off; Tue 7.
    ['2026-04-02', 1, '2026-04-07'],
    // Thu 25 Mar 2027 + 5: Good Friday 26 and Easter Monday 29 off; Tue 30 (1) … Fri 2 Apr (4), Mon 5 (5).
    ['2027-03-25', 5, '2027-04-05'],
    // Fri 1 May 2026 + 1: early May bank holiday Mon 4; Tue 5.
    ['2026-05-01', 1, '2026-05-05'],
    // Fri 22 May 2026 + 5: spring bank holiday Mon 25; Tue 26 (1) … Fri 29 (4), Mon 1 Jun (5).
    ['2026-05-22', 5, '2026-06-01'],
    // Fri 27 Aug 2027 + 1: summer bank holiday Mon 30; Tue 31.
    ['2027-08-27', 1, '2027-08-31'],
    // Thu 24 Dec 2026 + 1: Christmas Fri 25, Boxing Day substitute Mon 28; Tue 29.
    ['2026-12-24', 1, '2026-12-29'],
    // Fri 24 Dec 2027 + 1: Christmas and Boxing Day substitutes Mon 27 and Tue 28; Wed 29.
    ['2027-12-24', 1, '2027-12-29'],
    // Fri 31 Dec 2027 + 1: New Year's Day Sat 1 Jan 2028, substitute Mon 3; Tue 4.
    ['2027-12-31', 1, '2028-01-04'],
    // Mon 1 Jun 2026 + 20: four weeks with no bank holiday, Mon 29 Jun.
    ['2026-06-01', 20, '2026-06-29'],
    // Mon 26 Jul 2027 + 30: Tue 27 Jul … Mon 23 Aug (20), Tue 24 … Fri 27 (24); summer bank holiday
    // Mon 30; Tue 31 (25), Wed 1 Sep … Fri 3 (28), Mon 6 (29), Tue 7 (30).
    ['2027-07-26', 30, '2027-09-07'],
  ])('%s + %i working days is %s', (date, count, expected) => {
    expect(addWorkingDays(date, count)).toBe(expected);
    if (count > 0) expect(workingDaysBetween(date, expected)).toBe(count);
  });

  it('refuses a count that is not a whole number of days, and a date that is not one', () => {
    expect(() => addWorkingDays('2026-06-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-06-01', 1.5)).toThrow(/Not a count of working days: 1.5/);
    expect(() => addWorkingDays('2026-06-01', Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 0)).toThrow(RangeError);
    expect(() => addWorkingDays('1 June 2026', 3)).toThrow(RangeError);
  });

  it('refuses to count into a year the bank-holiday data does not cover', () => {
    // From Fri 22 Dec 2028: Christmas Mon 25 and Boxing Day Tue 26 off; Wed 27 (1), Thu 28 (2),
    // Fri 29 (3), then 2029, which the data does not cover.
    expect(addWorkingDays('2028-12-22', 3)).toBe('2028-12-29');
    expect(() => addWorkingDays('2028-12-22', 5)).toThrow(BankHolidaysNotCoveredError);
    expect(() => addWorkingDays('2023-12-29', 1)).toThrow(BankHolidaysNotCoveredError);
  });
});
