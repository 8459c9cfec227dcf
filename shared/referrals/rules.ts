import type { LevelNumber } from '../guidance/schema.ts';
import { ukDateOf } from '../platform/working-days.ts';
import { furtherAnswerProblems } from './form-rules.ts';
import { SIGNPOSTING_OUTCOMES } from './labels.ts';
import type { DecisionInput, ReferralContent } from './schema.ts';

/**
 * What must be true before a referral can be submitted or decided. Pure, so the form can show the
 * same problems the API will refuse with, and name the same fields.
 */
export interface FieldProblem {
  field: string;
  reason: string;
}

export const CONSENT_REFUSAL_REASON =
  'Early help is voluntary: at the level your indicators suggest, the guidance needs the family’s informed consent before you refer. ' +
  'Talk to the family first. If you think the child may be at risk of significant harm, call the Front Door instead.';

/** What a level of the published guidance prescribes for consent (the guidance's `Level.consent`). */
export interface ConsentRule {
  readonly required: boolean;
}

/** Until a level is suggested, consent is needed: the reading that never sends a referral without it. */
export const CONSENT_NEEDED: ConsentRule = { required: true };

/**
 * The consent rule of a level in a guidance version, read from the version itself, so publishing a
 * version with another rule changes what a referral must record.
 */
export function consentRuleOf(
  framework: { readonly levels: readonly { level: number; consent: ConsentRule }[] } | undefined,
  level: LevelNumber | undefined,
): ConsentRule {
  const found = level === undefined ? undefined : framework?.levels.find((l) => l.level === level);
  return found ? { required: found.consent.required } : CONSENT_NEEDED;
}

/** What the consent rule of the suggested level asks of the referral's consent. */
export function consentProblems(rule: ConsentRule, consent: ReferralContent['consent']): FieldProblem[] {
  if (!consent) return [{ field: 'consent.status', reason: 'Say whether the family consented' }];
  if (rule.required) {
    if (consent.status !== 'given') return [{ field: 'consent.status', reason: CONSENT_REFUSAL_REASON }];
  } else if (consent.status === 'not_sought' && !consent.notSoughtReason) {
    return [{ field: 'consent.notSoughtReason', reason: 'Choose why consent was not sought' }];
  }
  const problems: FieldProblem[] = [];
  if (consent.status !== 'not_sought') {
    if (!consent.byWhom)
      problems.push({ field: 'consent.byWhom', reason: 'Enter who gave or refused consent' });
    if (!consent.date)
      problems.push({ field: 'consent.date', reason: 'Enter the date consent was given or refused' });
  }
  return problems;
}

/**
 * Early help reaches care leavers until they are 25 (the leaving-care duties), so an older date of
 * birth is a mistake, not a child.
 */
export const OLDEST_AGE_YEARS = 25;
/** A pre-birth referral is made once a pregnancy is known: no more than about ten months ahead. */
export const EXPECTED_BIRTH_MONTHS_AHEAD = 10;
/** Babies come late, and the referrer may not know of the birth yet: a month's grace, then the real date is asked for. */
export const EXPECTED_BIRTH_GRACE_MONTHS = 1;

/** `YYYY-MM-DD` that names a day on the calendar (not 2026-02-30), as days since 1970-01-01. */
function calendarDay(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  const real = at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
  return real ? Math.round(at.getTime() / 86_400_000) : undefined;
}

/** The day `months` calendar months from `date` (negative goes back); the 31st becomes the month's last day. */
function monthsFrom(date: string, months: number): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1 + months, 1);
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  at.setUTCDate(Math.min(day, lastDay));
  return Math.round(at.getTime() / 86_400_000);
}

/**
 * The child's dates against today (the UK date at `now`): a date of birth not in the future and no
 * more than 25 years ago; an expected date of birth from a month ago to ten months ahead. Each a
 * real calendar date. A rule of its own because only the caller has a clock.
 */
