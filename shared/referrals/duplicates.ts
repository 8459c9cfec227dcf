/**
 * Possible-duplicate detection for the front door's queue: the same
 * child referred before, matched on normalised name, date of birth and postcode, and a re-referral
 * within 12 months. Matching only flags a referral for a person to look at; it never merges or
 * refuses anything, so a loose match costs a glance and a missed one costs a lost history.
 */

export interface ChildIdentity {
  firstName: string;
  lastName: string;
  /** `YYYY-MM-DD`, or undefined when not known. */
  dateOfBirth?: string | undefined;
  postcode?: string | undefined;
}

/**
 * A name reduced to what survives how people type it: decomposed (NFKD) so an accent becomes a
 * separate combining mark, lower case, and only letters and digits kept, which drops the accents and
 * the hyphens, apostrophes, spaces and full stops. "Zoë O'Brien-Smith" → "zoeobriensmith".
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A UK postcode upper-cased with spaces and punctuation removed: "ab1 2cd" → "AB12CD". */
export function normalisePostcode(postcode: string): string {
  return postcode.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * The strict key: the same names, date of birth and postcode. Equal keys mean "possibly the same
 * child". A missing date of birth or postcode is an empty part, so it matches only another missing one.
 */
export function childMatchKey(child: ChildIdentity): string {
  return [
    normaliseName(child.firstName),
    normaliseName(child.lastName),
    child.dateOfBirth?.trim() ?? '',
    normalisePostcode(child.postcode ?? ''),
  ].join('|');
}

/**
 * The looser key: names and date of birth only, for a child whose postcode differs (a family that
 * moved). Undefined without a date of birth: names alone match too many children to be useful.
 */
export function childNameDobKey(child: ChildIdentity): string | undefined {
  const dateOfBirth = child.dateOfBirth?.trim();
  if (!dateOfBirth) return undefined;
  return [normaliseName(child.firstName), normaliseName(child.lastName), dateOfBirth].join('|');
}

/** The instant 12 calendar months before `now` (29 February falls back to 28 February). */
function twelveMonthsBefore(now: Date): Date {
  const year = now.getUTCFullYear() - 1;
  const month = now.getUTCMonth();
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const earlier = new Date(now.getTime());
  earlier.setUTCFullYear(year, month, Math.min(now.getUTCDate(), daysInMonth));
  return earlier;
}

/**
 * Whether a referral now is a re-referral: the child's previous referral was submitted within the
 * last 12 months (12 months ago to the minute counts).
 */
export function isReReferral(previousSubmittedAt: Date, now: Date): boolean {
  if (Number.isNaN(previousSubmittedAt.getTime()) || Number.isNaN(now.getTime())) {
    throw new RangeError('isReReferral needs valid dates');
  }
  return previousSubmittedAt.getTime() >= twelveMonthsBefore(now).getTime();
}

/** How many requests for one child within 12 months call for a manager's review. */
export const MANAGER_REVIEW_THRESHOLD = 3;

/**
 * Whether a child's requests for support call for a manager's review: this one and the earlier
 * ones submitted within the 12 months before it come to three or more. Early-help episodes start
 * from decided referrals and a step-up is a referral, so counting referrals counts them too.
 * Returns the count when it does, undefined when it does not.
 */
export function managerReviewCount(
  previousSubmittedAts: readonly Date[],
  now: Date,
  threshold = MANAGER_REVIEW_THRESHOLD,
): number | undefined {
  const count = 1 + previousSubmittedAts.filter((at) => isReReferral(at, now)).length;
  return count >= threshold ? count : undefined;
}
