/**
 * /services/service/?id=: one published service, every fact of it in a GOV.UK summary list, with how
 * to refer first after what it offers, as that is what a practitioner opens it for. Rendered by the
 * services function on the server; the editor's pages show a service's facts with the same rows.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import type { ServiceView } from '../../services/schema.ts';
import { PageHeading } from '../govuk-components.ts';
import {
  accessText,
  agesText,
  areaText,
  costText,
  districtName,
  Items,
  LastChecked,
  levelsText,
  type NeedOption,
  needNames,
} from './facts.ts';

/** Paragraphs as typed: a blank line between them. */
function Paragraphs(props: { text: string }): VNode {
  return html`${props.text
    .trim()
    .split(/\n{2,}/)
    .map((p, i) => html`<p class="govuk-body app-written" key=${i}>${p}</p>`)}`;
}

/** Phone, email and website as links a phone or browser acts on. */
function Contact(props: { contact: ServiceView['fields']['contact'] }): VNode {
  const { phone, email, website } = props.contact;
  return html`
    <ul class="govuk-list">
      ${phone ? html`<li>Phone: <a class="govuk-link" href=${`tel:${phone.replace(/[^+0-9]/g, '')}`}>${phone}</a></li>` : null}
      ${email ? html`<li>Email: <a class="govuk-link" href=${`mailto:${email}`}>${email}</a></li>` : null}
      ${website ? html`<li>Website: <a class="govuk-link" href=${website} rel="noreferrer noopener">${website}</a></li>` : null}
    </ul>
  `;
}

export interface FactRow {
  key: string;
  value: ComponentChildren;
}

/** The service's facts, in the order a practitioner reads them. */
export function serviceRows(service: ServiceView, needs: readonly NeedOption[]): FactRow[] {
  const f = service.fields;
  return [
    { key: 'What it offers', value: html`<${Paragraphs} text=${f.summary} />` },
    { key: 'How to refer', value: html`<${Paragraphs} text=${f.contact.howToRefer} />` },
    { key: 'Contact', value: html`<${Contact} contact=${f.contact} />` },
    { key: 'How families get in', value: html`<${Items} items=${accessText(f.access)} />` },
    { key: 'Needs it meets', value: html`<${Items} items=${needNames(f.needs, needs)} />` },
    { key: 'Levels of need', value: levelsText(f.levels) },
    { key: 'Ages', value: agesText(f.ages) },
    { key: 'Area it covers', value: areaText(f.area) },
    { key: 'Delivered from', value: districtName(f.baseDistrict) },
    { key: 'Cost', value: costText(f.cost) },
    { key: 'Opening times', value: f.openingTimes },
    { key: 'Languages', value: f.languages.join(', ') },
    {
      key: 'Accessibility',
      value: f.accessibility ? html`<${Paragraphs} text=${f.accessibility} />` : 'Not given: ask the service',
    },
    { key: 'Provider', value: f.provider.name },
    { key: 'Last checked', value: html`<${LastChecked} service=${service} />` },
  ];
}

export function ServiceFacts(props: { service: ServiceView; needs: readonly NeedOption[] }): VNode {
  return html`
    <dl class="govuk-summary-list app-services-facts">
      ${serviceRows(props.service, props.needs).map(
        (row) => html`
          <div class="govuk-summary-list__row" key=${row.key}>
            <dt class="govuk-summary-list__key">${row.key}</dt>
            <dd class="govuk-summary-list__value">${row.value}</dd>
          </div>
        `,
      )}
    </dl>
  `;
}

/** "Illustrative: this service is not real", for the demo data. */
export function IllustrativeInset(): VNode {
  return html`<div class="govuk-inset-text app-services-illustrative">
    <strong>Illustrative: this service is not real.</strong> It is demonstration data, written to show the directory
    working. Do not refer a family to it.
  </div>`;
}

export function ServicePage(props: { service: ServiceView; needs: readonly NeedOption[] }): VNode {
  const { service } = props;
  return html`
    <a class="govuk-back-link" href="/services/">Back to find a service</a>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <${PageHeading} text=${service.fields.name} caption=${service.fields.provider.name} size="l" />
        ${service.illustrative ? html`<${IllustrativeInset} />` : null}
        <${ServiceFacts} service=${service} needs=${props.needs} />
        <p class="govuk-body">
          If a child is in immediate danger, call 999. If you think a child is at risk of significant harm, contact the
          Children’s Front Door straight away.
        </p>
      </div>
    </div>
  `;
}

/** The portal's not-found page, for an id that is no published service. */
export function ServiceNotFound(): VNode {
  return html`
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Page not found</h1>
        <p class="govuk-body">If you typed the web address, check it is correct.</p>
        <p class="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p class="govuk-body">The service may also have closed, or be no longer listed.</p>
        <p class="govuk-body">You can <a class="govuk-link" href="/services/">find a service</a> or go to the <a class="govuk-link" href="/">home page</a>.</p>
      </div>
    </div>
  `;
}

/** Any page when the directory cannot be read: what to do meanwhile, not the API's problem+json. */
export function ServicesUnavailable(): VNode {
  return html`
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>
        <p class="govuk-body">Try again in a few minutes.</p>
        <p class="govuk-body">
          Until then, ask your designated safeguarding lead, or contact the Children's Front Door for advice. If a child
          is in immediate danger, call 999.
        </p>
      </div>
    </div>
  `;
}
