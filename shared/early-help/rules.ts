import { ukDateOf } from '../platform/working-days.ts';
import type { FieldProblem } from '../referrals/rules.ts';
import { CONSENT_NEEDED, childDateProblems, consentProblems } from '../referrals/rules.ts';
import type {
  AssessmentInput,
  CloseInput,
  LeadAnswerInput,
  PlanInput,
  ReviewInput,
  StepDownInput,
  TeamInput,
} from './schema.ts';

export type { FieldProblem } from '../referrals/rules.ts';

/**
 * What must hold for each change to an episode, beyond the shapes the schemas check. Pure, so a page
 * shows the same problems the API refuses with, naming the same fields. Dates are UK dates
 * (`YYYY-MM-DD`) and compare as strings; `today` comes in as an argument.
 */

const notInFuture = (field: string, date: string, today: string): FieldProblem[] =>
  date > today ? [{ field, reason: 'must be today or in the past' }] : [];

export function leadAnswerProblems(input: LeadAnswerInput): FieldProblem[] {
  return input.answer === 'declined' && !input.reason?.trim()
    ? [{ field: 'reason', reason: 'Enter why your agency cannot lead, so the front door can ask another' }]
    : [];
}

/** The family's consent governs the team: only agencies they agreed to share with may join it. */
export function teamProblems(
  input: TeamInput,
  consent: { sharingAgreed: boolean; shareWithAgencyIds: readonly string[] } | undefined,
): FieldProblem[] {
  return input.members.flatMap((member, i) => {
    if (!consent)
      return [{ field: `members.${i}.agencyId`, reason: 'Record what the family agreed to share first' }];
    if (!consent.sharingAgreed || !consent.shareWithAgencyIds.includes(member.agencyId)) {
      return [
        {
          field: `members.${i}.agencyId`,
          reason: 'The family has not agreed to share information with this agency',
        },
      ];
    }
    return [];
  });
}

/** An assessment starts on or after the lead accepted; completing it needs strengths, needs and the family's words. */
export function assessmentProblems(
  input: AssessmentInput,
  leadAcceptedOn: string,
  today: string,
): FieldProblem[] {
  const problems = notInFuture('startedOn', input.startedOn, today);
  if (input.startedOn < leadAcceptedOn) {
    problems.push({
      field: 'startedOn',
      reason: 'must be on or after the day the lead practitioner accepted',
    });
  }
  if (input.completedOn === undefined) return problems;
  problems.push(...notInFuture('completedOn', input.completedOn, today));
  if (input.completedOn < input.startedOn)
    problems.push({ field: 'completedOn', reason: 'must be on or after the start' });
  const needed = {
    strengths: 'the family’s strengths',
    needs: 'the needs found',
    familyWords: 'the family’s own words',
  };
  for (const [field, what] of Object.entries(needed) as [keyof typeof needed, string][]) {
    if (!input[field].trim())
      problems.push({ field, reason: `Enter ${what} before completing the assessment` });
  }
  return problems;
}

/** A plan is agreed on or after the assessment was completed; its actions fall due on or after that. */
export function planProblems(input: PlanInput, assessmentCompletedOn: string, today: string): FieldProblem[] {
  const problems = notInFuture('agreedOn', input.agreedOn, today);
  if (input.agreedOn < assessmentCompletedOn) {
    problems.push({ field: 'agreedOn', reason: 'must be on or after the day the assessment was completed' });
  }
  input.outcomes.forEach((outcome, o) => {
    outcome.actions.forEach((action, a) => {
      if (action.dueOn < input.agreedOn) {
        problems.push({
          field: `outcomes.${o}.actions.${a}.dueOn`,
          reason: 'must be on or after the day the plan was agreed',
        });
      }
    });
  });
  return problems;
}

/**
 * A review is held after the plan and the review before; it scores every outcome of the plan once;
 * a step-up says why, because the front door reads it.
 */
export function reviewProblems(
  input: ReviewInput,
  plan: { agreedOn: string; outcomes: readonly { id: string }[] },
  lastReviewOn: string | undefined,
  today: string,
): FieldProblem[] {
  const problems = notInFuture('heldOn', input.heldOn, today);
  const after = lastReviewOn ?? plan.agreedOn;
  if (input.heldOn < after) {
    problems.push({
      field: 'heldOn',
      reason: lastReviewOn
        ? 'must be on or after the last review'
        : 'must be on or after the day the plan was agreed',
    });
  }
  const known = new Set(plan.outcomes.map((o) => o.id));
  const scored = new Set<string>();
  input.progress.forEach((p, i) => {
    if (!known.has(p.outcomeId))
      problems.push({ field: `progress.${i}.outcomeId`, reason: 'is not an outcome of this plan' });
    else if (scored.has(p.outcomeId))
      problems.push({ field: `progress.${i}.outcomeId`, reason: 'is scored twice' });
    scored.add(p.outcomeId);
  });
  if (plan.outcomes.some((o) => !scored.has(o.id))) {
    problems.push({ field: 'progress', reason: 'Score the progress of every outcome of the plan' });
  }
  if (input.decision === 'step_up' && !input.notes?.trim()) {
    problems.push({
      field: 'notes',
      reason: 'Enter what has changed: the front door reads it with the step-up',
    });
  }
  return problems;
}

export function closeProblems(input: CloseInput): FieldProblem[] {
  return input.reason === 'other' && !input.note?.trim()
    ? [{ field: 'note', reason: 'Enter the reason the episode is closing' }]
    : [];
}

/** How far back a step-down may be recorded: a quarter; an older date is a typing slip. */
export const STEP_DOWN_RECORDED_WITHIN_WEEKS = 13;

/**
 * A step-down from social care names the child as a referral would (names, a date of birth, where
 * they live, an adult with parental responsibility) and the family's consent to early help, so the
 * episode can be stepped up again; it happened today or in the last quarter.
 */
export function stepDownProblems(input: StepDownInput, now: Date): FieldProblem[] {
  const today = ukDateOf(now);
  const problems: FieldProblem[] = [];
  const need = (ok: unknown, field: string, reason: string) => {
    if (!ok) problems.push({ field, reason });
  };
  const { child, household } = input;
  need(child.firstName?.trim(), 'child.firstName', 'Enter the child’s first name');
  need(child.lastName?.trim(), 'child.lastName', 'Enter the child’s last name');
  need(
    child.dateOfBirth || child.expectedDateOfBirth,
    'child.dateOfBirth',
    'Enter the child’s date of birth, or the expected date of birth for an unborn child',
  );
  problems.push(...childDateProblems(child, now));
  need(
    child.address?.postcode || child.currentWhereabouts?.trim(),
    'child.address',
    'Enter the child’s address or where they are now',
  );
  need(
    household.adults.some((a) => a.parentalResponsibility),
    'household.adults',
    'Add at least one adult with parental responsibility',
  );
  // A step-down is into early help, which is voluntary at every level it can be: consent is needed.
  problems.push(...consentProblems(CONSENT_NEEDED, input.consent));
  problems.push(...notInFuture('steppedDownOn', input.steppedDownOn, today));
  const earliest = ukDateOf(new Date(now.getTime() - STEP_DOWN_RECORDED_WITHIN_WEEKS * 7 * 86_400_000));
  if (input.steppedDownOn < earliest) {
    problems.push({
      field: 'steppedDownOn',
      reason: `must be within the last ${STEP_DOWN_RECORDED_WITHIN_WEEKS} weeks`,
    });
  }
  return problems;
}
