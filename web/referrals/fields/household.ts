/**
 * The household: the adults with parental responsibility (add and remove, "do not contact"), and the
 * other children, each as a person (household-children.ts).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Adult } from '../../../shared/referrals/schema.ts';
import { Checkbox, TextInput, Written } from '../../platform/ui.ts';
import { type ChildDraft, checkChildren, OtherChildren, toChildDraft } from './household-children.ts';
import { type FieldsProps, opt, type Problems } from './shared.ts';

// Household -------------------------------------------------------------------------------------------

interface AdultDraft {
  key: number;
  name: string;
  relationship: string;
  parentalResponsibility: boolean;
  doNotContact: boolean;
  contact: string;
}

let adultKeys = 0;
const toDraft = (a?: Adult): AdultDraft => ({
  key: ++adultKeys,
  name: a?.name ?? '',
  relationship: a?.relationship ?? '',
  parentalResponsibility: a?.parentalResponsibility ?? false,
  doNotContact: a?.doNotContact ?? false,
  contact: a?.contact ?? '',
});
const isBlank = (a: AdultDraft) =>
  !a.name.trim() &&
  !a.relationship.trim() &&
  !a.contact.trim() &&
  !a.parentalResponsibility &&
  !a.doNotContact;

export function HouseholdFields(props: FieldsProps): VNode {
  const household = props.referral.household;
  const [adults, setAdults] = useState<AdultDraft[]>(() =>
    household?.adults.length ? household.adults.map(toDraft) : [toDraft()],
  );
  const [children, setChildren] = useState<ChildDraft[]>(() =>
    household?.children?.length ? household.children.map(toChildDraft) : [toChildDraft()],
  );
  // Older drafts wrote the other children as text: kept as written, and listed one by one from now on.
  const otherChildren = household?.otherChildren?.trim();
  const [focusId, setFocusId] = useState<{ id: string } | null>(null);
  const [announce, setAnnounce] = useState('');
  const e = props.errors;

  useEffect(() => {
    if (focusId) document.getElementById(focusId.id)?.focus();
  }, [focusId]);

  const update = (key: number, change: Partial<AdultDraft>) =>
    setAdults((list) => list.map((a) => (a.key === key ? { ...a, ...change } : a)));
  const updateChild = (key: number, change: Partial<ChildDraft>) =>
    setChildren((list) => list.map((c) => (c.key === key ? { ...c, ...change } : c)));

  props.bind(() => {
    const problems: Problems = [];
    const kept = adults.filter((a) => !isBlank(a));
    adults.forEach((a, i) => {
      if (isBlank(a)) return;
      if (!a.name.trim()) problems.push([`adult-${i + 1}-name`, `Enter the name of adult ${i + 1}`]);
      if (!a.relationship.trim())
        problems.push([`adult-${i + 1}-relationship`, `Enter adult ${i + 1}’s relationship to the child`]);
    });
    const others = checkChildren(children);
    setChildren(others.marked);
    problems.push(...others.problems);
    if (problems.length) return { problems };
    return {
      patch: {
        household: {
          adults: kept.map((a) => ({
            name: a.name.trim(),
            relationship: a.relationship.trim(),
            parentalResponsibility: a.parentalResponsibility,
            doNotContact: a.doNotContact,
            ...(opt(a.contact) ? { contact: a.contact.trim() } : {}),
          })),
          children: others.children,
          ...(otherChildren ? { otherChildren } : {}),
        },
      },
    };
  });

  return html`
    <h1 class="govuk-heading-l">Who does the child live with?</h1>
    <p class="govuk-body">
      Add everyone with parental responsibility for the child, and any other adult who lives with them or looks after them.
    </p>
    <h2 class="govuk-heading-m" id="adults-heading" tabindex="-1">Adults</h2>
    ${e['adults-heading'] ? html`<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${e['adults-heading']}</p>` : null}
    ${adults.map((a, i) => {
      const n = i + 1;
      const label = a.name.trim() ? `adult ${n}, ${a.name.trim()}` : `adult ${n}`;
      return html`
        <fieldset class="govuk-fieldset app-adult" key=${a.key}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Adult ${n}</legend>
          <${TextInput} id=${`adult-${n}-name`} name=${`adult-${n}-name`} label="Full name" value=${a.name} error=${e[`adult-${n}-name`]} autocomplete="off" spellcheck=${false} onInput=${(value: string) => update(a.key, { name: value })} />
          <${TextInput} id=${`adult-${n}-relationship`} name=${`adult-${n}-relationship`} label="Relationship to the child" hint="For example, mother, stepfather, grandmother, mum’s partner" inputClasses="govuk-!-width-two-thirds" value=${a.relationship} error=${e[`adult-${n}-relationship`]} onInput=${(value: string) => update(a.key, { relationship: value })} />
          <${Checkbox} id=${`adult-${n}-pr`} name=${`adult-${n}-pr`} label="Has parental responsibility for the child" checked=${a.parentalResponsibility} onChange=${(checked: boolean) => update(a.key, { parentalResponsibility: checked })} />
          <${Checkbox}
            id=${`adult-${n}-dnc`}
            name=${`adult-${n}-dnc`}
            label="Do not contact this adult"
            hint="For example, if contacting them could put the child, another person or you at risk"
            checked=${a.doNotContact}
            onChange=${(checked: boolean) => update(a.key, { doNotContact: checked })}
          />
          <${TextInput} id=${`adult-${n}-contact`} name=${`adult-${n}-contact`} label="Phone number or other contact details (optional)" value=${a.contact} error=${e[`adult-${n}-contact`]} autocomplete="off" onInput=${(value: string) => update(a.key, { contact: value })} />
          ${
            adults.length > 1
              ? html`<button
                  type="button"
                  class="govuk-button govuk-button--secondary app-adult__remove"
                  data-module="govuk-button"
                  onClick=${() => {
                    setAdults((list) => list.filter((x) => x.key !== a.key));
                    setAnnounce(`Removed ${label}.`);
                    setFocusId({ id: 'adults-heading' });
                  }}
                >
                  Remove<span class="govuk-visually-hidden"> ${label}</span>
                </button>`
              : null
          }
        </fieldset>
      `;
    })}
    ${
      adults.length < 12
        ? html`<button
            type="button"
            class="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            onClick=${() => {
              setAdults((list) => [...list, toDraft()]);
              setAnnounce(`Adult ${adults.length + 1} added.`);
              setFocusId({ id: `adult-${adults.length + 1}-name` });
            }}
          >
            Add another adult
          </button>`
        : html`<p class="govuk-body">You can add up to 12 adults.</p>`
    }
    <${OtherChildren}
      list=${children}
      errors=${e}
      update=${updateChild}
      add=${() => {
        setChildren((list) => [...list, toChildDraft()]);
        setAnnounce(`Child ${children.length + 1} added.`);
        setFocusId({ id: `household-child-${children.length + 1}-name` });
      }}
      remove=${(child: ChildDraft, label: string) => {
        setChildren((list) => {
          const left = list.filter((x) => x.key !== child.key);
          return left.length ? left : [toChildDraft()];
        });
        setAnnounce(`Removed ${label}.`);
        setFocusId({ id: 'children-heading' });
      }}
    />
    ${
      otherChildren
        ? html`<div class="govuk-inset-text" id="other-children">
            <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">What you wrote about other children before</p>
            <${Written} text=${otherChildren} />
          </div>`
        : null
    }
    <p class="govuk-visually-hidden" role="status">${announce}</p>
  `;
}
