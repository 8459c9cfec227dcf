/**
 * /referrals/queue/: the Front Door's queue. Open referrals most urgent first, then soonest due, so
 * a new urgent referral leads rather than waiting at the bottom; a live red/amber/green countdown;
 * "possible duplicate"; who is looking at what.
 * Every filter (view, overdue only, agency, suggested level) is the API's, so "Load more" goes on
 * through the matching referrals only.
 *
 * Filters live in the address (?view=&overdue=&agency=&level=), so Back, refresh and links all work.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { boot } from '../../platform/chrome.ts';
import { mount, PageHeading, PendingPage, ShowMore, setTitle, Tag } from '../../platform/ui.ts';
import {
  childAndReference,
  dueOrOutcome,
  fromAgency,
  priority,
  statusAndReviewer,
  suggestedLevel,
} from '../columns.ts';
import { type ReferralColumn, ReferralList } from '../list.ts';
import { useReferralPages } from '../paging.ts';
import { summaryIsOverdue } from '../status.ts';
import { agencyName, useAgencyNames, useNow } from '../views.ts';

const VIEWS = [
  { value: 'open', text: 'Waiting for a decision' },
  { value: 'decided', text: 'Decided' },
  { value: 'closed', text: 'Closed' },
  { value: 'withdrawn', text: 'Withdrawn' },
] as const;
type View = (typeof VIEWS)[number]['value'];

interface Filters {
  view: View;
  overdue: boolean;
  agency: string;
  level: string;
}

function readFilters(): Filters {
  const p = new URLSearchParams(window.location.search);
  const view = VIEWS.find((v) => v.value === p.get('view'))?.value ?? 'open';
  const level = p.get('level') ?? '';
  return {
    view,
    overdue: view === 'open' && p.get('overdue') === 'true',
    // An id the API would refuse (a mistyped address) is dropped rather than failing the whole queue.
    agency: /^[a-z0-9][a-z0-9-]{0,79}$/.test(p.get('agency') ?? '') ? (p.get('agency') as string) : '',
    level: ['1', '2', '3', '4'].includes(level) ? level : '',
  };
}

const PAGE_SIZE = 100;

/** The child and reference, and "Step-up" for a referral an early-help episode stepped up. */
const childReferenceAndStepUp: ReferralColumn = {
  ...childAndReference,
  cell: (r, now) => html`
    ${childAndReference.cell(r, now)}
    ${
      r.stepUpFrom
        ? html`<${Tag} text="Step-up" colour="purple" classes="app-queue__flag" />
            <span class="app-block govuk-body-s govuk-!-margin-bottom-0">From early help ${r.stepUpFrom.episodeReference}</span>`
        : null
    }
  `,
};

