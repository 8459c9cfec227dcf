/**
 * England and Wales bank holidays, kept as data (a decision is due one working day
 * after submission, and bank holidays do not count).
 *
 * Years covered: 2024 to 2028 inclusive (`BANK_HOLIDAYS_COVER`). 2024–2026 are the dates published
 * on GOV.UK (https://www.gov.uk/bank-holidays). 2027–2028 follow the standard rules: New Year's Day,
 * Good Friday and Easter Monday (Easter Sunday 28 March 2027, 16 April 2028), the first Monday of
 * May, the last Monday of May, the last Monday of August, Christmas Day and Boxing Day, with a
 * substitute weekday when one falls on a weekend. Check 2027–2028 against GOV.UK when it publishes
 * them (a one-off holiday, such as a coronation, is announced by proclamation), and add each new year
 * here before the last covered year ends: dates outside the cover throw rather than guess.
 */

export interface BankHoliday {
  /** A calendar date in the UK, `YYYY-MM-DD`. */
  readonly date: string;
  readonly name: string;
}

/** The calendar years, inclusive, for which `ENGLAND_AND_WALES_BANK_HOLIDAYS` is complete. */
export const BANK_HOLIDAYS_COVER = { from: 2024, to: 2028 } as const;

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = [
  { date: '2024-01-01', name: 'New Year’s Day' },
  { date: '2024-03-29', name: 'Good Friday' },
  { date: '2024-04-01', name: 'Easter Monday' },
  { date: '2024-05-06', name: 'Early May bank holiday' },
  { date: '2024-05-27', name: 'Spring bank holiday' },
  { date: '2024-08-26', name: 'Summer bank holiday' },
  { date: '2024-12-25', name: 'Christmas Day' },
  { date: '2024-12-26', name: 'Boxing Day' },

  { date: '2025-01-01', name: 'New Year’s Day' },
  { date: '2025-04-18', name: 'Good Friday' },
  { date: '2025-04-21', name: 'Easter Monday' },
  { date: '2025-05-05', name: 'Early May bank holiday' },
  { date: '2025-05-26', name: 'Spring bank holiday' },
  { date: '2025-08-25', name: 'Summer bank holiday' },
  { date: '2025-12-25', name: 'Christmas Day' },
  { date: '2025-12-26', name: 'Boxing Day' },

  { date: '2026-01-01', name: 'New Year’s Day' },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-04-06', name: 'Easter Monday' },
  { date: '2026-05-04', name: 'Early May bank holiday' },
  { date: '2026-05-25', name: 'Spring bank holiday' },
  { date: '2026-08-31', name: 'Summer bank holiday' },
  { date: '2026-12-25', name: 'Christmas Day' },
  { date: '2026-12-28', name: 'Boxing Day (substitute day)' },

  { date: '2027-01-01', name: 'New Year’s Day' },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-03-29', name: 'Easter Monday' },
  { date: '2027-05-03', name: 'Early May bank holiday' },
  { date: '2027-05-31', name: 'Spring bank holiday' },
  { date: '2027-08-30', name: 'Summer bank holiday' },
  { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
  { date: '2027-12-28', name: 'Boxing Day (substitute day)' },

  { date: '2028-01-03', name: 'New Year’s Day (substitute day)' },
  { date: '2028-04-14', name: 'Good Friday' },
  { date: '2028-04-17', name: 'Easter Monday' },
  { date: '2028-05-01', name: 'Early May bank holiday' },
  { date: '2028-05-29', name: 'Spring bank holiday' },
  { date: '2028-08-28', name: 'Summer bank holiday' },
  { date: '2028-12-25', name: 'Christmas Day' },
  { date: '2028-12-26', name: 'Boxing Day' },
];

/** A date the bank-holiday data does not cover: answering would be a guess, so nothing answers. */
export class BankHolidaysNotCoveredError extends Error {
  override readonly name = 'BankHolidaysNotCoveredError';
  constructor(readonly date: string) {
    super(
      `No bank-holiday data for ${date}: shared/platform/bank-holidays.ts covers ${BANK_HOLIDAYS_COVER.from} to ` +
        `${BANK_HOLIDAYS_COVER.to}. Add the GOV.UK dates for that year.`,
    );
  }
}

const byDate = new Map(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => [holiday.date, holiday]));

/** Whether `year` is one the data covers completely. */
export function isCoveredYear(year: number): boolean {
  return Number.isInteger(year) && year >= BANK_HOLIDAYS_COVER.from && year <= BANK_HOLIDAYS_COVER.to;
}

/**
 * The bank holiday on a `YYYY-MM-DD` date, or undefined when it is not one.
 * Throws `BankHolidaysNotCoveredError` for a year outside `BANK_HOLIDAYS_COVER`.
 */
export function bankHolidayOn(date: string): BankHoliday | undefined {
  if (!isCoveredYear(Number(date.slice(0, 4)))) throw new BankHolidaysNotCoveredError(date);
  return byDate.get(date);
}
