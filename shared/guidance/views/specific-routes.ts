/**
 * The guidance's specific routes as people read them: the routes page (/guidance/?view=routes, each
 * route a section with its own anchor), the routes a search finds, and the routes the checker's answer
 * says the chosen indicators also need. Rendered on the server, so they read without JavaScript.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { Framework, RouteContact, SpecificRoute } from '../schema.ts';
import { ROUTE_REFERRAL_WORDS, routeAnchor, routeHref, routesOf } from '../specific-routes.ts';
import { PhoneText } from './basics.ts';

/** Who to contact, as a summary list: the number and the address are links a phone can follow. */
function ContactList(props: { contact: RouteContact }): VNode {
  const { contact } = props;
  const row = (key: string, value: unknown) => html`
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">${key}</dt>
      <dd class="govuk-summary-list__value">${value}</dd>
    </div>
  `;
  return html`
    <dl class="govuk-summary-list app-route__contact">
      ${row('Who', contact.name)}
      ${row('Telephone', html`<a class="govuk-link app-tel" href=${`tel:${contact.phone.replace(/\s/g, '')}`}>${contact.phone}</a>`)}
      ${contact.email ? row('Email', html`<a class="govuk-link" href=${`mailto:${contact.email}`}>${contact.email}</a>`) : null}
      ${row('When', html`<${PhoneText} text=${contact.hours} />`)}
    </dl>
  `;
}

/** The timescale as GOV.UK warning text: the one thing a reader must not miss. */
function Timescale(props: { route: SpecificRoute }): VNode {
  return html`
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning</span> ${props.route.timescale}
      </strong>
    </div>
  `;
}

/** Whether the route replaces the level's referral or goes alongside it. */
function ReferralNote(props: { route: SpecificRoute }): VNode {
  return html`
    <div class="govuk-inset-text">
      <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">${ROUTE_REFERRAL_WORDS[props.route.referral]}</p>
      <p class="govuk-body govuk-!-margin-bottom-0">${props.route.referralNote}</p>
    </div>
  `;
}

/** One route in full: when it applies, the timescale, what to do, whom to contact. */
export function RouteSection(props: { route: SpecificRoute }): VNode {
  const { route } = props;
  const anchor = routeAnchor(route.id);
  return html`
    <section class="app-route" id=${anchor} aria-labelledby=${`${anchor}-heading`}>
      <h2 class="govuk-heading-l" id=${`${anchor}-heading`}>${route.title}</h2>
      <p class="govuk-body-l">${route.summary}</p>
      <${Timescale} route=${route} />
      <h3 class="govuk-heading-m">When it applies</h3>
      <p class="govuk-body">${route.whenItApplies}</p>
      <h3 class="govuk-heading-m">What to do</h3>
      <ol class="govuk-list govuk-list--number">
        ${route.steps.map((step) => html`<li key=${step}><${PhoneText} text=${step} /></li>`)}
      </ol>
      <h3 class="govuk-heading-m">Who to contact</h3>
      <${ContactList} contact=${route.contact} />
      <${ReferralNote} route=${route} />
    </section>
  `;
}

/** Links to each route's section (the guidance's contents, and the top of the routes page). */
export function RouteLinks(props: { framework: Framework }): VNode {
  return html`
    <ul class="govuk-list">
      ${routesOf(props.framework).map(
        (route) =>
          html`<li key=${route.id}><a class="govuk-link" href=${routeHref(route.id)}>${route.title}</a></li>`,
      )}
    </ul>
  `;
}

/** /guidance/?view=routes: every route, each under its own heading. */
export function SpecificRoutes(props: { framework: Framework }): VNode {
  const routes = routesOf(props.framework);
  return html`
    <h2 class="govuk-heading-m" id="specific-routes">Specific routes</h2>
    ${
      routes.length === 0
        ? html`<p class="govuk-body">This version of the guidance sets no specific routes.</p>`
        : html`
          <p class="govuk-body">
            Some situations have a route of their own, whatever the level of need: the law or national guidance says
            who must be told, and by when. Each says whether it replaces a referral to the Front Door or goes alongside
            what the level says to do.
          </p>
          <${RouteLinks} framework=${props.framework} />
          ${routes.map((route) => html`<${RouteSection} key=${route.id} route=${route} />`)}
        `
    }
  `;
}

/** The routes a guidance search found, after the indicators it found. */
export function RouteResults(props: { routes: SpecificRoute[]; query: string }): VNode | null {
  const { routes } = props;
  if (routes.length === 0) return null;
  return html`
    <h2 class="govuk-heading-m" id="route-results-heading">
      ${routes.length} ${routes.length === 1 ? 'specific route matches' : 'specific routes match'} “${props.query}”
    </h2>
    <ul class="govuk-list app-results">
      ${routes.map(
        (route) => html`
          <li class="app-results__item" key=${route.id}>
            <p class="govuk-body govuk-!-margin-bottom-1"><a class="govuk-link" href=${routeHref(route.id)}>${route.title}</a></p>
            <p class="govuk-body-s govuk-!-margin-bottom-0">${route.summary}</p>
          </li>
        `,
      )}
    </ul>
  `;
}

/**
 * The checker's answer: the routes the chosen indicators bring up, before what the level says to do,
 * since a route can replace the level's referral and each has a timescale of its own.
 */
export function AnswerRoutes(props: { routes: SpecificRoute[] }): VNode | null {
  const { routes } = props;
  if (routes.length === 0) return null;
  return html`
    <div class="app-answer-routes" id="answer-routes">
      <h2 class="govuk-heading-m">
        ${routes.length === 1 ? 'This also needs a specific route' : 'This also needs specific routes'}
      </h2>
      ${routes.map(
        (route) => html`
          <div class="govuk-inset-text app-answer-route" key=${route.id}>
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
              <a class="govuk-link" href=${routeHref(route.id)}>${route.title}</a>
            </h3>
            <p class="govuk-body">${route.summary}</p>
            <${Timescale} route=${route} />
            <p class="govuk-body govuk-!-margin-bottom-1">
              <strong>${route.contact.name}:</strong>${' '}
              <a class="govuk-link app-tel" href=${`tel:${route.contact.phone.replace(/\s/g, '')}`}>${route.contact.phone}</a>
              ${route.contact.email ? html`, <a class="govuk-link" href=${`mailto:${route.contact.email}`}>${route.contact.email}</a>` : null}
            </p>
            <p class="govuk-body govuk-!-margin-bottom-0">
              <strong>${ROUTE_REFERRAL_WORDS[route.referral]}.</strong> ${route.referralNote}
            </p>
          </div>
        `,
      )}
    </div>
  `;
}
