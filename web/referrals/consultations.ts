/**
 * What the consultation-call pages share: their addresses, and the form's answers with what they
 * become (the API's body, or the problems found first, through the API's own rules in
 * shared/referrals/consultations.ts, each keyed by the input it is shown at). Pure apart from the
 * clock passed in, and free of zod: the schema is imported as a type only.
 */
import { ukDateOf, ukLocalTimeToInstant, ukOffsetMinutes } from '../../shared/platform/working-days.ts';
import type { ConsultationInput } from '../../shared/referrals/consultation-schema.ts';
import { consultationProblems, type WrittenRequestAnswer } from '../../shared/referrals/consultations.ts';
import { UK_POSTCODE } from '../../shared/referrals/labels.ts';
import { blankDate, type DateParts, dateParts, hasDate, parseDateParts } from '../platform/date-input.ts';

export const CALLS_URL = '/referrals/consultations/';
export const NEW_CALL_URL = '/referrals/consultations/new/';
/** Where a recorded call is shown, with the banner that says so. */
export const recordedUrl = (id: string) => `${CALLS_URL}?done=recorded&id=${encodeURIComponent(id)}`;

export interface Values {
  calledOn: DateParts;
  calledTime: string;
  callerName: string;
  callerRole: string;
  callerAgency: string;
  callerPhone: string;
  childFirstName: string;
  childLastName: string;
  childDateOfBirth: DateParts;
  childPostcode: string;
  level: string | null;
  advice: string;
  writtenRequest: WrittenRequestAnswer | null;
}

/** "14:05", UK time. */
function ukTimeOf(instant: Date): string {
  return new Date(instant.getTime() + ukOffsetMinutes(instant) * 60_000).toISOString().slice(11, 16);
}

/** A blank form, its call at the time it was opened: most calls are typed up as they happen. */
export const emptyValues = (now: Date): Values => ({
  calledOn: dateParts(ukDateOf(now)),
  calledTime: ukTimeOf(now),
  callerName: '',
  callerRole: '',
  callerAgency: '',
  callerPhone: '',
  childFirstName: '',
  childLastName: '',
  childDateOfBirth: blankDate,
  childPostcode: '',
  level: null,
  advice: '',
  writtenRequest: null,
});

/** The input each of the API's fields is shown at. */
export const FIELD_IDS: Record<string, string> = {
  calledAt: 'called-on',
  caller: 'caller-name',
  'caller.name': 'caller-name',
  'caller.role': 'caller-role',
  'caller.agencyId': 'caller-agency',
  'caller.phone': 'caller-phone',
  child: 'child-first-name',
  'child.firstName': 'child-first-name',
  'child.lastName': 'child-last-name',
  'child.dateOfBirth': 'child-date-of-birth',
  'child.postcode': 'child-postcode',
  levelDiscussed: 'level',
  advice: 'advice',
  writtenRequest: 'written-request',
};

/** The page's order, for the error summary. */
export const FIELD_ORDER = [
  'called-on',
  'called-time',
  'caller-name',
  'caller-role',
  'caller-agency',
  'caller-phone',
  'child-first-name',
  'child-last-name',
  'child-date-of-birth',
  'child-postcode',
  'level',
  'advice',
  'written-request',
];

/** A date's summary link goes to its first box. */
export const ANCHORS: Record<string, string> = {
  'called-on': 'called-on-day',
  'child-date-of-birth': 'child-date-of-birth-day',
};

/** "9:30", "14:05", "9.30am", "2pm" → hours and minutes on the 24-hour clock, or null. */
export function parseTime(text: string): { hour: number; minute: number } | null {
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const period = m[3]?.toLowerCase().replace(/\./g, '');
  if (minute > 59) return null;
  if (period) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (period === 'pm' ? 12 : 0);
  } else if (hour > 23) return null;
  return { hour, minute };
}

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const LIMITS: [keyof Values, string, number][] = [
  ['callerName', 'caller-name', 120],
  ['callerRole', 'caller-role', 120],
  ['childFirstName', 'child-first-name', 60],
  ['childLastName', 'child-last-name', 60],
  ['advice', 'advice', 2000],
];

export type Checked =
  | { ok: true; body: ConsultationInput }
  | { ok: false; found: Record<string, string>; parts: Record<string, (keyof DateParts)[]> };

