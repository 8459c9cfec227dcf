import type { LevelNumber } from './guidance.ts';
import type { DecisionInput, ReferralContent } from './referral.ts';

/**
 * What must be true before a referral can be submitted or decided. Pure, so the form can show the
 * same problems the API will refuse with, and name the same fields.
 */
export interface FieldProblem {
  field: string;
  reason: string;
}

export const CONSENT_REFUSAL_REASON =
  'Early help is voluntary: below level 4 the family must give informed consent before you refer. ' +
  'Talk to the family first. If you think the child may be at risk of significant harm, call the Front Door instead.';

/** The consent rule of the level the indicators suggest (DESIGN.md §3; the referrals issue). */
export function consentProblems(
  level: LevelNumber | undefined,
  consent: ReferralContent['consent'],
): FieldProblem[] {
  if (!consent) return [{ field: 'consent.status', reason: 'Say whether the family consented' }];
  if (level !== 4) {
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

/** Everything a submitted referral must have, in the order the form asks for it. */
export function submissionProblems(content: ReferralContent, level: LevelNumber | undefined): FieldProblem[] {
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
  problems.push(...consentProblems(level, content.consent));
  return problems;
}

/** A decision the referrer can act on: for "no further action", the support the family can turn to. */
export function decisionProblems(decision: DecisionInput): FieldProblem[] {
  if (decision.outcome === 'no_further_action' && !decision.alternativeSupport?.trim()) {
    return [{ field: 'alternativeSupport', reason: 'Name the support the family can turn to instead' }];
  }
  return [];
}
