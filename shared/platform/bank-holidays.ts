/**
 * England and Wales bank holidays, by rule: a decision clock counts working days, and bank holidays
 * do not count.
 *
 * The standard eight (Banking and Financial Dealings Act 1971 and the proclamations that followed):
 * New Year's Day, Good Friday and Easter Monday, the first Monday of May, the last Monday of May,
 * the last Monday of August, Christmas Day and Boxing Day, with a substitute weekday when one falls
 * on a weekend. Easter is the Gregorian computus. One-off changes by proclamation (a jubilee, a
 * coronation, a state funeral, a moved May holiday) are listed in `ONE_OFF_CHANGES` as GOV.UK
 * (https://www.gov.uk/bank-holidays) published them; add a new one here when it is proclaimed.
 *
 * Years covered: 2019 to 2099 (`BANK_HOLIDAYS_COVER`): from the first year whose published dates are
 * checked in the tests, to the end of the century the computus below is written for. A date outside
 * the cover throws rather than guesses.
 */

export interface BankHoliday {
  /** A calendar date in the UK, `YYYY-MM-DD`. */
  readonly date: string;
  readonly name: string;
}

/** The calendar years, inclusive, the rules and the one-off changes answer for. */
export const BANK_HOLIDAYS_COVER = { from: 2019, to: 2099 } as const;

/** A year's one-off changes: standard holidays moved (by name) and extra ones added. */
interface OneOffChange {
  readonly moved?: Readonly<Record<string, BankHoliday>>;
  readonly added?: readonly BankHoliday[];
}

const ONE_OFF_CHANGES: Readonly<Record<number, OneOffChange>> = {
  2020: {
    moved: { 'Early May bank holiday': { date: '2020-05-08', name: 'Early May bank holiday (VE day)' } },
  },
  2022: {
    moved: { 'Spring bank holiday': { date: '2022-06-02', name: 'Spring bank holiday' } },
    added: [
      { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
      { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
    ],
  },
  2023: { added: [{ date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' }] },
};

/** A date the rules do not answer for: answering would be a guess, so nothing answers. */
export class BankHolidaysNotCoveredError extends Error {
  override readonly name = 'BankHolidaysNotCoveredError';
  constructor(readonly date: string) {
    super(
      `No bank-holiday rules for ${date}: shared/platform/bank-holidays.ts covers ${BANK_HOLIDAYS_COVER.from} to ` +
        `${BANK_HOLIDAYS_COVER.to}.`,
    );
  }
}

/** Whether `year` is one the rules answer for. */
export function isCoveredYear(year: number): boolean {
  return Number.isInteger(year) && year >= BANK_HOLIDAYS_COVER.from && year <= BANK_HOLIDAYS_COVER.to;
}

const DAY = 86_400_000;
const utc = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day);
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const weekdayOf = (ms: number) => new Date(ms).getUTCDay(); // 0 Sunday … 6 Saturday

/** Easter Sunday (ms at UTC midnight) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): number {
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
  const n = h + l - 7 * m + 114;
  return utc(year, Math.floor(n / 31), (n % 31) + 1);
}

/** The first Monday of a month (1-based). */
const firstMonday = (year: number, month: number) => {
  const first = utc(year, month, 1);
  return first + ((8 - weekdayOf(first)) % 7) * DAY;
};
/** The last Monday of a month (1-based). */
const lastMonday = (year: number, month: number) => {
  const last = utc(year, month + 1, 0);
  return last - ((weekdayOf(last) + 6) % 7) * DAY;
};

const substitute = (name: string) => `${name} (substitute day)`;

/** The standard eight, each on the weekday it is kept on that year. */
function standardHolidays(year: number): BankHoliday[] {
  const newYear = utc(year, 1, 1);
  const newYearShift = { 6: 2, 0: 1 }[weekdayOf(newYear)] ?? 0;
  const easter = easterSunday(year);
  const christmas = utc(year, 12, 25);
  // Christmas on a Saturday: both move to Monday and Tuesday. On a Sunday: Boxing Day keeps Monday
  // and Christmas takes Tuesday. On a Friday: Boxing Day (Saturday) moves to Monday.
  const [christmasDay, boxingDay]: [BankHoliday, BankHoliday] = (() => {
    const on = (offset: number, name: string, moved: boolean) => ({
      date: dateOf(christmas + offset * DAY),
      name: moved ? substitute(name) : name,
    });
    switch (weekdayOf(christmas)) {
      case 5:
        return [on(0, 'Christmas Day', false), on(3, 'Boxing Day', true)];
      case 6:
        return [on(2, 'Christmas Day', true), on(3, 'Boxing Day', true)];
      case 0:
        return [on(2, 'Christmas Day', true), on(1, 'Boxing Day', false)];
      default:
        return [on(0, 'Christmas Day', false), on(1, 'Boxing Day', false)];
    }
  })();
  return [
    {
      date: dateOf(newYear + newYearShift * DAY),
      name: newYearShift ? substitute('New Year’s Day') : 'New Year’s Day',
    },
    { date: dateOf(easter - 2 * DAY), name: 'Good Friday' },
    { date: dateOf(easter + DAY), name: 'Easter Monday' },
    { date: dateOf(firstMonday(year, 5)), name: 'Early May bank holiday' },
    { date: dateOf(lastMonday(year, 5)), name: 'Spring bank holiday' },
    { date: dateOf(lastMonday(year, 8)), name: 'Summer bank holiday' },
    christmasDay,
    boxingDay,
  ];
}

const byYear = new Map<number, readonly BankHoliday[]>();

/** A covered year's bank holidays in date order, one-off changes applied. */
export function bankHolidaysIn(year: number): readonly BankHoliday[] {
  if (!isCoveredYear(year)) throw new BankHolidaysNotCoveredError(`${year}`);
  const known = byYear.get(year);
  if (known) return known;
  const change = ONE_OFF_CHANGES[year];
  const holidays = [
    ...standardHolidays(year).map((h) => change?.moved?.[h.name] ?? h),
    ...(change?.added ?? []),
  ].sort((a, b) => a.date.localeCompare(b.date));
  byYear.set(year, holidays);
  return holidays;
}

/**
 * The bank holiday on a `YYYY-MM-DD` date, or undefined when it is not one.
 * Throws `BankHolidaysNotCoveredError` for a year outside `BANK_HOLIDAYS_COVER`.
 */
export function bankHolidayOn(date: string): BankHoliday | undefined {
  const year = Number(date.slice(0, 4));
  if (!isCoveredYear(year)) throw new BankHolidaysNotCoveredError(date);
  return bankHolidaysIn(year).find((h) => h.date === date);
}
