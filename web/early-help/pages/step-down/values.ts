/**
 * The step-down form's answers, and what they become: the API's body, or the problems found here
 * first (the same ones the API would name, through the same rules), each keyed by the input it is
 * shown at. Pure, so it is the same in every browser.
 */
import { STEP_DOWN_LEVELS, type StepDownLevel } from '../../../../shared/early-help/labels.ts';
import { stepDownProblems } from '../../../../shared/early-help/rules.ts';
import type { StepDownInput } from '../../../../shared/early-help/schema.ts';
import { blankDate, type DateParts, parseDateParts } from '../../../platform/date-input.ts';

export interface Values {
  firstName: string;
  lastName: string;
  dateOfBirth: DateParts;
  school: string;
  addressLine1: string;
  town: string;
  postcode: string;
  adultName: string;
  adultRelationship: string;
  consent: 'given' | 'refused' | null;
  consentBy: string;
  consentOn: DateParts;
  level: StepDownLevel | null;
  steppedDownOn: DateParts;
  caseReference: string;
  socialWorker: string;
  summary: string;
  leadAgencyId: string;
}

export const emptyValues = (): Values => ({
  firstName: '',
  lastName: '',
  dateOfBirth: blankDate,
  school: '',
  addressLine1: '',
  town: '',
  postcode: '',
  adultName: '',
  adultRelationship: '',
  consent: null,
  consentBy: '',
  consentOn: blankDate,
  level: null,
  steppedDownOn: blankDate,
  caseReference: '',
  socialWorker: '',
  summary: '',
  leadAgencyId: '',
});

/** The input each of the API's fields is shown at; the order is the page's, for the error summary. */
export const FIELD_IDS: Record<string, string> = {
  'child.firstName': 'first-name',
  'child.lastName': 'last-name',
  'child.dateOfBirth': 'date-of-birth',
  'child.schoolOrSetting': 'school',
  'child.address': 'address-line-1',
  'child.address.line1': 'address-line-1',
  'child.address.town': 'town',
  'child.address.postcode': 'postcode',
  'household.adults': 'adult-name',
  'household.adults.0.name': 'adult-name',
  'household.adults.0.relationship': 'adult-relationship',
  'consent.status': 'consent',
  'consent.byWhom': 'consent-by',
  'consent.date': 'consent-on',
  level: 'level',
  steppedDownOn: 'stepped-down-on',
  'socialCare.reference': 'case-reference',
  'socialCare.socialWorker': 'social-worker',
  'socialCare.summary': 'summary',
  leadAgencyId: 'lead-agency',
};
export const FIELD_ORDER = [...new Set(Object.values(FIELD_IDS))];

/** Where an error summary item for an input goes: a date's first box, a radio group's first radio. */
export const ANCHORS: Record<string, string> = {
  'date-of-birth': 'date-of-birth-day',
  'consent-on': 'consent-on-day',
  'stepped-down-on': 'stepped-down-on-day',
  consent: 'consent',
  level: 'level',
};

export type Checked =
  | { ok: true; body: StepDownInput }
  | { ok: false; found: Record<string, string>; parts: Record<string, (keyof DateParts)[]> };

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** The answers as the API's body, or what is wrong with them, by input. */
export function checkValues(values: Values, now: Date): Checked {
  const found: Record<string, string> = {};
  const parts: Record<string, (keyof DateParts)[]> = {};
  const date = (id: string, value: DateParts, what: string, required: boolean) => {
    if (!required && !value.day.trim() && !value.month.trim() && !value.year.trim()) return undefined;
    const parsed = parseDateParts(value, what);
    if ('date' in parsed) return parsed.date;
    found[id] = parsed.error;
    parts[id] = parsed.parts;
    return undefined;
  };
  const need = (id: string, value: string, message: string) => {
    if (!value.trim()) found[id] ??= message;
  };
  const dateOfBirth = date('date-of-birth', values.dateOfBirth, 'The date of birth', true);
  const consentOn = date('consent-on', values.consentOn, 'The date they agreed', values.consent !== null);
  const steppedDownOn = date('stepped-down-on', values.steppedDownOn, 'The date of the step-down', true);
  need('address-line-1', values.addressLine1, 'Enter the first line of the child’s address');
  need('town', values.town, 'Enter the town or city');
  need('postcode', values.postcode, 'Enter the postcode');
  need('adult-relationship', values.adultRelationship, 'Enter their relationship to the child');
  need('case-reference', values.caseReference, 'Enter the social care case reference');
  need('social-worker', values.socialWorker, 'Enter the social worker’s name');
  need('summary', values.summary, 'Say why the child steps down and what help the family still needs');
  if (!values.level) found.level = 'Choose the level of need the child steps down to';

  const body: StepDownInput = {
    child: {
      ...(optional(values.firstName) ? { firstName: values.firstName.trim() } : {}),
      ...(optional(values.lastName) ? { lastName: values.lastName.trim() } : {}),
      ...(dateOfBirth ? { dateOfBirth } : {}),
      ...(optional(values.school) ? { schoolOrSetting: values.school.trim() } : {}),
      ...(values.addressLine1.trim() && values.town.trim() && values.postcode.trim()
        ? {
            address: {
              line1: values.addressLine1.trim(),
              town: values.town.trim(),
              postcode: values.postcode.trim().toUpperCase(),
            },
          }
        : {}),
    },
    household: {
      adults: values.adultName.trim()
        ? [
            {
              name: values.adultName.trim(),
              relationship: values.adultRelationship.trim(),
              parentalResponsibility: true,
              doNotContact: false,
            },
          ]
        : [],
    },
    ...(values.consent
      ? {
          consent: {
            status: values.consent,
            ...(optional(values.consentBy) ? { byWhom: values.consentBy.trim() } : {}),
            ...(consentOn ? { date: consentOn } : {}),
          },
        }
      : {}),
    level: values.level ?? STEP_DOWN_LEVELS[0],
    steppedDownOn: steppedDownOn ?? '',
    socialCare: {
      reference: values.caseReference.trim(),
      socialWorker: values.socialWorker.trim(),
      summary: values.summary.trim(),
    },
    ...(values.leadAgencyId ? { leadAgencyId: values.leadAgencyId } : {}),
  };
  // The rules the API applies, in its words, where the boxes above found nothing wrong.
  for (const problem of stepDownProblems(body, now)) {
    if (problem.field === 'steppedDownOn' && !steppedDownOn) continue;
    const id = FIELD_IDS[problem.field];
    if (!id || found[id]) continue;
    found[id] =
      problem.field === 'steppedDownOn' ? `The date of the step-down ${problem.reason}` : problem.reason;
  }
  return Object.keys(found).length ? { ok: false, found, parts } : { ok: true, body };
}
