/**
 * /services/: find a local service that can help a family, rendered by the services function on the
 * server so it works without JavaScript. A GET form of filters (what the family needs, the level, the
 * child's age, the postcode district, free only, how to get in) beside the results, each saying why it
 * matches, how far away it is, what it costs, how to get in and when it was last checked. "Next page"
 * is a plain link carrying the search and the cursor, so Back, refresh and sharing all work.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { DISTRICT_IDS } from '../../services/districts.ts';
import { ACCESS_LABELS, ACCESS_ROUTES, MAX_AGE, SERVICE_LEVELS } from '../../services/labels.ts';
import type { ServiceMatch } from '../../services/schema.ts';
import { cx, ErrorSummary, PageHeading } from '../govuk-components.ts';
import {
  accessText,
  agesText,
  costText,
  districtName,
  Items,
  LastChecked,
  type NeedOption,
  serviceUrl,
} from './facts.ts';

export const FIND_TITLE = 'Find a service';

/** The filters as they were sent, kept as typed so a wrong one is shown back with its message. */
export interface FindValues {
  need: string[];
  level: string;
  age: string;
  district: string;
  free: boolean;
  access: string;
  q: string;
}

export const NO_FILTERS: FindValues = {
  need: [],
  level: '',
  age: '',
  district: '',
  free: false,
  access: '',
  q: '',
};

/** The filters in the order the form asks them, which the error summary follows. */
export const FIND_FIELDS = ['district', 'need', 'level', 'age', 'free', 'access', 'q', 'cursor'] as const;
export type FindField = (typeof FIND_FIELDS)[number];

export interface FindPageProps {
  needs: NeedOption[];
  values: FindValues;
  /** What is wrong with each filter: no search is made until they are put right. */
  errors: Partial<Record<FindField, string>>;
  /** This page of results, and the address of the next; null when the filters have errors. */
  results: { items: ServiceMatch[]; nextHref: string | null } | null;
}

/** Where each filter's error summary link goes: its input, or the first of its checkboxes. */
const FIELD_ANCHOR: Record<FindField, string> = {
  district: 'district',
  need: 'need',
  level: 'level',
  age: 'age',
  free: 'free',
  access: 'access',
  q: 'q',
  cursor: 'results',
};

export function findTitle(props: Pick<FindPageProps, 'errors'>): string {
  return `${Object.keys(props.errors).length > 0 ? 'Error: ' : ''}${FIND_TITLE}`;
}

function ErrorText(props: { id: string; text: string | undefined }): VNode | null {
  if (!props.text) return null;
  return html`<p id=${`${props.id}-error`} class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${props.text}</p>`;
}

const group = (error: string | undefined) => cx('govuk-form-group', error && 'govuk-form-group--error');
const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

function SelectField(props: {
  id: string;
  label: string;
  hint?: string;
  any: string;
  value: string;
  options: { value: string; text: string }[];
  error: string | undefined;
}): VNode {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return html`
    <div class=${group(props.error)}>
      <label class="govuk-label govuk-label--s" for=${props.id}>${props.label}</label>
      ${props.hint ? html`<div id=${hintId} class="govuk-hint">${props.hint}</div>` : null}
      <${ErrorText} id=${props.id} text=${props.error} />
      <select
        class=${cx('govuk-select app-services-filter__select', props.error && 'govuk-select--error')}
        id=${props.id}
        name=${props.id}
        aria-describedby=${describedBy(hintId, props.error && `${props.id}-error`)}
      >
        <option value="" selected=${props.value === ''}>${props.any}</option>
        ${props.options.map((o) => html`<option key=${o.value} value=${o.value} selected=${o.value === props.value}>${o.text}</option>`)}
      </select>
    </div>
  `;
}

