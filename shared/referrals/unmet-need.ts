/**
 * Unmet need: every decision that found no service in the directory to fit is counted by the need it
 * left unmet, the family's area and the child's age band, by quarter, for the board to commission
 * against. Pure: the decision's counter (functions/referrals/transitions.ts) and its tests share it.
 */
import { isDistrict } from '../services/districts.ts';
import { AGE_BANDS, type AgeBand, ageBandOf, NONE_FITTED_REASONS } from '../services/labels.ts';
import type { NoneFitted, Referral } from './schema.ts';

export const OUTSIDE = 'outside';
export const UNKNOWN = 'unknown';

/** The area a child's postcode is in: its district (`NS5`), `outside` the county, or `unknown`. */
export function areaOf(postcode: string | undefined): string {
  const outward = postcode?.trim().toUpperCase().split(/\s+/)[0];
  if (!outward) return UNKNOWN;
  return isDistrict(outward) ? outward : OUTSIDE;
}

/** Whole years from a date of birth to a day (both YYYY-MM-DD). */
function yearsBetween(born: string, on: string): number {
  const [by, bm, bd] = born.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The child's age band on the day of the decision; `unknown` for an unborn child or no date of birth. */
export function ageBandAt(child: Referral['child'], on: string): AgeBand | typeof UNKNOWN {
  const born = child?.dateOfBirth;
  if (!born || born > on) return UNKNOWN;
  return ageBandOf(yearsBetween(born, on));
}

/** The counter fields one "no service fitted" adds: the total, and one in each breakdown. */
export function unmetNeedCounts(
  referral: Pick<Referral, 'child'>,
  noneFitted: NoneFitted,
  on: string,
): Record<string, number> {
  return {
    total: 1,
    [`n_${noneFitted.need}`]: 1,
    [`a_${areaOf(referral.child?.address?.postcode)}`]: 1,
    [`b_${ageBandAt(referral.child, on)}`]: 1,
    [`r_${noneFitted.reason}`]: 1,
  };
}

/** The order the breakdowns are shown in. */
export const UNMET_AGE_BANDS: readonly string[] = [...AGE_BANDS, UNKNOWN];
export const UNMET_REASONS: readonly string[] = NONE_FITTED_REASONS;