/** The answers as the API's body, or what is wrong with them, by input. */
export function checkValues(values: Values, now: Date): Checked {
  const found: Record<string, string> = {};
  const parts: Record<string, (keyof DateParts)[]> = {};
  const date = (id: string, value: DateParts, what: string) => {
    const parsed = parseDateParts(value, what);
    if ('date' in parsed) return parsed.date;
    found[id] = parsed.error;
    parts[id] = parsed.parts;
    return undefined;
  };
  const trimmed = (key: keyof Values) => String(values[key] ?? '').trim();

  const calledOn = date('called-on', values.calledOn, 'The date of the call');
  const time = parseTime(values.calledTime);
  if (!time)
    found['called-time'] = values.calledTime.trim()
      ? 'Enter the time of the call as hours and minutes, like 09:30 or 14:05'
      : 'Enter the time of the call';
  if (!trimmed('callerName')) found['caller-name'] = 'Enter the caller’s name';
  const phone = trimmed('callerPhone');
  if (phone && !PHONE.test(phone)) found['caller-phone'] = 'Enter a telephone number, like 01632 960 001';
  const dateOfBirth = hasDate(values.childDateOfBirth)
    ? date('child-date-of-birth', values.childDateOfBirth, 'The child’s date of birth')
    : undefined;
  if (dateOfBirth && dateOfBirth > ukDateOf(now))
    found['child-date-of-birth'] = 'The child’s date of birth must be in the past';
  const postcode = trimmed('childPostcode');
  if (postcode && !UK_POSTCODE.test(postcode))
    found['child-postcode'] = 'Enter a real UK postcode, like NS1 2AB';
  if (!values.level) found.level = 'Choose the level you discussed';
  if (!trimmed('advice')) found.advice = 'Enter what the front door advised';
  if (!values.writtenRequest) found['written-request'] = 'Say whether a written request is needed';
  for (const [key, id, max] of LIMITS)
    if (trimmed(key).length > max) found[id] ??= `Use ${max.toLocaleString('en-GB')} characters or fewer`;

  const firstName = trimmed('childFirstName');
  const lastName = trimmed('childLastName');
  const anyChild = firstName || lastName || hasDate(values.childDateOfBirth) || postcode;
  const child = anyChild
    ? {
        firstName,
        lastName,
        ...(dateOfBirth ? { dateOfBirth } : {}),
        ...(postcode ? { postcode: postcode.toUpperCase() } : {}),
      }
    : undefined;
  const calledAt =
    calledOn && time ? ukLocalTimeToInstant(calledOn, time.hour, time.minute).toISOString() : undefined;

  // The rules the API applies, in its words, where the boxes above found nothing wrong.
  const problems = consultationProblems(
    { calledAt: calledAt ?? now.toISOString(), writtenRequest: values.writtenRequest ?? 'not_needed', child },
    now,
  );
  for (const problem of problems) {
    let id = FIELD_IDS[problem.field] ?? 'called-on';
    // A call later today is most likely a mistyped time; one days ago, a mistyped date.
    if (problem.field === 'calledAt') {
      if (!calledAt) continue;
      if (calledOn === ukDateOf(now)) id = 'called-time';
    }
    // The name asked for is the one missing.
    if (problem.field === 'child.firstName' && firstName && !lastName) id = 'child-last-name';
    found[id] ??= problem.reason;
  }
  if (Object.keys(found).length || !calledAt || !values.level || !values.writtenRequest)
    return { ok: false, found, parts };

  const role = trimmed('callerRole');
  return {
    ok: true,
    body: {
      calledAt,
      caller: {
        name: trimmed('callerName'),
        ...(role ? { role } : {}),
        ...(values.callerAgency ? { agencyId: values.callerAgency } : {}),
        ...(phone ? { phone } : {}),
      },
      ...(child ? { child } : {}),
      levelDiscussed: Number(values.level) as ConsultationInput['levelDiscussed'],
      advice: trimmed('advice'),
      writtenRequest: values.writtenRequest,
    },
  };
}

/** A key for one form's call, so sending it twice records it once. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `call-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function childNameOfCall(call: {
  child?: { firstName: string; lastName: string } | undefined;
}): string {
  return [call.child?.firstName, call.child?.lastName].filter(Boolean).join(' ') || 'Child not named';
}
