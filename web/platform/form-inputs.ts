/**
 * GOV.UK Frontend's form inputs as Preact views: text input, radios, textarea, select, a single
 * checkbox and a group of them, each with its label, hint and error message wired to the input.
 * Markup follows GOV.UK Frontend 6's templates.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { cx } from './ui-basics.ts';

/** The error message under a field's label, read out before the field. */
export function ErrorMessage(props: { id: string; text: string }): VNode {
  return html`<p id=${props.id} class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${props.text}</p>`;
}

/** The ids a field is described by (its hint, its error), or nothing. */
export function describedBy(...ids: (string | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** A field's hint and error ids, when it has them, and what its input is described by. */
function fieldIds(id: string, hint: string | undefined, error: string | undefined) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  return { hintId, errorId, describedBy: describedBy(hintId, errorId) };
}

/** Its hint and error message, in GOV.UK's order: read out before the field. */
function HintAndError(props: {
  hintId: string | null;
  hint?: string;
  errorId: string | null;
  error?: string | undefined;
}) {
  return html`
    ${props.hint && props.hintId ? html`<div id=${props.hintId} class="govuk-hint">${props.hint}</div>` : null}
    ${props.error && props.errorId ? html`<${ErrorMessage} id=${props.errorId} text=${props.error} />` : null}
  `;
}

interface LabelledField {
  id: string;
  label: string;
  labelClasses?: string;
  /** Make the label the page's h1 (GOV.UK's one-question page). */
  labelIsPageHeading?: boolean;
  hint?: string;
  error?: string | undefined;
}

/** The form group every single-input field sits in: label, hint, error message, then the input. */
function Field(props: LabelledField & { children: ComponentChildren }): VNode {
  const { hintId, errorId } = fieldIds(props.id, props.hint, props.error);
  const label = html`<label class=${cx('govuk-label', props.labelClasses)} for=${props.id}>${props.label}</label>`;
  return html`
    <div class=${cx('govuk-form-group', props.error && 'govuk-form-group--error')}>
      ${props.labelIsPageHeading ? html`<h1 class="govuk-label-wrapper">${label}</h1>` : label}
      <${HintAndError} hintId=${hintId} hint=${props.hint} errorId=${errorId} error=${props.error} />
      ${props.children}
    </div>
  `;
}

export function TextInput(
  props: LabelledField & {
    name: string;
    value: string;
    autocomplete?: string;
    inputClasses?: string;
    spellcheck?: boolean;
    /** `email` brings the right keyboard on a phone (GOV.UK's email address pattern). */
    type?: 'text' | 'email';
    onInput: (value: string) => void;
  },
): VNode {
  return html`
    <${Field} ...${props}>
      <input
        class=${cx('govuk-input', props.inputClasses, props.error && 'govuk-input--error')}
        id=${props.id}
        name=${props.name}
        type=${props.type ?? 'text'}
        value=${props.value}
        spellcheck=${props.spellcheck ?? undefined}
        autocomplete=${props.autocomplete ?? undefined}
        aria-describedby=${fieldIds(props.id, props.hint, props.error).describedBy}
        onInput=${(event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
      />
    </${Field}>
  `;
}

export interface RadioItem {
  value: string;
  text: string;
  hint?: string;
  /** Shown beneath the item while it is chosen (GOV.UK's conditionally revealed question). */
  conditional?: VNode | null;
}

export interface RadiosProps {
  idPrefix: string;
  name: string;
  legend: string;
  /** Make the legend the page's h1. */
  legendIsPageHeading?: boolean;
  legendClasses?: string;
  /** Said between the question and its hint, for example what the answer depends on. */
  intro?: VNode;
  hint?: string;
  items: RadioItem[];
  value: string | null;
  error?: string | undefined;
  onChange: (value: string) => void;
}

/**
 * GOV.UK radios. Items with a `conditional` question show it while they are chosen: the page reveals
 * it, so GOV.UK's script (which would also try to) is not attached to those radios.
 */
export function Radios(props: RadiosProps): VNode {
  const { hintId, errorId, describedBy: described } = fieldIds(props.idPrefix, props.hint, props.error);
  const reveals = props.items.some((item) => item.conditional !== undefined);
  return html`
    <div class=${cx('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <fieldset class="govuk-fieldset" aria-describedby=${described}>
        <legend class=${cx('govuk-fieldset__legend', props.legendClasses)}>
          ${props.legendIsPageHeading ? html`<h1 class="govuk-fieldset__heading">${props.legend}</h1>` : props.legend}
        </legend>
        ${props.intro ?? null}
        <${HintAndError} hintId=${hintId} hint=${props.hint} errorId=${errorId} error=${props.error} />
        <div class="govuk-radios" data-module=${reveals ? undefined : 'govuk-radios'}>
          ${props.items.map((item, index) => {
            const id = index === 0 ? props.idPrefix : `${props.idPrefix}-${index + 1}`;
            const itemHintId = item.hint ? `${id}-item-hint` : undefined;
            const checked = props.value === item.value;
            return html`
              <div class="govuk-radios__item" key=${item.value}>
                <input
                  class="govuk-radios__input"
                  id=${id}
                  name=${props.name}
                  type="radio"
                  value=${item.value}
                  checked=${checked}
                  aria-describedby=${itemHintId}
                  onChange=${() => props.onChange(item.value)}
                />
                <label class="govuk-label govuk-radios__label" for=${id}>${item.text}</label>
                ${item.hint ? html`<div id=${itemHintId} class="govuk-hint govuk-radios__hint">${item.hint}</div>` : null}
              </div>
              ${checked && item.conditional ? html`<div class="govuk-radios__conditional" key=${`${item.value}-conditional`}>${item.conditional}</div>` : null}
            `;
          })}
        </div>
      </fieldset>
    </div>
  `;
}

export function Textarea(
  props: LabelledField & {
    name: string;
    value: string;
    rows?: number;
    spellcheck?: boolean;
    onInput: (value: string) => void;
  },
): VNode {
  return html`
    <${Field} ...${props}>
      <textarea
        class=${cx('govuk-textarea', props.error && 'govuk-textarea--error')}
        id=${props.id}
        name=${props.name}
        rows=${props.rows ?? 5}
        spellcheck=${props.spellcheck ?? undefined}
        aria-describedby=${fieldIds(props.id, props.hint, props.error).describedBy}
        value=${props.value}
        onInput=${(event: Event) => props.onInput((event.currentTarget as HTMLTextAreaElement).value)}
      ></textarea>
    </${Field}>
  `;
}

export interface SelectOption {
  value: string;
  text: string;
}

export interface SelectGroup {
  label: string;
  options: SelectOption[];
}

/** GOV.UK select. Options, or groups of options (optgroup); `placeholder` adds a first, empty choice. */
export function Select(
  props: LabelledField & {
    name: string;
    value: string;
    placeholder?: string;
    options?: SelectOption[];
    groups?: SelectGroup[];
    onChange: (value: string) => void;
  },
): VNode {
  const option = (o: SelectOption) =>
    html`<option key=${o.value} value=${o.value} selected=${o.value === props.value}>${o.text}</option>`;
  return html`
    <${Field} ...${props}>
      <select
        class=${cx('govuk-select', props.error && 'govuk-select--error')}
        id=${props.id}
        name=${props.name}
        aria-describedby=${fieldIds(props.id, props.hint, props.error).describedBy}
        onChange=${(event: Event) => props.onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        ${props.placeholder !== undefined ? html`<option value="" selected=${props.value === ''}>${props.placeholder}</option>` : null}
        ${props.options?.map(option)}
        ${props.groups?.map((g) => html`<optgroup key=${g.label} label=${g.label}>${g.options.map(option)}</optgroup>`)}
      </select>
    </${Field}>
  `;
}

/** One checkbox on its own (GOV.UK checkboxes with a single item), for a yes/no choice. */
export function Checkbox(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}): VNode {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return html`
    <div class="govuk-form-group">
      <div class="govuk-checkboxes" data-module="govuk-checkboxes">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id=${props.id}
            name=${props.name}
            type="checkbox"
            value="yes"
            checked=${props.checked}
            aria-describedby=${hintId}
            onChange=${(event: Event) => props.onChange((event.currentTarget as HTMLInputElement).checked)}
          />
          <label class="govuk-label govuk-checkboxes__label" for=${props.id}>${props.label}</label>
          ${props.hint ? html`<div id=${hintId} class="govuk-hint govuk-checkboxes__hint">${props.hint}</div>` : null}
        </div>
      </div>
    </div>
  `;
}

