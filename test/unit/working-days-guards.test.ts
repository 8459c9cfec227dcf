import { describe, expect, it } from 'vitest';
import {
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

describe('at the exact due instant', () => {
  const due = at('2026-04-07T16:00:00.000Z');
  const justAfter = at('2026-04-07T16:00:00.001Z');

  it('the countdown and isOverdue agree: due, not overdue; a millisecond later, both overdue', () => {
    expect(isOverdue(due, due, false)).toBe(false);
    expect(timeUntilDue(due, due)).toBe('due in less than a minute');
    expect(isOverdue(due, justAfter, false)).toBe(true);
    expect(timeUntilDue(due, justAfter)).toBe('overdue by less than a minute');
  });
});

describe('how long until a decision is due, in words', () => {
  const due = at('2026-04-07T16:00:00Z');
  it.each([
    ['2026-04-07T15:58:59Z', 'due in 1 minute'],
    ['2026-04-07T15:58:00Z', 'due in 2 minutes'],
    ['2026-04-07T15:00:00Z', 'due in 1 hour'],
    ['2026-04-07T06:01:00Z', 'due in 9 hours 59 minutes'],
    ['2026-04-07T06:00:00Z', 'due in 10 hours'],
    ['2026-04-05T16:00:01Z', 'due in 47 hours'],
    ['2026-04-05T16:00:00Z', 'due in 2 days'],
    ['2026-04-06T16:00:00Z', 'due in 24 hours'],
    ['2026-04-07T17:00:00Z', 'overdue by 1 hour'],
    ['2026-04-08T16:00:00Z', 'overdue by 24 hours'],
  ])('at %s says "%s"', (now, text) => {
    expect(timeUntilDue(due, at(now))).toBe(text);
  });

  it('refuses an instant that is not one', () => {
    expect(() => timeUntilDue(at('nonsense'), due)).toThrow(/due time is not a valid/);
    expect(() => timeUntilDue(due, at('nonsense'))).toThrow(/current time is not a valid/);
    expect(() => isOverdue(at('nonsense'), due, false)).toThrow('The due time is not a valid date and time');
    expect(() => isOverdue(due, at('nonsense'), false)).toThrow(
      'The current time is not a valid date and time',
    );
    expect(() => decisionDueAt(at('nonsense'))).toThrow(/submission time/);
    expect(() => ukOffsetMinutes(at('nonsense'))).toThrow('The instant is not a valid date and time');
  });
});

describe('UK time around the changes of the clocks', () => {
  it('switches to BST at 01:00 UTC on the last Sunday of March and back at 01:00 UTC in October', () => {
    expect(ukOffsetMinutes(at('2026-03-29T00:59:59.999Z'))).toBe(0);
    expect(ukOffsetMinutes(at('2026-03-29T01:00:00Z'))).toBe(60);
    expect(ukOffsetMinutes(at('2026-10-25T00:59:59.999Z'))).toBe(60);
    expect(ukOffsetMinutes(at('2026-10-25T01:00:00Z'))).toBe(0);
    // 2027: the last Sunday of March is the 28th, of October the 31st.
    expect(ukOffsetMinutes(at('2027-03-28T01:00:00Z'))).toBe(60);
    expect(ukOffsetMinutes(at('2027-03-21T12:00:00Z'))).toBe(0);
    expect(ukOffsetMinutes(at('2027-10-31T00:30:00Z'))).toBe(60);
  });

  it('reads a wall-clock time in the skipped hour as GMT, and in the repeated hour as BST', () => {
    expect(ukLocalTimeToInstant('2026-03-29', 1, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(ukLocalTimeToInstant('2026-10-25', 1, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(ukLocalTimeToInstant('2026-07-01', 17).toISOString()).toBe('2026-07-01T16:00:00.000Z');
    expect(ukLocalTimeToInstant('2026-12-01', 17).toISOString()).toBe('2026-12-01T17:00:00.000Z');
  });

  it('gives the UK date just after midnight in BST and in GMT', () => {
    expect(ukDateOf(at('2026-06-30T23:00:00Z'))).toBe('2026-07-01');
    expect(ukDateOf(at('2026-06-30T22:59:59Z'))).toBe('2026-06-30');
    expect(ukDateOf(at('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
  });
});

describe('working days and impossible dates', () => {
  it.each(['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-1-5', ' 2026-01-05', 'today'])(
    'refuses %s rather than rolling it into another day',
    (date) => {
      expect(() => isWorkingDay(date)).toThrow(`Not a calendar date (YYYY-MM-DD): "${date}"`);
      expect(() => nextWorkingDayAfter(date)).toThrow(RangeError);
      expect(() => workingDaysBetween(date, '2026-06-01')).toThrow(RangeError);
      expect(() => workingDaysBetween('2026-06-01', date)).toThrow(RangeError);
      expect(() => ukLocalTimeToInstant(date, 17)).toThrow(RangeError);
    },
  );

  it('refuses a year outside the bank-holiday rules at either end of a span', () => {
    expect(() => workingDaysBetween('2018-12-28', '2019-01-02')).toThrow(BankHolidaysNotCoveredError);
    expect(() => workingDaysBetween('2099-12-29', '2100-01-04')).toThrow(BankHolidaysNotCoveredError);
    expect(() => nextWorkingDayAfter('2100-01-01')).toThrow(BankHolidaysNotCoveredError);
    expect(() => isWorkingDay('2018-06-01')).toThrow(BankHolidaysNotCoveredError);
    // Even when no day of the uncovered year is looked at: the answer would rest on a guess.
    expect(() => workingDaysBetween('2018-12-31', '2019-01-02')).toThrow(BankHolidaysNotCoveredError);
    expect(() => workingDaysBetween('2019-01-02', '2018-12-31')).toThrow(BankHolidaysNotCoveredError);
    expect(() => workingDaysBetween('2100-01-01', '2100-01-01')).toThrow(BankHolidaysNotCoveredError);
    expect(() => nextWorkingDayAfter('2018-12-31')).toThrow(BankHolidaysNotCoveredError);
  });

  it('counts working days either way, skipping weekends and bank holidays', () => {
    // Thursday 2 April 2026 to Tuesday 7 April: Good Friday, the weekend and Easter Monday between.
    expect(workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
    expect(workingDaysBetween('2026-04-07', '2026-04-02')).toBe(-1);
    expect(workingDaysBetween('2026-06-01', '2026-06-01')).toBe(0);
    expect(workingDaysBetween('2026-06-01', '2026-06-08')).toBe(5);
    expect(nextWorkingDayAfter('2026-04-02')).toBe('2026-04-07');
    expect(isWorkingDay('2026-06-06')).toBe(false);
    expect(isWorkingDay('2026-06-07')).toBe(false);
    expect(isWorkingDay('2026-06-08')).toBe(true);
  });
});
