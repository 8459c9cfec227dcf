/**
 * The GOV.UK Frontend components that render the same in the browser and on the server (the guidance
 * function renders the public guidance and the checker for people without JavaScript). GOV.UK
 * Frontend's behaviours touch the DOM, so only the browser has them: a component that needs one takes
 * it as a prop and runs it in an effect, which the server never runs.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { SERVICE_NAME } from './layout.ts';

/** A GOV.UK Frontend behaviour, attached to a component's element once it is on the page. */
export type GovukBehaviour = (element: HTMLElement) => void;

export interface GovukBehaviours {
  button?: GovukBehaviour;
  errorSummary?: GovukBehaviour;
}

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

/** "2025-04-01" or an ISO date-time → "1 April 2025". */
export function formatDate(value: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
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

export interface ErrorSummaryItem {
  href: string;
  text: string;
}

/** GOV.UK error summary. Key it by submission so each failed attempt moves focus to it again. */
export function ErrorSummary(props: {
  items: ErrorSummaryItem[];
  title?: string;
  behaviour?: GovukBehaviour | undefined;
}): VNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) props.behaviour?.(ref.current);
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

/**
 * A link that looks like a button (GOV.UK's button component); with GOV.UK's button behaviour, Space
 * activates it as well as Enter.
 */
export function ButtonLink(props: {
  href: string;
  text: string;
  variant?: 'secondary' | 'start';
  behaviour?: GovukBehaviour | undefined;
}): VNode {
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (ref.current) props.behaviour?.(ref.current);
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
