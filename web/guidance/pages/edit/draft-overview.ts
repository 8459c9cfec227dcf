/** /guidance/edit/draft/?v=N[&q=word]: the draft's indicators, to find and change. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../../shared/directory/me.ts';
import { searchIndicators } from '../../../../shared/guidance/check.ts';
import type { GuidanceVersion } from '../../../../shared/guidance/schema.ts';
import { isApproved } from '../../../../shared/guidance/sign-off.ts';
import { LevelTag } from '../../../../shared/guidance/views/basics.ts';
import { groupIndicators } from '../../../../shared/guidance/views/indicators.ts';
import { HighlightedIndicator, queryWords } from '../../../../shared/guidance/views/search.ts';
import { formatDateTime, NotificationBanner, PageHeading, setTitle, Table } from '../../../platform/ui.ts';
import { StatusTag } from '../../changes.ts';
import { DraftRoutes } from './draft-routes.ts';
import { MostOverridden } from './most-overridden.ts';
import { BackLink, type Flash, NavLink, navigate, urls } from './navigation.ts';
import { approvalText, SignOff } from './sign-off.ts';

const INDICATOR_HEAD = [
  'Indicator',
  { text: 'Level', classes: 'app-indicator-table__level' },
  { text: 'Action', classes: 'app-table__action', hidden: true },
];

function DraftFacts(props: { draft: GuidanceVersion }): VNode {
  const { draft } = props;
  return html`
    <dl class="govuk-summary-list govuk-summary-list--no-border app-version">
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Status</dt>
        <dd class="govuk-summary-list__value"><${StatusTag} status=${draft.status} /></dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Revision</dt>
        <dd class="govuk-summary-list__value" id="draft-revision">${String(draft.revision)}</dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Last saved</dt>
        <dd class="govuk-summary-list__value">${formatDateTime(draft.updatedAt)}</dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Approval</dt>
        <dd class="govuk-summary-list__value" id="draft-approval">${approvalText(draft)}</dd>
      </div>
    </dl>
  `;
}

export function DraftOverview(props: {
  draft: GuidanceVersion;
  query: string;
  flash: Flash | null;
  focus: boolean;
  me: Me;
  onApproved: (approved: GuidanceVersion, flash: Omit<Flash, 'id'>) => void;
}): VNode {
  const { draft, query } = props;
  const { framework } = draft;
  const [input, setInput] = useState(query);
  useEffect(() => setInput(query), [query]);
  useEffect(() => setTitle(`Draft version ${draft.version} – Edit the threshold guidance`), [draft.version]);

  const found = query ? searchIndicators(framework, query) : framework.indicators;
  const words = queryWords(query);
  const groups = groupIndicators(framework, undefined, found);

  const onFind = (event: Event) => {
    event.preventDefault();
    navigate(urls.draft(draft.version, input.trim()));
  };

  return html`
    <${BackLink} href=${urls.list()} text="All versions" />
    ${props.flash ? html`<${NotificationBanner} key=${props.flash.id} type="success" heading=${props.flash.heading}>${props.flash.body ? html`<p class="govuk-body">${props.flash.body}</p>` : null}</${NotificationBanner}>` : null}
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <${PageHeading} caption="Edit the threshold guidance" text=${`Draft version ${draft.version}`} focus=${props.focus} />
      <${DraftFacts} draft=${draft} />
      <div class="govuk-button-group">
        <${NavLink} href=${urls.add(draft.version)} classes="govuk-button govuk-button--secondary">Add an indicator</${NavLink}>
        <${NavLink} href=${urls.compare(draft.version)}>Compare with the current version</${NavLink}>
        ${isApproved(draft) ? html`<${NavLink} href=${urls.publish(draft.version)}>Publish this version</${NavLink}>` : null}
      </div>
      <${SignOff} key=${draft.revision} draft=${draft} me=${props.me} onApproved=${props.onApproved} />
      <${MostOverridden} framework=${framework} />
      <h2 class="govuk-heading-l">Indicators</h2>
      <form action="/guidance/edit/draft/" method="get" role="search" aria-label="Indicators in this draft" onSubmit=${onFind}>
        <input type="hidden" name="v" value=${String(draft.version)} />
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="find-q">Find an indicator</label>
          <div id="find-q-hint" class="govuk-hint">A word from its text or search words, for example shouting</div>
          <div class="app-search__row">
            <input
              class="govuk-input app-search__input"
              id="find-q"
              name="q"
              type="search"
              maxlength="100"
              spellcheck=${false}
              autocomplete="off"
              aria-describedby="find-q-hint"
              value=${input}
              onInput=${(e: Event) => setInput((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" class="govuk-button govuk-button--secondary app-search__button" data-module="govuk-button">Find</button>
          </div>
        </div>
      </form>
      <p class="govuk-body" role="status">
        ${
          query
            ? `${found.length} of ${framework.indicators.length} indicators match “${query}”.`
            : `${framework.indicators.length} indicators.`
        }
        ${query ? html` <${NavLink} href=${urls.draft(draft.version)}>Show all indicators</${NavLink}>` : null}
      </p>
    </div></div>
    ${groups.map(
      (group) => html`
        <h3 class="govuk-heading-m" key=${group.domain.id}>${group.domain.name}</h3>
        ${group.subDomains.map(
          ({ subDomain, indicators }) => html`
            <${Table}
              key=${subDomain.id}
              classes="govuk-table--small-text-until-tablet app-indicator-table"
              caption=${subDomain.name}
              captionSize="s"
              head=${INDICATOR_HEAD}
            >
              ${indicators.map(
                (indicator) => html`
                  <tr class="govuk-table__row" key=${indicator.id}>
                    <td class="govuk-table__cell"><${HighlightedIndicator} indicator=${indicator} words=${words} /></td>
                    <td class="govuk-table__cell"><${LevelTag} level=${indicator.level} framework=${framework} /></td>
                    <td class="govuk-table__cell app-table__action">
                      <${NavLink} href=${urls.indicator(draft.version, indicator.id)}>
                        Change<span class="govuk-visually-hidden"> ${indicator.text}</span>
                      </${NavLink}>
                    </td>
                  </tr>
                `,
              )}
            </${Table}>
          `,
        )}
      `,
    )}
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <${DraftRoutes} framework=${framework} />
    </div></div>
  `;
}
