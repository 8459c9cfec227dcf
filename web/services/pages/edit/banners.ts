/**
 * The edit page's banners, for what has just happened: a save or a change of standing that worked,
 * or someone else's change that stopped it (with what they changed). Each takes focus, as it is the
 * answer to pressing the button.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { FocusedBanner } from '../../../platform/ui.ts';

export interface Flash {
  heading: string;
  text: string;
}

export function FlashBanner(props: Flash): VNode {
  return html`
    <${FocusedBanner} classes="govuk-notification-banner--success" titleId="success-title" title="Success" role="alert" module=${true}>
      <h3 class="govuk-notification-banner__heading">${props.heading}</h3>
      ${props.text ? html`<p class="govuk-body">${props.text}</p>` : null}
    </${FocusedBanner}>
  `;
}

export function ConflictBanner(props: { what: string; changes: string[] }): VNode {
  return html`
    <${FocusedBanner} titleId="conflict-title" title="Important" role="alert" module=${true}>
      <p class="govuk-notification-banner__heading">Someone else changed this service while you were editing</p>
      <p class="govuk-body">${props.what} ${props.what.endsWith('s') ? 'were' : 'was'} not saved. Since you opened it:</p>
      <ul class="govuk-list govuk-list--bullet">
        ${props.changes.map((c) => html`<li key=${c}>${c}</li>`)}
      </ul>
      <p class="govuk-body">
        What you entered is still in the form. Check it against the entry as it is now, then save or press the button again.
      </p>
    </${FocusedBanner}>
  `;
}
