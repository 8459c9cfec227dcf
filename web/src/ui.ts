/**
 * GOV.UK Frontend components as Preact views (htm templates escape every value: never build
 * HTML strings from data). Markup follows GOV.UK Frontend 6's templates.
 */
import {
  Button as GovukButton,
  ErrorSummary as GovukErrorSummary,
  NotificationBanner as GovukNotificationBanner,
} from 'govuk-frontend';
import { html } from 'htm/preact';
import { type ComponentChildren, render, type VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AccessWithdrawnMessage } from './access-withdrawn.ts';
import { ApiError, isAccessWithdrawn } from './api.ts';
import { signInUrl } from './auth.ts';
import { Button, cx, registerGovukBehaviours } from './ui-basics.ts';

export * from './ui-basics.ts';

registerGovukBehaviours({
  button: (element) => new GovukButton(element),
  errorSummary: (element) => new GovukErrorSummary(element),
});

export function NotificationBanner(props: {
  type?: 'success' | 'important';
  heading: string;
  children?: ComponentChildren;
}): VNode {
  const ref = useRef<HTMLDivElement>(null);
  const success = props.type === 'success';
  useEffect(() => {
    if (ref.current) new GovukNotificationBanner(ref.current);
  }, []);
  return html`
    <div
      class=${cx('govuk-notification-banner', success && 'govuk-notification-banner--success')}
      role=${success ? 'alert' : 'region'}
      aria-labelledby="govuk-notification-banner-title"
      data-module="govuk-notification-banner"
      ref=${ref}
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">
          ${success ? 'Success' : 'Important'}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">${props.heading}</p>
        ${props.children}
      </div>
    </div>
  `;
}

function ErrorMessage(props: { id: string; text: string }): VNode {
  return html`<p id=${props.id} class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${props.text}</p>`;
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
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
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
        aria-describedby=${describedBy}
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
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return html`
    <div class=${cx('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <fieldset class="govuk-fieldset" aria-describedby=${describedBy}>
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

/** What a person sees when a request failed: what happened and what they can do. */
export function ProblemState(props: { error: unknown; what: string; onRetry?: () => void }): VNode {
  const error = props.error instanceof ApiError ? props.error : null;
  if (error && isAccessWithdrawn(error)) return html`<${AccessWithdrawnMessage} error=${error} />`;
  if (error?.status === 401) {
    return html`
      <p class="govuk-body">Your sign-in has ended, so ${props.what} could not be shown.</p>
      <p class="govuk-body"><a class="govuk-link" href=${signInUrl()}>Sign in again</a></p>
    `;
  }
  if (error?.status === 403) {
    return html`<p class="govuk-body">You do not have permission to see ${props.what}. If you think you should, ask your portal administrator.</p>`;
  }
  const unreachable = error?.status === 0;
  return html`
    <p class="govuk-body">
      ${unreachable ? 'The portal could not be reached' : 'Sorry, there is a problem with the service'}, so ${props.what} could not be shown.
    </p>
    <p class="govuk-body">${unreachable ? 'Check your internet connection and try again.' : 'Try again in a few minutes.'}</p>
    ${props.onRetry ? html`<${Button} text="Try again" type="button" variant="secondary" onClick=${props.onRetry} />` : null}
  `;
}

/** Mounts a page's view into #app, replacing the static loading state. */
/** Each `AfterPaint` waits for the one before it and then for a frame to be drawn. */
let turns: Promise<void> = Promise.resolve();
function nextTurn(): Promise<void> {
  const turn = turns.then(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );
  turns = turn;
  return turn;
}

/**
 * Draws its children one frame after the blocks before it, so a long page (the dashboard's dozen
 * charts and tables) shows its first screen at once and never holds the main thread for long: a
 * tablet stays responsive to a tap while the rest appears below.
 */
export function AfterPaint(props: { children: ComponentChildren }): VNode | null {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    nextTurn().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready ? html`${props.children}` : null;
}

export function mount(view: VNode): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('The page has no #app element');
  root.textContent = '';
  render(view, root);
}

function describedBy(...ids: (string | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
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

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

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
