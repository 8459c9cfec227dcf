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
import { useEffect, useRef } from 'preact/hooks';
import { ApiError } from './api.ts';
import { signInUrl } from './auth.ts';

export const SERVICE_NAME = 'Northshire Safeguarding Partnership portal';

/** Sets the document title the GOV.UK way, with "Error: " first while a form has errors. */
export function setTitle(title: string, hasErrors = false): void {
  document.title = `${hasErrors ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
}

export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/** "2025-04-01" or an ISO date-time → "1 April 2025". */
export function formatDate(value: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** An ISO date-time → "1 April 2025 at 9:05am" in UK time. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = dateTimeFormat.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')}${get('dayPeriod').toLowerCase()}`;
}

/** A heading that takes focus when it appears, so a change of view is announced. */
export function PageHeading(props: {
  text: string;
  caption?: string;
  size?: 'xl' | 'l';
  focus?: boolean;
}): VNode {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.focus) ref.current?.focus();
  }, [props.focus, props.text]);
  return html`
    ${props.caption ? html`<span class="govuk-caption-${props.size === 'l' ? 'l' : 'xl'}">${props.caption}</span>` : null}
    <h1 class="govuk-heading-${props.size ?? 'xl'}" tabindex=${props.focus ? -1 : undefined} ref=${ref}>${props.text}</h1>
  `;
}

export function Loading(props: { text: string }): VNode {
  return html`<p class="govuk-body" role="status">${props.text}</p>`;
}

export interface ErrorSummaryItem {
  href: string;
  text: string;
}

/** GOV.UK error summary. Key it by submission so each failed attempt moves focus to it again. */
export function ErrorSummary(props: { items: ErrorSummaryItem[]; title?: string }): VNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) new GovukErrorSummary(ref.current);
  }, []);
  return html`
    <div class="govuk-error-summary" data-module="govuk-error-summary" ref=${ref}>
      <div role="alert">
        <h2 class="govuk-error-summary__title">${props.title ?? 'There is a problem'}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            ${props.items.map((item) => html`<li key=${item.href + item.text}><a href=${item.href}>${item.text}</a></li>`)}
          </ul>
        </div>
      </div>
    </div>
  `;
}

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

export type TagColour =
  | 'grey'
  | 'green'
  | 'turquoise'
  | 'blue'
  | 'light-blue'
  | 'purple'
  | 'pink'
  | 'red'
  | 'orange'
  | 'yellow';

export function Tag(props: { text: string; colour?: TagColour; classes?: string }): VNode {
  return html`<strong class=${cx('govuk-tag', props.colour && `govuk-tag--${props.colour}`, props.classes)}>${props.text}</strong>`;
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
        type="text"
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

export function Button(props: {
  text: string;
  type?: 'submit' | 'button';
  variant?: 'secondary' | 'warning' | 'start';
  disabled?: boolean;
  classes?: string;
  onClick?: () => void;
}): VNode {
  return html`
    <button
      type=${props.type ?? 'submit'}
      class=${cx('govuk-button', props.variant && `govuk-button--${props.variant}`, props.classes)}
      data-module="govuk-button"
      disabled=${props.disabled ?? false}
      aria-disabled=${props.disabled ? 'true' : undefined}
      onClick=${props.onClick}
    >
      ${props.text}
      ${
        props.variant === 'start'
          ? html`<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" /></svg>`
          : null
      }
    </button>
  `;
}

/** A link that looks like a button (GOV.UK's button component), which Space activates as well as Enter. */
export function ButtonLink(props: { href: string; text: string; variant?: 'secondary' | 'start' }): VNode {
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (ref.current) new GovukButton(ref.current);
  }, []);
  return html`
    <a
      href=${props.href}
      role="button"
      draggable="false"
      class=${cx('govuk-button', props.variant && `govuk-button--${props.variant}`)}
      data-module="govuk-button"
      ref=${ref}
    >
      ${props.text}
    </a>
  `;
}

/** What a person sees when a request failed: what happened and what they can do. */
export function ProblemState(props: { error: unknown; what: string; onRetry?: () => void }): VNode {
  const error = props.error instanceof ApiError ? props.error : null;
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
export function mount(view: VNode): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('The page has no #app element');
  root.textContent = '';
  render(view, root);
}
