import { describe, expect, it } from 'vitest';
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

  it('refuses to answer outside the years the bank-holiday rules cover, naming the problem', () => {
    expect(() => isWorkingDay('2100-01-04')).toThrow(BankHolidaysNotCoveredError);
    expect(() => isWorkingDay('2100-01-02')).toThrow(BankHolidaysNotCoveredError); // a Saturday, still refused
    expect(() => isWorkingDay('2018-12-31')).toThrow(/covers 2019 to 2099/);
    expect(() => decisionDueAt(at('2099-12-31T10:00:00Z'))).toThrow(BankHolidaysNotCoveredError);
    expect(() => workingDaysBetween('2099-12-01', '2100-01-05')).toThrow(BankHolidaysNotCoveredError);
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

  it('counts across the new year into the years after 2028, and refuses past the cover', () => {
    // From Fri 22 Dec 2028: Christmas Mon 25 and Boxing Day Tue 26 off; Wed 27 (1), Thu 28 (2),
    // Fri 29 (3), Tue 2 Jan 2029 (4: New Year's Day is Monday), Wed 3 (5).
    expect(addWorkingDays('2028-12-22', 3)).toBe('2028-12-29');
    expect(addWorkingDays('2028-12-22', 5)).toBe('2029-01-03');
    expect(() => addWorkingDays('2099-12-30', 2)).toThrow(BankHolidaysNotCoveredError);
    expect(() => addWorkingDays('2018-12-28', 1)).toThrow(BankHolidaysNotCoveredError);
  });
});