export function childDateProblems(child: ReferralContent['child'], now: Date): FieldProblem[] {
  const today = ukDateOf(now);
  const problems: FieldProblem[] = [];
  const check = (field: string, date: string | undefined, why: (day: number) => string | undefined) => {
    if (date === undefined) return;
    const day = calendarDay(date);
    const reason = day === undefined ? 'Enter a real date, as YYYY-MM-DD' : why(day);
    if (reason) problems.push({ field, reason });
  };
  check('child.dateOfBirth', child?.dateOfBirth, (day) => {
    if (day > monthsFrom(today, 0)) return 'The date of birth must be today or in the past';
    if (day < monthsFrom(today, -12 * OLDEST_AGE_YEARS))
      return `The date of birth must be within the last ${OLDEST_AGE_YEARS} years`;
    return undefined;
  });
  check('child.expectedDateOfBirth', child?.expectedDateOfBirth, (day) => {
    if (day > monthsFrom(today, EXPECTED_BIRTH_MONTHS_AHEAD))
      return `The expected date of birth must be within the next ${EXPECTED_BIRTH_MONTHS_AHEAD} months`;
    if (day < monthsFrom(today, -EXPECTED_BIRTH_GRACE_MONTHS))
      return 'The expected date of birth has passed: enter the child’s date of birth instead';
    return undefined;
  });
  return problems;
}

/**
 * Everything a submitted referral must have, in the order the form asks for it. Given `now`, the
 * child's dates are also checked against today (childDateProblems).
 */
export function submissionProblems(
  content: ReferralContent,
  consentRule: ConsentRule,
  now?: Date,
  /** The referrer's agency's kind (the directory's): a police referral asks for more. */
  agencyKind?: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const need = (ok: unknown, field: string, reason: string) => {
    if (!ok) problems.push({ field, reason });
  };
  const child = content.child ?? {};
  need(child.firstName, 'child.firstName', 'Enter the child’s first name');
  need(child.lastName, 'child.lastName', 'Enter the child’s last name');
  need(
    child.dateOfBirth || child.expectedDateOfBirth,
    'child.dateOfBirth',
    'Enter the child’s date of birth, or the expected date of birth for an unborn child',
  );
  if (now) problems.push(...childDateProblems(child, now));
  need(
    child.address?.postcode || child.currentWhereabouts,
    'child.address',
    'Enter the child’s address or where they are now',
  );
  need(
    content.household?.adults.some((a) => a.parentalResponsibility),
    'household.adults',
    'Add at least one adult with parental responsibility',
  );
  need(content.concerns, 'concerns', 'Describe your concerns in your own words');
  need(
    content.indicatorIds?.length,
    'indicatorIds',
    'Choose at least one indicator from the threshold guidance',
  );
  need(content.triedSoFar, 'triedSoFar', 'Say what has been tried so far');
  need(
    content.earlyHelpAssessmentInPlace !== undefined,
    'earlyHelpAssessmentInPlace',
    'Say whether an Early Help Assessment is in place',
  );
  need(content.childViews, 'childViews', 'Record the child’s own views, or why they could not be sought');
  problems.push(...consentProblems(consentRule, content.consent));
  problems.push(...furtherAnswerProblems(content, agencyKind));
  return problems;
}

/**
 * A decision the referrer can act on: "advice or signposting" and "no further action" name the
 * services the family can turn to, or record that none fitted (and why: that is the unmet need the
 * board commissions against). Other outcomes name none.
 */
export function decisionProblems(decision: DecisionInput): FieldProblem[] {
  const chosen = decision.signposts?.serviceIds.length ?? 0;
  const noneFitted = decision.signposts?.noneFitted !== undefined;
  if (!SIGNPOSTING_OUTCOMES.includes(decision.outcome)) {
    return chosen || noneFitted
      ? [{ field: 'signposts', reason: 'Only advice or signposting and no further action name services' }]
      : [];
  }
  if (chosen && noneFitted)
    return [{ field: 'signposts.noneFitted', reason: 'Choose services or say that none fitted, not both' }];
  if (!chosen && !noneFitted)
    return [
      {
        field: 'signposts.serviceIds',
        reason: 'Choose the services the family can turn to, or say that none fitted',
      },
    ];
  return [];
}
