/**
 * /referrals/queue/: the Front Door's queue. Open referrals soonest due first, so
 * overdue ones lead and stand out; a live countdown; "possible duplicate"; who is looking at what.
 * Every filter (view, overdue only, agency, suggested level) is the API's, so "Load more" goes on
 * through the matching referrals only.
 *
 * Filters live in the address (?view=&overdue=&agency=&level=), so Back, refresh and links all work.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../shared/me.ts';
import type { ReferralSummary } from '../../../shared/referral.ts';
import { apiGet } from '../api.ts';
import { signInUrl } from '../auth.ts';
import { boot, loadMe } from '../chrome.ts';
import { LevelTag } from '../guidance-basics.ts';
import { OUTCOME_LABELS } from '../referral-labels.ts';
import { DueTime, summaryIsOverdue } from '../referral-status.ts';
import { agencyName, StatusTag, useAgencyNames, useNow } from '../referral-views.ts';
import { Button, Loading, mount, PageHeading, ProblemState, setTitle, Tag } from '../ui.ts';

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

interface ListPage {
  items: ReferralSummary[];
  nextCursor: string | null;
}

const PAGE_SIZE = 100;

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

function QueueTable(props: {
  items: ReferralSummary[];
  view: View;
  now: Date;
  agencies: Map<string, string>;
}): VNode {
  const open = props.view === 'open';
  return html`
    <div class="app-table-scroll" role="region" aria-labelledby="queue-caption" tabindex="0">
      <table class="govuk-table app-queue">
        <caption class="govuk-table__caption govuk-table__caption--m" id="queue-caption">
          ${props.items.length} ${props.items.length === 1 ? 'referral' : 'referrals'}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">${open ? 'Decision due' : 'Outcome'}</th>
            <th scope="col" class="govuk-table__header">Child and reference</th>
            <th scope="col" class="govuk-table__header">From</th>
            <th scope="col" class="govuk-table__header">Level</th>
            <th scope="col" class="govuk-table__header">Status</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          ${props.items.map((r) => {
            const overdue = summaryIsOverdue(r, props.now);
            return html`<tr class=${`govuk-table__row${overdue ? ' app-queue__row--overdue' : ''}`} key=${r.id}>
              <td class="govuk-table__cell">
                ${
                  open
                    ? html`<${DueTime} dueAt=${r.decisionDueAt} status=${r.status} now=${props.now} />`
                    : r.outcome
                      ? OUTCOME_LABELS[r.outcome]
                      : '–'
                }
              </td>
              <td class="govuk-table__cell">
                <a class="govuk-link" href=${`/referrals/view/?id=${encodeURIComponent(r.id)}`}>${r.childName || 'Child not named'}</a>
                ${' '}<span class="app-reference app-block">${r.reference}</span>
                ${r.possibleDuplicate ? html`<${Tag} text="Possible duplicate" colour="orange" classes="app-queue__flag" />` : null}
              </td>
              <td class="govuk-table__cell">
                ${agencyName(props.agencies, r.agencyId)}
              </td>
              <td class="govuk-table__cell">${r.suggestedLevel ? html`<${LevelTag} level=${r.suggestedLevel} />` : '–'}</td>
              <td class="govuk-table__cell">
                <${StatusTag} status=${r.status} />
                ${r.reviewerName ? html`<span class="app-block govuk-body-s govuk-!-margin-bottom-0">${r.reviewerName}</span>` : null}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
  `;
}

type State =
  | { kind: 'loading' }
  | { kind: 'not-triage'; me: Me }
  | { kind: 'failed'; error: unknown }
  | { kind: 'loaded'; items: ReferralSummary[]; nextCursor: string | null };

function QueuePage(): VNode {
  const [filters] = useState(readFilters);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [more, setMore] = useState<{ busy: boolean; failed: boolean }>({ busy: false, failed: false });
  const agencies = useAgencyNames();
  const now = useNow();
  const query = `/referrals?${new URLSearchParams({
    view: filters.view,
    limit: String(PAGE_SIZE),
    ...(filters.overdue ? { overdue: 'true' } : {}),
    ...(filters.agency ? { agency: filters.agency } : {}),
    ...(filters.level ? { level: filters.level } : {}),
  })}`;

  useEffect(() => setTitle('Front Door queue'), []);
  useEffect(() => {
    setState({ kind: 'loading' });
    (async (): Promise<State | null> => {
      const me = await loadMe();
      if (!me) {
        window.location.replace(signInUrl());
        return null;
      }
      if (!me.roles.includes('triage')) {
        if (me.roles.includes('referrer')) {
          window.location.replace('/referrals/');
          return null;
        }
        return { kind: 'not-triage', me };
      }
      const page = await apiGet<ListPage>(query);
      return { kind: 'loaded', items: page.items, nextCursor: page.nextCursor };
    })().then(
      (next) => {
        if (next) setState(next);
      },
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  }, [attempt]);

  const loadMore = async () => {
    if (state.kind !== 'loaded' || !state.nextCursor || more.busy) return;
    setMore({ busy: true, failed: false });
    try {
      const page = await apiGet<ListPage>(`${query}&cursor=${encodeURIComponent(state.nextCursor)}`);
      setState({ ...state, items: [...state.items, ...page.items], nextCursor: page.nextCursor });
      setMore({ busy: false, failed: false });
    } catch {
      setMore({ busy: false, failed: true });
    }
  };

  const heading = html`<${PageHeading} text="Front Door queue" size="l" />`;
  if (state.kind === 'loading') return html`${heading}<${Loading} text="Loading the queue…" />`;
  if (state.kind === 'failed')
    return html`${heading}<${ProblemState} error=${state.error} what="the queue" onRetry=${() => setAttempt((n) => n + 1)} />`;
  if (state.kind === 'not-triage')
    return html`${heading}<p class="govuk-body">The queue is for the Front Door. You are signed in as ${state.me.name}.</p>`;

  const overdue = state.items.filter((r) => summaryIsOverdue(r, now)).length;
  const viewText = VIEWS.find((v) => v.value === filters.view)?.text ?? '';
  const narrowed = filters.agency || filters.level;
  return html`
    ${heading}
    <${FilterForm} filters=${filters} agencies=${agencies} />
    <div>
        <p class="govuk-body" id="queue-summary">
          <strong>${viewText}</strong>${filters.overdue ? ', overdue only' : ''}${filters.agency ? `, from ${agencyName(agencies, filters.agency)}` : ''}${filters.level ? `, suggested level ${filters.level}` : ''}.
          ${
            filters.view === 'open'
              ? html` Soonest due first.${' '}
                  ${overdue > 0 ? html`<strong class="app-overdue-count">${overdue} overdue</strong>` : 'Nothing is overdue.'}`
              : ' Newest first.'
          }
        </p>
        ${
          state.items.length === 0
            ? html`<p class="govuk-body">${narrowed ? 'No referrals match these filters.' : filters.view === 'open' ? 'There are no referrals waiting for a decision.' : 'There are no referrals here.'}</p>`
            : html`<${QueueTable} items=${state.items} view=${filters.view} now=${now} agencies=${agencies} />`
        }
        ${
          state.nextCursor
            ? html`<${Button} type="button" variant="secondary" text=${more.busy ? 'Loading…' : 'Load more referrals'} disabled=${more.busy} onClick=${loadMore} />`
            : null
        }
        ${more.failed ? html`<p class="govuk-body" role="alert">More referrals could not be loaded. Try again.</p>` : null}
    </div>
  `;
}

boot();
mount(html`<${QueuePage} />`);