/** GOV.UK checkboxes: several choices under one legend. */
export function CheckboxGroup(props: {
  idPrefix: string;
  name: string;
  legend: string;
  legendClasses?: string;
  hint?: string;
  items: { value: string; text: string }[];
  values: string[];
  onChange: (values: string[]) => void;
}): VNode {
  const hintId = props.hint ? `${props.idPrefix}-hint` : undefined;
  return html`
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset" aria-describedby=${hintId}>
        <legend class=${`govuk-fieldset__legend ${props.legendClasses ?? 'govuk-fieldset__legend--s'}`}>${props.legend}</legend>
        ${props.hint ? html`<div id=${hintId} class="govuk-hint">${props.hint}</div>` : null}
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          ${props.items.map((item, index) => {
            const id = index === 0 ? props.idPrefix : `${props.idPrefix}-${index + 1}`;
            const checked = props.values.includes(item.value);
            return html`
              <div class="govuk-checkboxes__item" key=${item.value}>
                <input
                  class="govuk-checkboxes__input"
                  id=${id}
                  name=${props.name}
                  type="checkbox"
                  value=${item.value}
                  checked=${checked}
                  onChange=${(event: Event) => {
                    const on = (event.currentTarget as HTMLInputElement).checked;
                    props.onChange(
                      on ? [...props.values, item.value] : props.values.filter((v) => v !== item.value),
                    );
                  }}
                />
                <label class="govuk-label govuk-checkboxes__label" for=${id}>${item.text}</label>
              </div>
            `;
          })}
        </div>
      </fieldset>
    </div>
  `;
}
