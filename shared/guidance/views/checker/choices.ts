/**
 * Step 1's lists: the indicators to tick (found by a search or in one sub-domain), the areas of need to
 * browse, and the indicators chosen so far.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { Button, Tag } from '../../../views/govuk-components.ts';
import { levelLabel } from '../../check.ts';
import type { Framework, Indicator } from '../../schema.ts';
import { LevelTag, whereIs } from '../basics.ts';
import { describeAgeBands } from '../indicators.ts';
import { HighlightedIndicator } from '../search.ts';
import { type Address, AddressFields, followInPage, handledInPage, stepUrl } from './address.ts';

/** The form of the indicators to tick, which the chosen list's button can send without JavaScript. */
const INDICATOR_CHOICES_FORM = 'indicator-choices';

export function IndicatorCheckboxes(props: {
  items: Indicator[];
  framework: Framework;
  words: string[];
  chosen: Set<string>;
  legend: string;
  showWhere: boolean;
  /** Where the list came from, kept when the form is sent without JavaScript. */
  address: Address;
  onToggle: (id: string, checked: boolean) => void;
}): VNode {
  const shown = new Set(props.items.map((i) => i.id));
  const chosenElsewhere = [...props.chosen].filter((id) => !shown.has(id));
  // With JavaScript each tick is kept at once; without it, the buttons send the ticks with the address.
  return html`
    <form id=${INDICATOR_CHOICES_FORM} action="/check/" method="get" novalidate onSubmit=${(event: Event) => event.preventDefault()}>
    <${AddressFields} ids=${chosenElsewhere} query=${props.address.query} sub=${props.address.sub} />
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset" aria-describedby="choose-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${props.legend}</legend>
        <div id="choose-hint" class="govuk-hint">Select all that apply. Your choices are kept when you search again.</div>
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          ${props.items.map((indicator) => {
            const id = `indicator-${indicator.id}`;
            const ages = indicator.ageBands ? describeAgeBands(indicator.ageBands) : null;
            const where = props.showWhere ? whereIs(props.framework, indicator) : null;
            const level = props.framework.levels.find((l) => l.level === indicator.level);
            return html`
              <div class="govuk-checkboxes__item" key=${indicator.id}>
                <input
                  class="govuk-checkboxes__input"
                  id=${id}
                  name="indicators"
                  type="checkbox"
                  value=${indicator.id}
                  checked=${props.chosen.has(indicator.id)}
                  aria-describedby=${`${id}-hint`}
                  onChange=${(e: Event) => props.onToggle(indicator.id, (e.currentTarget as HTMLInputElement).checked)}
                />
                <label class="govuk-label govuk-checkboxes__label" for=${id}>
                  ${indicator.immediateDanger ? html`<${Tag} text="Immediate danger" colour="red" classes="app-tag--inline" /> ` : null}
                  <${HighlightedIndicator} indicator=${indicator} words=${props.words} />
                </label>
                <div id=${`${id}-hint`} class="govuk-hint govuk-checkboxes__hint">
                  ${level ? levelLabel(level) : `Level ${indicator.level}`}${where ? ` · ${where}` : ''}${ages ? ` · ${ages}` : ''}
                </div>
              </div>
            `;
          })}
        </div>
      </fieldset>
    </div>
    <div class="govuk-button-group app-no-js-only">
      <button type="submit" class="govuk-button" data-module="govuk-button" formaction="/check/answer/">
        See the suggested level
      </button>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
        Keep these choices and search again
      </button>
    </div>
    </form>
  `;
}

export function Browse(props: {
  framework: Framework;
  ids: string[];
  onBrowse: (sub: string) => void;
}): VNode {
  return html`
    <h2 class="govuk-heading-m" id="results-heading" tabindex="-1">Or browse by area of need</h2>
    ${props.framework.domains.map(
      (domain) => html`
        <h3 class="govuk-heading-s" key=${domain.id}>${domain.name}</h3>
        <ul class="govuk-list" key=${`${domain.id}-list`}>
          ${domain.subDomains.map((sub) => {
            const count = props.framework.indicators.filter((i) => i.subDomainId === sub.id).length;
            const href = stepUrl('/check/', { ids: props.ids, sub: sub.id });
            return html`<li key=${sub.id}>
              <a class="govuk-link" href=${href} onClick=${followInPage(() => props.onBrowse(sub.id))}>${sub.name}</a>
              <span class="govuk-hint app-inline-hint"> (${count})</span>
            </li>`;
          })}
        </ul>
      `,
    )}
  `;
}

export function Chosen(props: {
  framework: Framework;
  ids: string[];
  address: Address;
  onRemove: (id: string) => void;
  onContinue: () => void;
  /** The page shows indicators to tick: the button sends them with the ones already chosen. */
  sendsWithChoices?: boolean;
}): VNode {
  const indicators = props.ids
    .map((id) => props.framework.indicators.find((i) => i.id === id))
    .filter((i): i is Indicator => i !== undefined);
  return html`
    <div class="app-chosen">
      <h2 class="govuk-heading-m" id="chosen-heading" tabindex="-1">
        Your chosen indicators${indicators.length ? ` (${indicators.length})` : ''}
      </h2>
      ${
        indicators.length === 0
          ? html`<p class="govuk-body">None yet. Search or browse, then tick each one that describes the child.</p>`
          : html`<ul class="govuk-list app-chosen__list">
              ${indicators.map(
                (indicator) => html`
                  <li class="app-chosen__item" key=${indicator.id}>
                    <p class="govuk-body-s govuk-!-margin-bottom-1">
                      <${LevelTag} level=${indicator.level} framework=${props.framework} />
                      ${indicator.immediateDanger ? html`<${Tag} text="Immediate danger" colour="red" classes="app-tag--inline" />` : null}
                    </p>
                    <p class="govuk-body-s govuk-!-margin-bottom-1">${indicator.text}</p>
                    <form action="/check/" method="get" onSubmit=${handledInPage(() => props.onRemove(indicator.id))}>
                      <${AddressFields}
                        ids=${props.ids.filter((id) => id !== indicator.id)}
                        query=${props.address.query}
                        sub=${props.address.sub}
                      />
                      <button type="submit" class="govuk-button govuk-button--secondary app-chosen__remove" data-module="govuk-button">
                        Remove<span class="govuk-visually-hidden"> ${indicator.text}</span>
                      </button>
                    </form>
                  </li>
                `,
              )}
            </ul>`
      }
      ${
        props.sendsWithChoices
          ? // Without JavaScript, the ticks on the page have not been kept yet: this button sends the
            // choices' own form, so a tick just made reaches the answer. With it, every tick is kept.
            html`<button
              type="submit"
              class="govuk-button app-chosen__continue"
              data-module="govuk-button"
              form=${INDICATOR_CHOICES_FORM}
              formaction="/check/answer/"
              onClick=${handledInPage(props.onContinue)}
            >
              See the suggested level
            </button>`
          : html`<form action="/check/answer/" method="get" novalidate onSubmit=${handledInPage(props.onContinue)}>
              <${AddressFields} ids=${props.ids} />
              <${Button} text="See the suggested level" classes="app-chosen__continue" />
            </form>`
      }
    </div>
  `;
}
