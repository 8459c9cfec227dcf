/**
 * What the board's forms share (/board/new/ and the forms on /board/action/): a refused write as an
 * error summary and field messages, the checks made before sending, and GOV.UK checkboxes for the
 * contributing agencies.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { signInUrl } from '../platform/auth.ts';
import { describeRefusal as describe, type Refusal } from '../platform/refusal.ts';

/**
 * A refused write as an error summary and per-field messages, in the board's words for an ended
 * sign-in and for someone who is not a board member.
 */
export function describeRefusal(
  error: unknown,
  fieldId: (field: string) => string | null,
  fallbackId: string,
): Refusal {
  return describe(error, fieldId, fallbackId, {
    byStatus: {
      401: { href: signInUrl(), text: 'Your sign-in has ended. Sign in again: nothing was saved.' },
      403: { text: 'Only board members can change the action plan. Nothing was saved.' },
    },
  });
}

/** A web address the API accepts for evidence: http or https, absolute. */
export function checkEvidenceUrl(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' || url.protocol === 'http:') {
      return text.length > 500 ? 'The web address must be 500 characters or fewer' : null;
    }
  } catch {
    // Not a URL: the message below.
  }
  return 'Enter a web address starting https://, like https://example.org/report';
}

/** A length check with GOV.UK's wording: "Title must be 200 characters or fewer". */
export function tooLong(what: string, value: string, max: number): string | null {
  return value.trim().length > max
    ? `${what} must be ${max.toLocaleString('en-GB')} characters or fewer`
    : null;
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