/** The needs as checkboxes, one fieldset for each of the guidance's domains. */
function NeedFilter(props: { needs: NeedOption[]; chosen: string[]; error: string | undefined }): VNode {
  const domains = [...new Set(props.needs.map((n) => n.domain))];
  let index = 0;
  return html`
    <div class=${group(props.error)}>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-2">What the family needs help with</h3>
      <div id="need-hint" class="govuk-hint">Choose any that apply</div>
      <${ErrorText} id="need" text=${props.error} />
      ${domains.map(
        (domain) => html`
          <fieldset class="govuk-fieldset govuk-!-margin-bottom-3" key=${domain} aria-describedby=${describedBy('need-hint', props.error && 'need-error')}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${domain}</legend>
            <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              ${props.needs
                .filter((n) => n.domain === domain)
                .map((need) => {
                  index += 1;
                  const id = index === 1 ? 'need' : `need-${index}`;
                  return html`
                    <div class="govuk-checkboxes__item" key=${need.id}>
                      <input class="govuk-checkboxes__input" id=${id} name="need" type="checkbox" value=${need.id}
                        checked=${props.chosen.includes(need.id)} />
                      <label class="govuk-label govuk-checkboxes__label" for=${id}>${need.label}</label>
                    </div>
                  `;
                })}
            </div>
          </fieldset>
        `,
      )}
    </div>
  `;
}

function Filters(props: FindPageProps): VNode {
  const { values, errors } = props;
  return html`
    <form action="/services/" method="get" novalidate class="app-services-filter" aria-label="Filter services">
      <h2 class="govuk-heading-m">Filter services</h2>
      <${SelectField} id="district" label="Postcode district" hint="Nearest services first"
        any="Anywhere in the county" value=${values.district} error=${errors.district}
        options=${DISTRICT_IDS.map((d) => ({ value: d, text: districtName(d) }))} />
      <${NeedFilter} needs=${props.needs} chosen=${values.need} error=${errors.need} />
      <${SelectField} id="level" label="Level of need" any="Any level" value=${values.level} error=${errors.level}
        options=${SERVICE_LEVELS.map((l) => ({ value: String(l), text: `Level ${l}` }))} />
      <div class=${group(errors.age)}>
        <label class="govuk-label govuk-label--s" for="age">Child’s age (optional)</label>
        <div id="age-hint" class="govuk-hint">In whole years, from 0 to ${MAX_AGE}</div>
        <${ErrorText} id="age" text=${errors.age} />
        <input class=${cx('govuk-input govuk-input--width-3', errors.age && 'govuk-input--error')} id="age" name="age"
          type="text" inputmode="numeric" spellcheck=${false} value=${values.age}
          aria-describedby=${describedBy('age-hint', errors.age && 'age-error')} />
      </div>
      <div class=${group(errors.free)}>
        <${ErrorText} id="free" text=${errors.free} />
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id="free" name="free" type="checkbox" value="true" checked=${values.free} />
            <label class="govuk-label govuk-checkboxes__label" for="free">Free services only</label>
          </div>
        </div>
      </div>
      <${SelectField} id="access" label="How families get in" any="Any way" value=${values.access} error=${errors.access}
        options=${ACCESS_ROUTES.map((a) => ({ value: a, text: ACCESS_LABELS[a] }))} />
      <div class=${group(errors.q)}>
        <label class="govuk-label govuk-label--s" for="q">Words to search for (optional)</label>
        <div id="q-hint" class="govuk-hint">For example: parenting, housing, young carers</div>
        <${ErrorText} id="q" text=${errors.q} />
        <input class=${cx('govuk-input', errors.q && 'govuk-input--error')} id="q" name="q" type="search"
          maxlength="100" value=${values.q} aria-describedby=${describedBy('q-hint', errors.q && 'q-error')} />
      </div>
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" data-module="govuk-button">Find services</button>
        <a class="govuk-link" href="/services/">Clear the filters</a>
      </div>
    </form>
  `;
}

function distanceText(match: ServiceMatch): string | null {
  if (match.distanceKm === undefined) return null;
  const base = districtName(match.service.fields.baseDistrict);
  return match.distanceKm === 0
    ? `In your district (${base})`
    : `About ${match.distanceKm} km away (${base})`;
}

