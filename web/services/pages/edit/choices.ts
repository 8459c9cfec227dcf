/**
 * GOV.UK checkboxes for a list of choices with one error message: the needs (a fieldset for each of
 * the guidance's domains, under one heading), the levels, the districts and the ways in. The first
 * checkbox has the list's id, so the error summary's link lands on it.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { cx, describedBy, ErrorMessage } from '../../../platform/ui.ts';

export interface Choice {
  value: string;
  text: string;
}

function Boxes(props: {
  idPrefix: string;
  /** The index of this set's first box in the whole list. */
  start: number;
  name: string;
  items: Choice[];
  values: string[];
  onChange: (values: string[]) => void;
}): VNode {
  return html`
    <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
      ${props.items.map((item, i) => {
        const index = props.start + i;
        const id = index === 0 ? props.idPrefix : `${props.idPrefix}-${index + 1}`;
        return html`
          <div class="govuk-checkboxes__item" key=${item.value}>
            <input class="govuk-checkboxes__input" id=${id} name=${props.name} type="checkbox" value=${item.value}
              checked=${props.values.includes(item.value)}
              onChange=${(event: Event) => {
                const on = (event.currentTarget as HTMLInputElement).checked;
                props.onChange(
                  on ? [...props.values, item.value] : props.values.filter((v) => v !== item.value),
                );
              }} />
            <label class="govuk-label govuk-checkboxes__label" for=${id}>${item.text}</label>
          </div>
        `;
      })}
    </div>
  `;
}

/** One question with checkboxes: its legend, hint and error message. */
export function Choices(props: {
  idPrefix: string;
  name: string;
  legend: string;
  hint?: string;
  items: Choice[];
  values: string[];
  error: string | undefined;
  onChange: (values: string[]) => void;
}): VNode {
  const hintId = props.hint ? `${props.idPrefix}-hint` : null;
  const errorId = props.error ? `${props.idPrefix}-error` : null;
  return html`
    <div class=${cx('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <fieldset class="govuk-fieldset" aria-describedby=${describedBy(hintId, errorId)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${props.legend}</legend>
        ${hintId ? html`<div id=${hintId} class="govuk-hint">${props.hint}</div>` : null}
        ${errorId && props.error ? html`<${ErrorMessage} id=${errorId} text=${props.error} />` : null}
        <${Boxes} ...${props} start=${0} />
      </fieldset>
    </div>
  `;
}

/** Checkboxes in groups (the needs, by domain): a heading for the question, a fieldset for each group. */
export function GroupedChoices(props: {
  idPrefix: string;
  name: string;
  heading: string;
  hint?: string;
  groups: { legend: string; items: Choice[] }[];
  values: string[];
  error: string | undefined;
  onChange: (values: string[]) => void;
}): VNode {
  const hintId = props.hint ? `${props.idPrefix}-hint` : null;
  const errorId = props.error ? `${props.idPrefix}-error` : null;
  let start = 0;
  return html`
    <div class=${cx('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <h2 class="govuk-heading-s govuk-!-margin-bottom-2">${props.heading}</h2>
      ${hintId ? html`<div id=${hintId} class="govuk-hint">${props.hint}</div>` : null}
      ${errorId && props.error ? html`<${ErrorMessage} id=${errorId} text=${props.error} />` : null}
      ${props.groups.map((group) => {
        const first = start;
        start += group.items.length;
        return html`
          <fieldset class="govuk-fieldset govuk-!-margin-bottom-3" key=${group.legend} aria-describedby=${describedBy(hintId, errorId)}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${group.legend}</legend>
            <${Boxes} idPrefix=${props.idPrefix} start=${first} name=${props.name} items=${group.items} values=${props.values} onChange=${props.onChange} />
          </fieldset>
        `;
      })}
    </div>
  `;
}
