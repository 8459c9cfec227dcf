/**
 * The GOV.UK components the browser's pages use from shared/views/govuk-components.ts (where the server
 * renders them too), with GOV.UK Frontend's behaviours attached: those touch the DOM, so they stay here.
 * Also the few basics only the browser's pages use.
 */
import { Button as GovukButton, ErrorSummary as GovukErrorSummary } from 'govuk-frontend';
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import {
  type ErrorSummaryItem,
  type GovukBehaviours,
  ButtonLink as PlainButtonLink,
  ErrorSummary as PlainErrorSummary,
} from '../../shared/views/govuk-components.ts';

export {
  Button,
  cx,
  type ErrorSummaryItem,
  formatDate,
  PageHeading,
  setTitle,
  Tag,
  type TagColour,
} from '../../shared/views/govuk-components.ts';

/** GOV.UK Frontend's behaviours, for the shared views that take them. */
export const govukBehaviours: GovukBehaviours = {
  button: (element) => new GovukButton(element),
  errorSummary: (element) => new GovukErrorSummary(element),
};

/** GOV.UK error summary, which moves focus to itself. Key it by submission so each failed attempt does. */
export function ErrorSummary(props: { items: ErrorSummaryItem[]; title?: string }): VNode {
  return html`<${PlainErrorSummary} items=${props.items} title=${props.title} behaviour=${govukBehaviours.errorSummary} />`;
}

/** A link that looks like a button, which Space activates as well as Enter. */
export function ButtonLink(props: { href: string; text: string; variant?: 'secondary' | 'start' }): VNode {
  return html`<${PlainButtonLink}
    href=${props.href}
    text=${props.text}
    variant=${props.variant}
    behaviour=${govukBehaviours.button}
  />`;
}

/** A date-time formatter in UK time on the 12-hour clock, with the day, month and year. */
export function ukDateTimeFormat(extra: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
    timeZone: 'Europe/London',
    ...extra,
  });
}

/** An ISO date-time's parts by type (`day`, `hour`, `dayPeriod`…), or null when it is not a date. */
export function dateTimeParts(format: Intl.DateTimeFormat, value: string): ((type: string) => string) | null {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const parts = format.formatToParts(date);
  return (type) => parts.find((p) => p.type === type)?.value ?? '';
}

const dateTimeFormat = ukDateTimeFormat();

/** An ISO date-time → "1 April 2025 at 9:05am" in UK time. */
export function formatDateTime(value: string): string {
  const get = dateTimeParts(dateTimeFormat, value);
  if (!get) return value;
  return `${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')}${get('dayPeriod').toLowerCase()}`;
}

/** "1 action", "3 actions": the count and the word that goes with it. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Whole-number percentage for display: 83 → "83%"; a dash for none. */
export function percent(value: number | null): string {
  return value === null ? '–' : `${Math.round(value)}%`;
}

/** GOV.UK warning text: the "!" and, read out first, "Warning". */
export function WarningText(props: { id?: string; children: ComponentChildren }): VNode {
  return html`<div class="govuk-warning-text" id=${props.id}>
    <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
    <strong class="govuk-warning-text__text">
      <span class="govuk-visually-hidden">Warning</span>
      ${props.children}
    </strong>
  </div>`;
}

export function Loading(props: { text: string }): VNode {
  return html`<p class="govuk-body" role="status">${props.text}</p>`;
}
