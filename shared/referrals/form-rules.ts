/**
 * What the front door needs of a request for support beyond the child and the consent, before it can
 * be sent: who to call back, the referrer's own view of the level, the partnership's questions, whether
 * the family knows, and, from the police, the incident or crime number and the DASH risk level. A
 * step-up from an early-help episode carries the episode's own record instead, so none of this is
 * asked of it. Pure, so the form's pages show the same problems the API refuses with.
 */
import { isNhsNumber } from './form-labels.ts';
import type { FieldProblem } from './rules.ts';
import type { ReferralContent } from './schema.ts';

/** The problems with the form's further answers; `agencyKind` is the referrer's agency's (directory). */
export function furtherAnswerProblems(content: ReferralContent, agencyKind?: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const need = (ok: unknown, field: string, reason: string) => {
    if (!ok) problems.push({ field, reason });
  };
  const child = content.child ?? {};
  // Checked whoever refers: a mistyped number would match the wrong child's health record.
  if (child.nhsNumber && !isNhsNumber(child.nhsNumber))
    problems.push({
      field: 'child.nhsNumber',
      reason: 'Enter a real NHS number: the last digit does not match the others',
    });
  if (child.interpreter?.needed)
    need(
      child.interpreter.language?.trim(),
      'child.interpreter.language',
      'Say which language the interpreter is for',
    );
  if (content.stepUpFrom) return problems;

  need(
    content.referrer?.role?.trim(),
    'referrer.role',
    'Enter your role, so the Front Door knows who is referring',
  );
  need(
    content.referrer?.phone?.trim(),
    'referrer.phone',
    'Enter a telephone number the Front Door can call you on',
  );
  need(content.referrerLevel, 'referrerLevel', 'Say which level of need you think the child’s needs are at');
  need(
    content.strengths?.goingWell?.trim(),
    'strengths.goingWell',
    'Say what is going well for the child and family',
  );
  need(
    content.strengths?.needsToChange?.trim(),
    'strengths.needsToChange',
    'Say what needs to change for the child',
  );
  need(
    content.strengths?.askingFor?.trim(),
    'strengths.askingFor',
    'Say what you are asking the Front Door for',
  );
  need(
    content.familyInformed,
    'familyInformed.told',
    'Say whether the family has been told about this request',
  );
  if (content.familyInformed?.told === false)
    need(
      content.familyInformed.whyNot?.trim(),
      'familyInformed.whyNot',
      'Say why the family has not been told',
    );
  if (agencyKind === 'police') {
    need(
      content.police?.incidentNumber?.trim() || content.police?.crimeNumber?.trim(),
      'police.incidentNumber',
      'Enter the incident number or the crime number',
    );
    need(
      content.police?.dashRisk,
      'police.dashRisk',
      'Choose the DASH risk level, or say it was not completed',
    );
  }
  return problems;
}
