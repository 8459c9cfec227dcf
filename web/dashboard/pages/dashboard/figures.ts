/**
 * The dashboard's figures in words: quarters and months by name, counts and shares that may be hidden
 * ("not shown", never 0), agreement with its kappa, and a quarter's figures when there are none.
 */
import { type Count, isSuppressed, type Share } from '../../../../shared/platform/small-numbers.ts';
import { BLUE, HIDDEN_TEXT, QUARTER_FILLS, type SeriesStyle } from '../../../platform/charts/basics.ts';
import { percent } from '../../../platform/ui-basics.ts';
import type { QuarterFigures, ReferralStats } from '../../api.ts';

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-Q4" → "Oct to Dec 2026" */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  const first = (Number(q) - 1) * 3;
  return `${MONTHS[first] ?? '?'} to ${MONTHS[first + 2] ?? '?'} ${year}`;
}

/** "2026-06" → "June 2026" */
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}

/** Every month from the first to the last, so a month with no referrals shows as 0, not as a gap. */
export function monthRange(months: string[]): string[] {
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  for (let i = 0; i < 120; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export type Agreement = QuarterFigures['agreement'];

/** A count as written: the number, or "not shown". */
export function countText(count: Count): string {
  return isSuppressed(count) ? HIDDEN_TEXT : String(count);
}

/** A percentage as written: "83%", "–" for nothing to measure, or "not shown". */
export function shareText(value: Share): string {
  return isSuppressed(value) ? HIDDEN_TEXT : percent(value);
}

/** A count that can be drawn: hidden counts are not. */
export const drawn = (count: Count | Share): number | null => (typeof count === 'number' ? count : null);

function kappaText(a: Agreement): string {
  if (isSuppressed(a.kappa)) return `kappa ${HIDDEN_TEXT}`;
  return a.kappa === null ? 'kappa not given' : `kappa ${a.kappa.toFixed(2)}`;
}

/** "4 of 12, kappa 0.31", "none decided" or "not shown". */
export function agreementText(a: Agreement): string {
  if (a.n === 0) return 'none decided';
  if (typeof a.agreementPct !== 'number') return HIDDEN_TEXT;
  return `${percent(a.agreementPct)} of ${countText(a.n)}, ${kappaText(a)}`;
}

/** "83% (15 of 18)", or "not shown (18 decided)" when the share is hidden. */
export function onTimeText(f: QuarterFigures): string {
  if (typeof f.onTimePct === 'number')
    return `${percent(f.onTimePct)} (${countText(f.decidedOnTime)} of ${countText(f.decided)})`;
  return `${HIDDEN_TEXT}${typeof f.decided === 'number' ? ` (${f.decided} decided)` : ''}`;
}

export const NO_FIGURES: QuarterFigures = {
  decided: 0,
  decidedOnTime: 0,
  onTimePct: null,
  outcomes: {},
  agreement: { n: 0, agreed: 0, agreementPct: null, kappa: null },
  referrerAgreement: { n: 0, agreed: 0, agreementPct: null, kappa: null },
};

/** The partnership's figures for a quarter. */
export function totalsOf(stats: ReferralStats, quarter: string): QuarterFigures {
  return stats.quarterTotals.find((q) => q.quarter === quarter) ?? NO_FIGURES;
}

/** The quarters' series, oldest to newest, light blue to dark (QUARTER_FILLS). */
export function quarterSeries(quarters: readonly string[]): Record<string, SeriesStyle> {
  return Object.fromEntries(
    quarters.map((q, i) => [
      q,
      { label: quarterLabel(q), fill: QUARTER_FILLS[i] ?? BLUE.fill, text: '#ffffff' },
    ]),
  );
}

/** Percentages, as the threshold and timeliness charts draw them. */
export const PERCENT_AXIS = { max: 100, ticks: [0, 25, 50, 75, 100], format: (n: number) => `${n}%` };
