/**
 * GOV.UK Frontend's form inputs as Preact views: text input, radios, textarea, select and a single
 * checkbox, each with its label, hint and error message wired to the input. Markup follows GOV.UK
 * Frontend 6's templates.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { cx } from './ui-basics.ts';

/** The error message under a field's label, read out before the field. */
export function ErrorMessage(props: { id: string; text: string }): VNode {
  return html`<p id=${props.id} class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${props.text}</p>`;
}

/** The ids a field is described by (its hint, its error), or nothing. */
export function describedBy(...ids: (string | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

export function TextInput(props: {
  id: string;
  name: string;
  label: string;
  labelClasses?: string;
  hint?: string;
  value: string;
  error?: string | undefined;
  autocomplete?: string;
  inputClasses?: string;
  spellcheck?: boolean;
  /** `email` brings the right keyboard on a phone (GOV.UK's email address pattern). */
  type?: 'text' | 'email';
  onInput: (value: string) => void;
}): VNode {
  const hintId = props.hint ? `${props.id}-hint` : null;
  const errorId = props.error ? `${props.id}-error` : null;
  return html`
    <div class=${cx('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <label class=${cx('govuk-label', props.labelClasses)} for=${props.id}>${props.label}</label>
      ${props.hint ? html`<div id=${hintId} class="govuk-hint">${props.hint}</div>` : null}
      ${props.error && errorId ? html`<${ErrorMessage} id=${errorId} text=${props.error} />` : null}
      <input
        class=${cx('govuk-input', props.inputClasses, props.error && 'govuk-input--error')}
        id=${props.id}
        name=${props.name}
        type=${props.type ?? 'text'}
        value=${props.value}
        spellcheck=${props.spellcheck ?? undefined}
        autocomplete=${props.autocomplete ?? undefined}
        aria-describedby=${describedBy(hintId, errorId)}
        onInput=${(event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
      />
    </div>
  `;
}

export interface RadioItem {
  value: string;
  text: string;
  hint?: string;
}

export function Radios(props: {
  idPrefix: string;
  name: string;
  legend: string;
  /** Make the legend the page's h1. */
  legendIsPageHeading?: boolean;
  legendClasses?: string;
  hint?: string;
  items: RadioItem[];
  value: string | null;
  error?: string | undefined;
  onChange: (value: string) => void;
}): VNode {
  const hintId = props.hint ? `${props.idPrefix}-hint` : null;
  const errorId = props.error ? `${props.idPrefix}-error` : null;
  return html`
    <div class=${cx('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <fieldset class="govuk-fieldset" aria-describedby=${describedBy(hintId, errorId)}>
        <legend class=${cx('govuk-fieldset__legend', props.legendClasses)}>
          ${props.legendIsPageHeading ? html`<h1 class="govuk-fieldset__heading">${props.legend}</h1>` : props.legend}
        </legend>
        ${props.hint ? html`<div id=${hintId} class="govuk-hint">${props.hint}</div>` : null}
        ${props.error && errorId ? html`<${ErrorMessage} id=${errorId} text=${props.error} />` : null}
        <div class="govuk-radios" data-module="govuk-radios">
          ${props.items.map((item, index) => {
            const id = index === 0 ? props.idPrefix : `${props.idPrefix}-${index + 1}`;
            const itemHintId = item.hint ? `${id}-item-hint` : undefined;
            return html`
              <div class="govuk-radios__item" key=${item.value}>
                <input
                  class="govuk-radios__input"
                  id=${id}
                  name=${props.name}
                  type="radio"
                  value=${item.value}
                  checked=${props.value === item.value}
                  aria-describedby=${itemHintId}
                  onChange=${() => props.onChange(item.value)}
                />
                <label class="govuk-label govuk-radios__label" for=${id}>${item.text}</label>
                ${item.hint ? html`<div id=${itemHintId} class="govuk-hint govuk-radios__hint">${item.hint}</div>` : null}
              </div>
            `;
          })}
        </div>
      </fieldset>
    </div>
  `;
}

export function Textarea(props: {
  id: string;
  name: string;
  label: string;
  labelClasses?: string;
  hint?: string;
  value: string;
  error?: string | undefined;
  rows?: number;
  spellcheck?: boolean;
  onInput: (value: string) => void;
}): VNode {
  const hintId = props.hint ? `${props.id}-hint` : null;
  const errorId = props.error ? `${props.id}-error` : null;
  return html`
    <div class=${cx('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <label class=${cx('govuk-label', props.labelClasses)} for=${props.id}>${props.label}</label>
      ${props.hint ? html`<div id=${hintId} class="govuk-hint">${props.hint}</div>` : null}
      ${props.error && errorId ? html`<${ErrorMessage} id=${errorId} text=${props.error} />` : null}
      <textarea
        class=${cx('govuk-textarea', props.error && 'govuk-textarea--error')}
        id=${props.id}
        name=${props.name}
        rows=${props.rows ?? 5}
        spellcheck=${props.spellcheck ?? undefined}
        aria-describedby=${describedBy(hintId, errorId)}
        value=${props.value}
        onInput=${(event: Event) => props.onInput((event.currentTarget as HTMLTextAreaElement).value)}
      ></textarea>
    </div>
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
export function Select(props: {
  id: string;
  name: string;
  label: string;
  labelClasses?: string;
  hint?: string;
  value: string;
  placeholder?: string;
  options?: SelectOption[];
  groups?: SelectGroup[];
  error?: string | undefined;
  onChange: (value: string) => void;
}): VNode {
  const hintId = props.hint ? `${props.id}-hint` : null;
  const errorId = props.error ? `${props.id}-error` : null;
  const option = (o: SelectOption) =>
    html`<option key=${o.value} value=${o.value} selected=${o.value === props.value}>${o.text}</option>`;
  return html`
    <div class=${cx('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <label class=${cx('govuk-label', props.labelClasses)} for=${props.id}>${props.label}</label>
      ${props.hint ? html`<div id=${hintId} class="govuk-hint">${props.hint}</div>` : null}
      ${props.error && errorId ? html`<${ErrorMessage} id=${errorId} text=${props.error} />` : null}
      <select
        class=${cx('govuk-select', props.error && 'govuk-select--error')}
        id=${props.id}
        name=${props.name}
        aria-describedby=${describedBy(hintId, errorId)}
        onChange=${(event: Event) => props.onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        ${props.placeholder !== undefined ? html`<option value="" selected=${props.value === ''}>${props.placeholder}</option>` : null}
        ${props.options?.map(option)}
        ${props.groups?.map((g) => html`<optgroup key=${g.label} label=${g.label}>${g.options.map(option)}</optgroup>`)}
      </select>
    </div>
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
