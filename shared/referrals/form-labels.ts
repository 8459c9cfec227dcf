/**
 * The request-for-support form's further answers, as councils' forms ask them: the child's special
 * educational needs, a police referral's DASH risk level, and the NHS number's check digit. Pure and
 * free of zod, so the form's pages use the same words and checks as the API.
 */

export const SEND_STATUSES = ['none', 'sen_support', 'ehcp', 'being_assessed', 'not_known'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];
export const SEND_LABELS: Record<SendStatus, string> = {
  none: 'No special educational needs',
  sen_support: 'SEN support',
  ehcp: 'An education, health and care plan (EHCP)',
  being_assessed: 'Being assessed for an EHCP',
  not_known: 'Not known',
};

/** The DASH risk checklist's result, which a police referral about domestic abuse gives. */
export const DASH_RISKS = ['standard', 'medium', 'high', 'not_completed'] as const;
export type DashRisk = (typeof DASH_RISKS)[number];
export const DASH_LABELS: Record<DashRisk, string> = {
  standard: 'Standard',
  medium: 'Medium',
  high: 'High (referred to MARAC)',
  not_completed: 'Not completed',
};

/** A UK telephone number as people write it: digits, spaces, brackets, a leading +. */
export const PHONE_PATTERN = /^\+?[0-9 ()-]{6,20}$/;
/** A unique pupil number: a letter, eleven digits, and a digit or (for a temporary UPN) a letter. */
export const UPN_PATTERN = /^[A-Z][0-9]{11}[0-9A-Z]$/;
/** Ten digits, as written with or without spaces. */
export const NHS_NUMBER_PATTERN = /^[0-9]{3} ?[0-9]{3} ?[0-9]{4}$/;

/** Whether ten digits are an NHS number: the last is the modulus 11 check digit of the other nine. */
export function isNhsNumber(value: string): boolean {
  const digits = value.replace(/ /g, '');
  if (!/^[0-9]{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}
