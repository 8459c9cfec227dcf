/**
 * The standards form's values: what is typed in each box, checked as the API checks it (a whole
 * number of working days within the bounds), each problem in words that name its standard.
 */
import { STANDARD_LABELS } from '../../../../shared/early-help/labels.ts';
import type { Standards } from '../../../../shared/early-help/schema.ts';
import {
  type EarlyHelpStandards,
  STANDARD_FIELDS,
  STANDARD_MAX_WORKING_DAYS,
  STANDARD_MIN_WORKING_DAYS,
  type StandardField,
} from '../../../../shared/early-help/standards.ts';

/** What is typed in each box, as typed. */
export type Values = Record<StandardField, string>;

/** Each standard's input id, in the order the page shows them. */
export const FIELD_IDS: Record<StandardField, string> = {
  leadWithinWorkingDays: 'lead-days',
  assessmentWithinWorkingDays: 'assessment-days',
  planWithinWorkingDays: 'plan-days',
  reviewEveryWorkingDays: 'review-days',
};
export const FIELD_ORDER = STANDARD_FIELDS.map((field) => FIELD_IDS[field]);

/** The field an input id is for, when it is one of the four. */
export const fieldOfId = (id: string): StandardField | undefined =>
  STANDARD_FIELDS.find((field) => FIELD_IDS[field] === id);

export const valuesOf = (standards: Standards): Values =>
  Object.fromEntries(STANDARD_FIELDS.map((f) => [f, String(standards[f])])) as Values;

/** The problem with one standard, naming it, so the error summary's lines can be told apart. */
export const problemOf = (field: StandardField) =>
  `Enter the working days for “${STANDARD_LABELS[field].label}” as a whole number from ${STANDARD_MIN_WORKING_DAYS} to ${STANDARD_MAX_WORKING_DAYS}`;

/** The four standards to send, or each box's problem by its input id. */
export function checkValues(
  values: Values,
): { ok: true; standards: EarlyHelpStandards } | { ok: false; found: Record<string, string> } {
  const found: Record<string, string> = {};
  const standards: Partial<Record<StandardField, number>> = {};
  for (const field of STANDARD_FIELDS) {
    const typed = values[field].trim();
    const days = /^\d{1,4}$/.test(typed) ? Number(typed) : Number.NaN;
    if (days >= STANDARD_MIN_WORKING_DAYS && days <= STANDARD_MAX_WORKING_DAYS) standards[field] = days;
    else found[FIELD_IDS[field]] = problemOf(field);
  }
  return Object.keys(found).length
    ? { ok: false, found }
    : { ok: true, standards: standards as EarlyHelpStandards };
}
