/**
 * Services a record names (the team around the family, the front door's signposting), each with who
 * runs it and how to reach it as the record kept them, and a link to its entry in the directory.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { ServiceSnapshot } from '../../shared/services/schema.ts';

const serviceHref = (id: string) => `/services/service/?id=${encodeURIComponent(id)}`;

function Contact(props: { service: ServiceSnapshot }): VNode {
  const { phone, email, website } = props.service;
  return html`
    <ul class="govuk-list govuk-!-margin-bottom-0">
      ${phone ? html`<li>Phone: ${phone}</li>` : null}
      ${email ? html`<li>Email: <a class="govuk-link" href=${`mailto:${email}`}>${email}</a></li>` : null}
      ${website ? html`<li>Website: <a class="govuk-link" href=${website} rel="noreferrer noopener" target="_blank">${website} (opens in new tab)</a></li>` : null}
    </ul>
  `;
}

export function ServiceContacts(props: {
  services: readonly ServiceSnapshot[];
  headingLevel?: 3 | 4;
}): VNode {
  const Heading = `h${props.headingLevel ?? 3}`;
  return html`
    <ul class="govuk-list app-service-contacts">
      ${props.services.map(
        (s) => html`
          <li key=${s.id} class="govuk-summary-card">
            <div class="govuk-summary-card__title-wrapper">
              <${Heading} class="govuk-summary-card__title">
                <a class="govuk-link" href=${serviceHref(s.id)}>${s.name}</a>
              </${Heading}>
            </div>
            <div class="govuk-summary-card__content">
              <dl class="govuk-summary-list">
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">Provider</dt>
                  <dd class="govuk-summary-list__value">${s.provider}</dd>
                </div>
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">How to refer</dt>
                  <dd class="govuk-summary-list__value">${s.howToRefer}</dd>
                </div>
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">Contact</dt>
                  <dd class="govuk-summary-list__value"><${Contact} service=${s} /></dd>
                </div>
              </dl>
            </div>
          </li>
        `,
      )}
    </ul>
  `;
}
