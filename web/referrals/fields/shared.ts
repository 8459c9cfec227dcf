/**
 * What the referral form's question pages share: the props each section's fields get, the way they
 * hand back what to save, and GOV.UK form pieces the shared ui.ts lacks (a textarea whose label is
 * the page's heading, radios with conditionally revealed questions). Each section's fields are a
 * module of their own, loaded only by their page.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { Framework } from '../../../shared/guidance/schema.ts';
import type { Referral, ReferralContent } from '../../../shared/referrals/schema.ts';
import { cx, type DateParts } from '../../platform/ui.ts';

export interface SectionProps {
  referral: Referral;
  framework: Framework | undefined;
  /** Each field's error, by its input's id. */
  errors: Record<string, string>;
}

/** A textarea whose label is the page's h1 (GOV.UK's one-question page). */
export function QuestionTextarea(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  error?: string | undefined;
  rows?: number;
  onInput: (value: string) => void;
}): VNode {
  const errorId = props.error ? `${props.id}-error` : null;
  return html`
    <div class=${cx('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <h1 class="govuk-label-wrapper">
        <label class="govuk-label govuk-label--l" for=${props.id}>${props.label}</label>
      </h1>
      <div id=${`${props.id}-hint`} class="govuk-hint">${props.hint}</div>
      ${
        errorId
          ? html`<p id=${errorId} class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${props.error}</p>`
          : null
      }
      <textarea
        class=${cx('govuk-textarea', props.error && 'govuk-textarea--error')}
        id=${props.id}
        name=${props.id}
        rows=${props.rows ?? 8}
        aria-describedby=${[`${props.id}-hint`, errorId].filter(Boolean).join(' ')}
        value=${props.value}
        onInput=${(e: Event) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)}
      ></textarea>
    </div>
  `;
}

export interface ConditionalItem {
  value: string;
  text: string;
  hint?: string;
  /** Shown beneath the item while it is chosen (GOV.UK's conditionally revealed question). */
  conditional?: VNode | null;
}

/** GOV.UK radios with conditionally revealed questions, revealed by the page rather than by GOV.UK's script. */
export function ConditionalRadios(props: {
  idPrefix: string;
  legend: string;
  legendIsPageHeading?: boolean;
  /** Said between the question and its hint, for example what the answer depends on. */
  intro?: VNode;
  hint?: string;
  items: ConditionalItem[];
  value: string | null;
  error?: string | undefined;
  onChange: (value: string) => void;
}): VNode {
  const hintId = props.hint ? `${props.idPrefix}-hint` : null;
  const errorId = props.error ? `${props.idPrefix}-error` : null;
  return html`
    <div class=${cx('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <fieldset class="govuk-fieldset" aria-describedby=${[hintId, errorId].filter(Boolean).join(' ') || undefined}>
        <legend class=${cx('govuk-fieldset__legend', props.legendIsPageHeading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--m')}>
          ${props.legendIsPageHeading ? html`<h1 class="govuk-fieldset__heading">${props.legend}</h1>` : props.legend}
        </legend>
        ${props.intro ?? null}
        ${hintId ? html`<div id=${hintId} class="govuk-hint">${props.hint}</div>` : null}
        ${
          errorId
            ? html`<p id=${errorId} class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${props.error}</p>`
            : null
        }
        <div class="govuk-radios">
          ${props.items.map((item, index) => {
            const id = index === 0 ? props.idPrefix : `${props.idPrefix}-${index + 1}`;
            const itemHint = item.hint ? `${id}-item-hint` : undefined;
            const checked = props.value === item.value;
            return html`
              <div class="govuk-radios__item" key=${item.value}>
                <input
                  class="govuk-radios__input"
                  id=${id}
                  name=${props.idPrefix}
                  type="radio"
                  value=${item.value}
                  checked=${checked}
                  aria-describedby=${itemHint}
                  onChange=${() => props.onChange(item.value)}
                />
                <label class="govuk-label govuk-radios__label" for=${id}>${item.text}</label>
                ${item.hint ? html`<div id=${itemHint} class="govuk-hint govuk-radios__hint">${item.hint}</div>` : null}
              </div>
              ${checked && item.conditional ? html`<div class="govuk-radios__conditional" key=${`${item.value}-conditional`}>${item.conditional}</div>` : null}
            `;
          })}
        </div>
      </fieldset>
    </div>
  `;
}

export const blankDate: DateParts = { day: '', month: '', year: '' };

export function dateParts(value: string | undefined): DateParts {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] ?? '' } : blankDate;
}

export const hasDate = (d: DateParts) => Boolean(d.day.trim() || d.month.trim() || d.year.trim());

export const todayIso = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** A trimmed value, or undefined when blank (so the API stores nothing). */
export const opt = (value: string): string | undefined => (value.trim() ? value.trim() : undefined);

export function normalisePostcode(value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

export type Problems = [id: string, message: string][];
export type Collected = { problems: Problems } | { patch: ReferralContent };

/** What a section's fields get; they call `bind` with the function that checks them and gives the patch. */
export type FieldsProps = SectionProps & { bind: (collect: () => Collected) => void };