function Fact(props: { key?: string; name: string; children: unknown }): VNode {
  return html`
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">${props.name}</dt>
      <dd class="govuk-summary-list__value">${props.children}</dd>
    </div>
  `;
}

function Result(props: { match: ServiceMatch }): VNode {
  const { service, reasons } = props.match;
  const { fields } = service;
  const distance = distanceText(props.match);
  return html`
    <li class="app-services-result">
      <h3 class="govuk-heading-m govuk-!-margin-bottom-1">
        <a class="govuk-link" href=${serviceUrl(service.id)}>${fields.name}</a>
      </h3>
      <p class="govuk-body-s app-services-result__provider">
        ${fields.provider.name}${service.illustrative ? html` <strong class="govuk-tag govuk-tag--grey app-tag--inline">Illustrative</strong>` : null}
      </p>
      <p class="govuk-body">${fields.summary}</p>
      <dl class="govuk-summary-list govuk-summary-list--no-border app-services-result__facts">
        ${reasons.length > 0 ? html`<${Fact} name="Why it matches"><${Items} items=${reasons} /></${Fact}>` : null}
        ${distance ? html`<${Fact} name="Distance">${distance}</${Fact}>` : null}
        <${Fact} name="Ages">${agesText(fields.ages)}</${Fact}>
        <${Fact} name="Cost">${costText(fields.cost)}</${Fact}>
        <${Fact} name="How to get in"><${Items} items=${accessText(fields.access)} /></${Fact}>
        <${Fact} name="Last checked"><${LastChecked} service=${service} /></${Fact}>
      </dl>
    </li>
  `;
}

function Results(props: { results: NonNullable<FindPageProps['results']>; searchedNear: string }): VNode {
  const { items, nextHref } = props.results;
  return html`
    <h2 class="govuk-heading-m" id="results" tabindex="-1">
      ${items.length === 0 ? 'No services match' : props.searchedNear ? `Services nearest ${districtName(props.searchedNear)} first` : 'Services'}
    </h2>
    ${
      items.length === 0
        ? html`<p class="govuk-body">Try fewer filters, or a wider area. The Children’s Front Door can also advise on what is available.</p>`
        : html`<ol class="govuk-list app-services-results">${items.map((m) => html`<${Result} key=${m.service.id} match=${m} />`)}</ol>`
    }
    ${
      nextHref
        ? html`
          <nav class="govuk-pagination govuk-pagination--block" aria-label="More results">
            <div class="govuk-pagination__next">
              <a class="govuk-link govuk-pagination__link" href=${nextHref} rel="next">
                <svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
                  <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path>
                </svg>
                <span class="govuk-pagination__link-title">Next page</span>
              </a>
            </div>
          </nav>
        `
        : null
    }
  `;
}

export function FindPage(props: FindPageProps): VNode {
  const order = FIND_FIELDS.filter((f) => props.errors[f]);
  return html`
    ${
      order.length > 0
        ? html`<${ErrorSummary} items=${order.map((f) => ({ href: `#${FIELD_ANCHOR[f]}`, text: props.errors[f] ?? '' }))} />`
        : null
    }
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <${PageHeading} text=${FIND_TITLE} caption="Early help services" />
        <p class="govuk-body-l">Local services that can help children and families before, or instead of, a referral.</p>
        <p class="govuk-body">Every entry says how to refer or get in touch, and when its provider last checked it is still right.</p>
      </div>
    </div>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-one-third"><${Filters} ...${props} /></div>
      <div class="govuk-grid-column-two-thirds">
        ${
          props.results
            ? html`<${Results} results=${props.results} searchedNear=${props.values.district} />`
            : html`<h2 class="govuk-heading-m" id="results" tabindex="-1">Put the filters right to see services</h2>
                <p class="govuk-body">Nothing was searched for: the filters have a problem.</p>`
        }
      </div>
    </div>
  `;
}
