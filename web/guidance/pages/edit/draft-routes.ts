/**
 * The draft's specific routes on its overview, read-only: each route with its timescale, contact and
 * the indicators that bring it up. Saving an indicator keeps the routes as they are (every save sends
 * the whole framework), and removing one takes it out of the routes that name it.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { Framework } from '../../../../shared/guidance/schema.ts';
import { ROUTE_REFERRAL_WORDS, routesOf } from '../../../../shared/guidance/specific-routes.ts';

export function DraftRoutes(props: { framework: Framework }): VNode {
  const { framework } = props;
  const routes = routesOf(framework);
  const textOf = (id: string) => framework.indicators.find((i) => i.id === id)?.text ?? id;
  return html`
    <h2 class="govuk-heading-l" id="draft-routes">Specific routes</h2>
    ${
      routes.length === 0
        ? html`<p class="govuk-body">This draft sets no specific routes.</p>`
        : html`
          <p class="govuk-body">
            ${routes.length} ${routes.length === 1 ? 'route' : 'routes'}, kept as they are when you change the indicators.
            Removing an indicator also takes it out of the routes it brings up.
          </p>
          ${routes.map(
            (route) => html`
              <div class="govuk-summary-card" key=${route.id}>
                <div class="govuk-summary-card__title-wrapper">
                  <h3 class="govuk-summary-card__title">${route.title}</h3>
                </div>
                <div class="govuk-summary-card__content">
                  <dl class="govuk-summary-list">
                    <div class="govuk-summary-list__row">
                      <dt class="govuk-summary-list__key">In short</dt>
                      <dd class="govuk-summary-list__value">${route.summary}</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                      <dt class="govuk-summary-list__key">Timescale</dt>
                      <dd class="govuk-summary-list__value">${route.timescale}</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                      <dt class="govuk-summary-list__key">Contact</dt>
                      <dd class="govuk-summary-list__value">
                        ${route.contact.name}, ${route.contact.phone}${route.contact.email ? `, ${route.contact.email}` : ''}
                      </dd>
                    </div>
                    <div class="govuk-summary-list__row">
                      <dt class="govuk-summary-list__key">Referral</dt>
                      <dd class="govuk-summary-list__value">${ROUTE_REFERRAL_WORDS[route.referral]}</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                      <dt class="govuk-summary-list__key">Brought up by</dt>
                      <dd class="govuk-summary-list__value">
                        ${
                          route.indicatorIds.length === 0
                            ? 'No indicator: the checker never shows it'
                            : html`<ul class="govuk-list govuk-list--bullet">
                                ${route.indicatorIds.map((id) => html`<li key=${id}>${textOf(id)}</li>`)}
                              </ul>`
                        }
                      </dd>
                    </div>
                  </dl>
                </div>
              </div>
            `,
          )}
        `
    }
  `;
}