function FilterForm(props: { filters: Filters; agencies: Map<string, string> }): VNode {
  const { filters } = props;
  const [view, setView] = useState<View>(filters.view);
  const agencies = [...props.agencies.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  return html`
    <form method="get" action="/referrals/queue/" class="app-filters" aria-labelledby="filters-heading">
      <h2 class="govuk-heading-s govuk-!-margin-bottom-2" id="filters-heading">Filter the queue</h2>
      <div class="app-filters__row">
        <div class="govuk-form-group app-filters__item">
          <label class="govuk-label govuk-label--s" for="view">Show</label>
          <select class="govuk-select app-filters__select" id="view" name="view" onChange=${(e: Event) => setView((e.currentTarget as HTMLSelectElement).value as View)}>
            ${VIEWS.map((v) => html`<option key=${v.value} value=${v.value} selected=${view === v.value}>${v.text}</option>`)}
          </select>
        </div>
        <div class="govuk-form-group app-filters__item">
          <label class="govuk-label govuk-label--s" for="agency">Agency</label>
          <select class="govuk-select app-filters__select" id="agency" name="agency">
            <option value="" selected=${filters.agency === ''}>All agencies</option>
            ${agencies.map(([id, name]) => html`<option key=${id} value=${id} selected=${filters.agency === id}>${name}</option>`)}
          </select>
        </div>
        <div class="govuk-form-group app-filters__item">
          <label class="govuk-label govuk-label--s" for="level">Suggested level</label>
          <select class="govuk-select app-filters__select" id="level" name="level">
            <option value="" selected=${filters.level === ''}>Any level</option>
            ${['1', '2', '3', '4'].map((l) => html`<option key=${l} value=${l} selected=${filters.level === l}>Level ${l}</option>`)}
          </select>
        </div>
        ${
          view === 'open'
            ? html`<div class="govuk-form-group app-filters__item app-filters__item--check">
                <div class="govuk-checkboxes govuk-checkboxes--small">
                  <div class="govuk-checkboxes__item">
                    <input class="govuk-checkboxes__input" id="overdue" name="overdue" type="checkbox" value="true" checked=${filters.overdue} />
                    <label class="govuk-label govuk-checkboxes__label" for="overdue">Only overdue</label>
                  </div>
                </div>
              </div>`
            : null
        }
        <div class="govuk-form-group app-filters__item app-filters__item--button">
          <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Apply filters</button>
        </div>
      </div>
    </form>
  `;
}

function QueuePage(): VNode {
  const [filters] = useState(readFilters);
  const agencies = useAgencyNames();
  const now = useNow();
  const query = `/referrals?${new URLSearchParams({
    view: filters.view,
    limit: String(PAGE_SIZE),
    ...(filters.overdue ? { overdue: 'true' } : {}),
    ...(filters.agency ? { agency: filters.agency } : {}),
    ...(filters.level ? { level: filters.level } : {}),
  })}`;

  const { state, retry, showMore } = useReferralPages({
    query,
    role: 'triage',
    elsewhere: { role: 'referrer', page: '/referrals/' },
  });

  useEffect(() => setTitle('Front Door queue'), []);

  const heading = html`<${PageHeading} text="Front Door queue" size="l" />`;
  if (state.kind === 'loading' || state.kind === 'failed')
    return html`<${PendingPage} state=${state} heading="Front Door queue" size="l" loading="Loading the queue…" what="the queue" onRetry=${retry} />`;
  if (state.kind === 'not-allowed')
    return html`${heading}<p class="govuk-body">The queue is for the Front Door. You are signed in as ${state.me.name}.</p>`;

  const overdue = state.items.filter((r) => summaryIsOverdue(r, now)).length;
  const viewText = VIEWS.find((v) => v.value === filters.view)?.text ?? '';
  const narrowed = filters.agency || filters.level;
  return html`
    ${heading}
    <p class="govuk-body"><a class="govuk-link" href="/referrals/consultations/">Consultation calls</a> and the written requests asked for on them.</p>
    <${FilterForm} filters=${filters} agencies=${agencies} />
    <div>
        <p class="govuk-body" id="queue-summary">
          <strong>${viewText}</strong>${filters.overdue ? ', overdue only' : ''}${filters.agency ? `, from ${agencyName(agencies, filters.agency)}` : ''}${filters.level ? `, suggested level ${filters.level}` : ''}.
          ${
            filters.view === 'open'
              ? html` Most urgent first, then soonest due.${' '}
                  ${overdue > 0 ? html`<strong class="app-overdue-count">${overdue} overdue</strong>` : 'Nothing is overdue.'}`
              : ' Newest first.'
          }
        </p>
        ${
          state.items.length === 0
            ? html`<p class="govuk-body">${narrowed ? 'No referrals match these filters.' : filters.view === 'open' ? 'There are no referrals waiting for a decision.' : 'There are no referrals here.'}</p>`
            : html`<${ReferralList}
                layout="table"
                items=${state.items}
                columns=${[
                  ...(filters.view === 'open' ? [priority] : []),
                  dueOrOutcome(filters.view === 'open'),
                  childReferenceAndStepUp,
                  fromAgency(agencies),
                  suggestedLevel,
                  statusAndReviewer,
                ]}
                now=${now}
              />`
        }
        <${ShowMore} ...${showMore} text="Load more referrals" failedText="More referrals could not be loaded. Try again." />
    </div>
  `;
}

boot();
mount(html`<${QueuePage} />`);
