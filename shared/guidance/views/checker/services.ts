/**
 * The checker's answer at levels 1 and 2: local services that meet the chosen indicators' needs and
 * serve that level, with a GET form (no JavaScript needed) to put the nearest to a postcode district
 * first. The chosen indicators ride along in the form, so the answer stays the same answer.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { DISTRICT_IDS } from '../../../services/districts.ts';
import { districtName, Items, serviceUrl } from '../../../views/services/facts.ts';
import type { CheckerService, CheckerServices } from '../../checker-services.ts';

const DIRECTORY = '/services/';

function DistrictForm(props: { ids: string[]; district: string | null }): VNode {
  return html`
    <form action="/check/answer/" method="get" novalidate aria-label="Nearest services first">
      <input type="hidden" name="indicators" value=${props.ids.join(',')} />
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="district">Postcode district (optional)</label>
        <div id="district-hint" class="govuk-hint">Where the family lives, to show the nearest services first</div>
        <select class="govuk-select" id="district" name="district" aria-describedby="district-hint">
          <option value="" selected=${props.district === null}>Anywhere in the county</option>
          ${DISTRICT_IDS.map(
            (d) =>
              html`<option key=${d} value=${d} selected=${d === props.district}>${districtName(d)}</option>`,
          )}
        </select>
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
        Show services near the family
      </button>
    </form>
  `;
}

function distanceText(distance: NonNullable<CheckerService['distance']>): string {
  return distance.km === 0
    ? `In the family’s district (${distance.from})`
    : `About ${distance.km} km away (${distance.from})`;
}

function Fact(props: { name: string; children: unknown }): VNode {
  return html`
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">${props.name}</dt>
      <dd class="govuk-summary-list__value">${props.children}</dd>
    </div>
  `;
}

function ServiceItem(props: { service: CheckerService }): VNode {
  const { service } = props;
  return html`
    <li class="govuk-!-margin-bottom-6">
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
        <a class="govuk-link" href=${serviceUrl(service.id)}>${service.name}</a>
      </h3>
      <p class="govuk-body-s govuk-!-margin-bottom-1">
        ${service.provider}${service.illustrative ? html` <strong class="govuk-tag govuk-tag--grey app-tag--inline">Illustrative</strong>` : null}
      </p>
      <p class="govuk-body govuk-!-margin-bottom-2">${service.summary}</p>
      <dl class="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-0">
        <${Fact} name="How to get in"><${Items} items=${service.access} /></${Fact}>
        ${service.reasons.length > 0 ? html`<${Fact} name="Why it matches"><${Items} items=${service.reasons} /></${Fact}>` : null}
        ${service.distance ? html`<${Fact} name="Distance">${distanceText(service.distance)}</${Fact}>` : null}
      </dl>
    </li>
  `;
}

function Listed(props: { services: Extract<CheckerServices, { state: 'listed' }>; level: number }): VNode {
  const { items, district, findMoreHref } = props.services;
  if (items.length === 0) {
    return html`
      <p class="govuk-body" id="services-none">
        No service in the directory meets these needs at level ${props.level}${district ? ` and covers ${districtName(district)}` : ''}.
        <a class="govuk-link" href=${DIRECTORY}>Search the services directory</a> for others, or ring the number
        above for advice on what is available.
      </p>
    `;
  }
  return html`
    <p class="govuk-body">
      ${items.length === 1 ? 'A service' : 'Services'} in the directory that ${items.length === 1 ? 'meets' : 'meet'} these needs at
      level ${props.level}${district ? `, nearest ${districtName(district)} first` : ''}:
    </p>
    <ol class="govuk-list" id="services-list">
      ${items.map((s) => html`<${ServiceItem} key=${s.id} service=${s} />`)}
    </ol>
    <p class="govuk-body"><a class="govuk-link" href=${findMoreHref}>Find more services</a></p>
  `;
}

/** The answer's services section; nothing at all for an answer that names none. */
export function AnswerServices(props: {
  services: CheckerServices | null;
  level: number;
  ids: string[];
}): VNode | null {
  const { services } = props;
  if (!services) return null;
  return html`
    <h2 class="govuk-heading-m" id="services-heading">Local services that can help</h2>
    <p class="govuk-body">Talk to the family about what would help, and ask their consent before you refer them.</p>
    <${DistrictForm} ids=${props.ids} district=${services.district} />
    ${
      services.state === 'listed'
        ? html`<${Listed} services=${services} level=${props.level} />`
        : html`<p class="govuk-body" id="services-unavailable">
            Services could not be listed just now. Try again in a few minutes, or
            <a class="govuk-link" href=${DIRECTORY}>search the services directory</a>.
          </p>`
    }
  `;
}
