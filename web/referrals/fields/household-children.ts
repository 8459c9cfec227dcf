/**
 * The other children in the household, each as a person (name, date of birth, how they are related,
 * whether they live with the child), added and removed like the adults: the Front Door checks each one.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { ReferralContent } from '../../../shared/referrals/schema.ts';
import {
  DateInput,
  type DateParts,
  dateParts,
  ErrorMessage,
  hasDate,
  parseDateParts,
  Radios,
  TextInput,
} from '../../platform/ui.ts';
import { type Problems, todayIso } from './shared.ts';

export type HouseholdChild = NonNullable<NonNullable<ReferralContent['household']>['children']>[number];

export interface ChildDraft {
  key: number;
  name: string;
  relationship: string;
  dob: DateParts;
  livesWithChild: 'yes' | 'no' | null;
  /** The date boxes the last check found wrong. */
  dobParts: (keyof DateParts)[];
}

let childKeys = 0;
export const toChildDraft = (c?: HouseholdChild): ChildDraft => ({
  key: ++childKeys,
  name: c?.name ?? '',
  relationship: c?.relationship ?? '',
  dob: dateParts(c?.dateOfBirth),
  livesWithChild: c ? (c.livesWithChild ? 'yes' : 'no') : null,
  dobParts: [],
});
const isBlank = (c: ChildDraft) =>
  !c.name.trim() && !c.relationship.trim() && !hasDate(c.dob) && c.livesWithChild === null;

/** The children to save, or what is wrong with them; the date boxes to mark go back on each draft. */
export function checkChildren(list: ChildDraft[]): {
  problems: Problems;
  children: HouseholdChild[];
  marked: ChildDraft[];
} {
  const problems: Problems = [];
  const children: HouseholdChild[] = [];
  const marked = list.map((c, i) => {
    if (isBlank(c)) return c.dobParts.length ? { ...c, dobParts: [] } : c;
    const id = `household-child-${i + 1}`;
    const who = c.name.trim() || `child ${i + 1}`;
    if (!c.name.trim()) problems.push([`${id}-name`, `Enter the name of child ${i + 1}`]);
    let dateOfBirth: string | undefined;
    let dobParts: (keyof DateParts)[] = [];
    if (hasDate(c.dob)) {
      const parsed = parseDateParts(c.dob, `${who}’s date of birth`);
      if ('error' in parsed) {
        problems.push([`${id}-dob-${parsed.parts[0] ?? 'day'}`, parsed.error]);
        dobParts = parsed.parts;
      } else if (parsed.date > todayIso()) {
        problems.push([`${id}-dob-day`, `${who}’s date of birth must be today or in the past`]);
        dobParts = ['day', 'month', 'year'];
      } else dateOfBirth = parsed.date;
    }
    if (!c.relationship.trim())
      problems.push([`${id}-relationship`, `Enter how ${who} is related to the child`]);
    if (c.livesWithChild === null) problems.push([`${id}-lives`, `Say whether ${who} lives with the child`]);
    children.push({
      name: c.name.trim(),
      relationship: c.relationship.trim(),
      livesWithChild: c.livesWithChild === 'yes',
      ...(dateOfBirth ? { dateOfBirth } : {}),
    });
    return { ...c, dobParts };
  });
  return { problems, children, marked };
}

/** The list, with a Remove on each child and "Add another child" below. */
export function OtherChildren(props: {
  list: ChildDraft[];
  errors: Record<string, string>;
  update: (key: number, change: Partial<ChildDraft>) => void;
  add: () => void;
  remove: (child: ChildDraft, label: string) => void;
}): VNode {
  const e = props.errors;
  return html`
    <h2 class="govuk-heading-m" id="children-heading" tabindex="-1">Other children</h2>
    ${e['children-heading'] ? html`<${ErrorMessage} id="children-heading-error" text=${e['children-heading']} />` : null}
    <p class="govuk-body">
      Brothers, sisters and any other children in the household or the family. Leave it blank if there are none.
    </p>
    ${props.list.map((c, i) => {
      const n = i + 1;
      const id = `household-child-${n}`;
      const label = c.name.trim() ? `child ${n}, ${c.name.trim()}` : `child ${n}`;
      const dobError = e[`${id}-dob-day`] ?? e[`${id}-dob-month`] ?? e[`${id}-dob-year`];
      return html`
        <fieldset class="govuk-fieldset app-adult" key=${c.key}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Child ${n}</legend>
          <${TextInput} id=${`${id}-name`} name=${`${id}-name`} label="Full name" value=${c.name} error=${e[`${id}-name`]} autocomplete="off" spellcheck=${false} onInput=${(value: string) => props.update(c.key, { name: value })} />
          <${DateInput}
            id=${`${id}-dob`}
            name=${`${id}-dob`}
            legend="Date of birth (optional)"
            legendClasses="govuk-fieldset__legend--s"
            hint="For example, 3 9 2015"
            value=${c.dob}
            error=${dobError}
            errorParts=${c.dobParts.length ? c.dobParts : undefined}
            onChange=${(dob: DateParts) => props.update(c.key, { dob })}
          />
          <${TextInput} id=${`${id}-relationship`} name=${`${id}-relationship`} label="How are they related to the child?" hint="For example, brother, half-sister, mum’s partner’s son" inputClasses="govuk-!-width-two-thirds" value=${c.relationship} error=${e[`${id}-relationship`]} onInput=${(value: string) => props.update(c.key, { relationship: value })} />
          <${Radios}
            idPrefix=${`${id}-lives`}
            name=${`${id}-lives`}
            legend="Do they live with the child?"
            legendClasses="govuk-fieldset__legend--s"
            items=${[{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }]}
            value=${c.livesWithChild}
            error=${e[`${id}-lives`]}
            onChange=${(value: string) => props.update(c.key, { livesWithChild: value as 'yes' | 'no' })}
          />
          ${
            props.list.length > 1 || !isBlank(c)
              ? html`<button
                  type="button"
                  class="govuk-button govuk-button--secondary app-adult__remove"
                  data-module="govuk-button"
                  onClick=${() => props.remove(c, label)}
                >
                  Remove<span class="govuk-visually-hidden"> ${label}</span>
                </button>`
              : null
          }
        </fieldset>
      `;
    })}
    ${
      props.list.length < 12
        ? html`<button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" onClick=${props.add}>
            Add another child
          </button>`
        : html`<p class="govuk-body">You can add up to 12 children.</p>`
    }
  `;
}
