/**
 * The new action's answers: as typed, checked before sending (the API checks them again), and as the
 * API takes them.
 */

import { type DateParts, dateParts, parseDateParts } from '../../../platform/ui.ts';
import { tooLong } from '../../forms.ts';
import { ukToday } from '../../views.ts';

const REFERENCE = /^[A-Z0-9][A-Z0-9./-]{1,19}$/i;

/** The next free "BA-nnn" after the plan's highest. */
export function nextReference(references: string[]): string {
  const numbers = references.map((r) => /^BA-(\d+)$/i.exec(r)?.[1]).filter((n): n is string => !!n);
  const next = Math.max(0, ...numbers.map(Number)) + 1;
  return `BA-${String(next).padStart(3, '0')}`;
}

export interface Values {
  reference: string;
  title: string;
  description: string;
  sourceKind: string | null;
  sourceReference: string;
  paragraph: string;
  theme: string;
  owner: string;
  lead: string;
  contributors: string[];
  subgroup: string;
  measure: string;
  baseline: string;
  target: string;
  current: string;
  start: DateParts;
  due: DateParts;
}

/** The input each of the API's fields is shown at. */
export const FIELD_IDS: Record<string, string> = {
  reference: 'reference',
  title: 'title',
  description: 'description',
  'source.kind': 'source-kind',
  'source.reference': 'source-reference',
  'source.paragraph': 'source-paragraph',
  theme: 'theme',
  ownerAgencyId: 'owner',
  lead: 'lead',
  contributingAgencyIds: 'contributors',
  subgroup: 'subgroup',
  'outcomeMeasure.measure': 'measure',
  'outcomeMeasure.baseline': 'baseline',
  'outcomeMeasure.target': 'target',
  'outcomeMeasure.current': 'current',
  startDate: 'start-day',
  dueDate: 'due-day',
};

export function emptyValues(reference: string): Values {
  return {
    reference,
    title: '',
    description: '',
    sourceKind: null,
    sourceReference: '',
    paragraph: '',
    theme: '',
    owner: '',
    lead: '',
    contributors: [],
    subgroup: '',
    measure: '',
    baseline: '',
    target: '',
    current: '',
    start: dateParts(ukToday()),
    due: { day: '', month: '', year: '' },
  };
}

/** The fields in the order the error summary lists them. */
const ORDER = [
  'reference',
  'title',
  'description',
  'source-kind',
  'source-reference',
  'source-paragraph',
  'theme',
  'owner',
  'lead',
  'subgroup',
  'measure',
  'baseline',
  'target',
  'current',
  'start',
  'due',
];

export type Checked =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; found: Record<string, string>; parts: Record<string, (keyof DateParts)[]> };

const t = (s: string) => s.trim();

/** The answers checked: what is wrong with each field (and which date parts), or the API's body. */
export function checkValues(v: Values): Checked {
  const found: Record<string, string> = {};
  const add = (id: string, message: string | null) => {
    if (message && !found[id]) found[id] = message;
  };
  add(
    'reference',
    !t(v.reference)
      ? 'Enter a reference, like BA-011'
      : REFERENCE.test(t(v.reference))
        ? null
        : 'The reference must be 2 to 20 letters, digits, dots, slashes or hyphens, like BA-011',
  );
  add('title', !t(v.title) ? 'Enter a title' : tooLong('The title', v.title, 200));
  add(
    'description',
    !t(v.description) ? 'Describe the action' : tooLong('The description', v.description, 4000),
  );
  add('source-kind', v.sourceKind ? null : 'Choose where the action comes from');
  add(
    'source-reference',
    !t(v.sourceReference)
      ? 'Enter the document the action comes from'
      : tooLong('The source document', v.sourceReference, 120),
  );
  add('source-paragraph', tooLong('The paragraph', v.paragraph, 40));
  add('theme', v.theme ? null : 'Choose a theme');
  add('owner', v.owner ? null : 'Choose the agency that owns the action');
  add('lead', !t(v.lead) ? 'Enter who leads the action' : tooLong('The lead', v.lead, 120));
  add('subgroup', tooLong('The subgroup', v.subgroup, 120));
  const anyMeasure = [v.measure, v.baseline, v.target, v.current].some((x) => t(x));
  add(
    'measure',
    anyMeasure && !t(v.measure)
      ? 'Describe the outcome measure, or leave the baseline, target and current value empty'
      : tooLong('The outcome measure', v.measure, 300),
  );
  add('baseline', tooLong('The baseline', v.baseline, 120));
  add('target', tooLong('The target', v.target, 120));
  add('current', tooLong('The current value', v.current, 120));
  const start = parseDateParts(v.start, 'The start date');
  const due = parseDateParts(v.due, 'The due date');
  const parts: Record<string, (keyof DateParts)[]> = {};
  if ('error' in start) {
    add('start', start.error);
    parts.start = start.parts;
  }
  if ('error' in due) {
    add('due', due.error);
    parts.due = due.parts;
  } else if ('date' in start && due.date < start.date) {
    add('due', 'The due date must be the same as or after the start date');
    parts.due = ['day', 'month', 'year'];
  }
  if (Object.keys(found).length > 0 || !('date' in start) || !('date' in due)) {
    return { ok: false, found, parts };
  }
  return {
    ok: true,
    body: {
      reference: t(v.reference).toUpperCase(),
      title: t(v.title),
      description: t(v.description),
      source: {
        kind: v.sourceKind,
        reference: t(v.sourceReference),
        ...(t(v.paragraph) ? { paragraph: t(v.paragraph) } : {}),
      },
      theme: v.theme,
      ...(anyMeasure
        ? {
            outcomeMeasure: {
              measure: t(v.measure),
              baseline: t(v.baseline),
              target: t(v.target),
              current: t(v.current),
            },
          }
        : {}),
      ownerAgencyId: v.owner,
      lead: t(v.lead),
      contributingAgencyIds: v.contributors.filter((c) => c !== v.owner),
      ...(t(v.subgroup) ? { subgroup: t(v.subgroup) } : {}),
      startDate: start.date,
      dueDate: due.date,
    },
  };
}

/** The error summary's links, in the form's order: a date links to its first wrong part. */
export function summaryItems(found: Record<string, string>, parts: Record<string, (keyof DateParts)[]>) {
  return ORDER.filter((id) => found[id]).map((id) => ({
    href: `#${id === 'start' || id === 'due' ? `${id}-${parts[id]?.[0] ?? 'day'}` : id}`,
    text: found[id] ?? '',
  }));
}
