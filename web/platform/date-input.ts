/**
 * GOV.UK Frontend's date input (day, month, year) and the checking of what was typed in it, with the
 * GOV.UK pattern's error messages.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { describedBy, ErrorMessage } from './form-inputs.ts';
import { cx } from './ui-basics.ts';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** A date input with nothing typed in it. */
export const blankDate: DateParts = { day: '', month: '', year: '' };

/** A YYYY-MM-DD date as a date input's parts ("2026-03-07" → 7, 3, 2026); blank for none. */
export function dateParts(value: string | undefined): DateParts {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] ?? '' } : blankDate;
}

/** Whether anything is typed in any of a date input's boxes. */
export const hasDate = (d: DateParts) => Boolean(d.day.trim() || d.month.trim() || d.year.trim());

/** GOV.UK date input: day, month and year; `errorPart` marks which box(es) the error is about. */
export function DateInput(props: {
  id: string;
  name: string;
  legend: string;
  legendClasses?: string;
  hint?: string;
  value: DateParts;
  error?: string | undefined;
  errorParts?: (keyof DateParts)[];
  onChange: (value: DateParts) => void;
}): VNode {
  const hintId = props.hint ? `${props.id}-hint` : null;
  const errorId = props.error ? `${props.id}-error` : null;
  const parts: { key: keyof DateParts; label: string; width: number }[] = [
    { key: 'day', label: 'Day', width: 2 },
    { key: 'month', label: 'Month', width: 2 },
    { key: 'year', label: 'Year', width: 4 },
  ];
  const marked = props.error ? (props.errorParts ?? ['day', 'month', 'year']) : [];
  return html`
    <div class=${cx('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby=${describedBy(hintId, errorId)}>
        <legend class=${cx('govuk-fieldset__legend', props.legendClasses)}>${props.legend}</legend>
        ${props.hint ? html`<div id=${hintId} class="govuk-hint">${props.hint}</div>` : null}
        ${props.error && errorId ? html`<${ErrorMessage} id=${errorId} text=${props.error} />` : null}
        <div class="govuk-date-input" id=${props.id}>
          ${parts.map(
            (part) => html`
              <div class="govuk-date-input__item" key=${part.key}>
                <div class="govuk-form-group">
                  <label class="govuk-label govuk-date-input__label" for=${`${props.id}-${part.key}`}>${part.label}</label>
                  <input
                    class=${cx(
                      'govuk-input govuk-date-input__input',
                      `govuk-input--width-${part.width}`,
                      marked.includes(part.key) && 'govuk-input--error',
                    )}
                    id=${`${props.id}-${part.key}`}
                    name=${`${props.name}-${part.key}`}
                    type="text"
                    inputmode="numeric"
                    value=${props.value[part.key]}
                    onInput=${(event: Event) =>
                      props.onChange({
                        ...props.value,
                        [part.key]: (event.currentTarget as HTMLInputElement).value,
                      })}
                  />
                </div>
              </div>
            `,
          )}
        </div>
      </fieldset>
    </div>
  `;
}

/**
 * Checks a GOV.UK date input's parts and gives YYYY-MM-DD, or the GOV.UK-style error and the parts
 * it is about. `what` names the date in messages, e.g. "The date it takes effect".
 */
export function parseDateParts(
  value: DateParts,
  what: string,
): { date: string } | { error: string; parts: (keyof DateParts)[] } {
  const day = value.day.trim();
  const month = value.month.trim();
  const year = value.year.trim();
  if (!day && !month && !year)
    return {
      error: `Enter ${what.charAt(0).toLowerCase()}${what.slice(1)}`,
      parts: ['day', 'month', 'year'],
    };
  const missing = (['day', 'month', 'year'] as const).filter((k) => !{ day, month, year }[k]);
  if (missing.length > 0)
    return { error: `${what} must include a ${missing.join(' and ')}`, parts: [...missing] };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d+$/.test(year)) {
    return { error: `${what} must be a real date`, parts: ['day', 'month', 'year'] };
  }
  if (year.length !== 4) return { error: 'Year must include 4 numbers', parts: ['year'] };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) {
    return { error: `${what} must be a real date`, parts: ['day', 'month', 'year'] };
  }
  return { date: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
