/**
 * /board/: the safeguarding partnership's action plan. Every action with its owner, due
 * date, status and RAG (with the reason), filtered by RAG, theme and owner in the page (the filters
 * are kept in the address, so a filtered plan can be shared, printed or come back to); the CSV for
 * board papers; a print-friendly plan; and, for board members, "Add an action". The front door reads.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ActionSummary } from '../../../shared/board.ts';
import type { Me } from '../../../shared/me.ts';
import { ApiError } from '../api.ts';
import {
  type AgencyName,
  actionUrl,
  agencyName,
  canEditBoard,
  canReadBoard,
  downloadPlanCsv,
  dueText,
  EscalatedTag,
  loadAgencies,
  loadAllActions,
  NotAllowed,
  RAG_LABELS,
  RAGS,
  type Rag,
  RagTag,
  StatusTag,
  THEME_LABELS,
  THEMES,
  type Theme,
  ukToday,
} from '../board-views.ts';
import { boot, loadMe } from '../chrome.ts';
import {
  Button,
  ButtonLink,
  formatDate,
  Loading,
  mount,
  NotificationBanner,
  PageHeading,
  ProblemState,
  Select,
  setTitle,
} from '../ui.ts';

interface Filters {
  rag: string;
  theme: string;
  owner: string;
}

function readFilters(): Filters {
  const params = new URLSearchParams(window.location.search);
  return { rag: params.get('rag') ?? '', theme: params.get('theme') ?? '', owner: params.get('owner') ?? '' };
}

function writeFilters(filters: Filters): void {
  const params = new URLSearchParams();
  if (filters.rag) params.set('rag', filters.rag);
  if (filters.theme) params.set('theme', filters.theme);
  if (filters.owner) params.set('owner', filters.owner);
  const query = params.toString();
  window.history.replaceState(null, '', `/board/${query ? `?${query}` : ''}`);
}

function matches(action: ActionSummary, filters: Filters): boolean {
  return (
    (!filters.rag || action.rag === filters.rag) &&
    (!filters.theme || action.theme === filters.theme) &&
    (!filters.owner || action.ownerAgencyId === filters.owner)
  );
}

function describeFilters(filters: Filters, agencies: AgencyName[]): string {
  const parts = [
    filters.rag ? `RAG ${RAG_LABELS[filters.rag as Rag]?.toLowerCase() ?? filters.rag}` : '',
    filters.theme ? `theme ${THEME_LABELS[filters.theme as Theme] ?? filters.theme}` : '',
    filters.owner ? `owned by ${agencyName(agencies, filters.owner)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'every action';
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function PlanTable(props: { actions: ActionSummary[]; agencies: AgencyName[] }): VNode {
  return html`
    <table class="govuk-table app-board-table">
      <caption class="govuk-table__caption govuk-table__caption--m">Actions, soonest due first, then those complete</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header app-board-table__ref">Reference</th>
          <th scope="col" class="govuk-table__header">Action</th>
          <th scope="col" class="govuk-table__header">Theme</th>
          <th scope="col" class="govuk-table__header">Owner</th>
          <th scope="col" class="govuk-table__header">Due</th>
          <th scope="col" class="govuk-table__header">Status</th>
          <th scope="col" class="govuk-table__header app-board-table__rag">RAG</th>
          <th scope="col" class="govuk-table__header">Escalated</th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        ${props.actions.map(
          (a) => html`
            <tr class="govuk-table__row" key=${a.id}>
              <th scope="row" class="govuk-table__header app-board-table__ref" data-label="Reference">${a.reference}</th>
              <td class="govuk-table__cell app-board-table__title" data-label="Action">
                <a class="govuk-link" href=${actionUrl(a.id)}>${a.title}</a>
              </td>
              <td class="govuk-table__cell" data-label="Theme">${THEME_LABELS[a.theme] ?? a.theme}</td>
              <td class="govuk-table__cell" data-label="Owner">${agencyName(props.agencies, a.ownerAgencyId)}</td>
              <td class="govuk-table__cell" data-label="Due">${dueText(a)}</td>
              <td class="govuk-table__cell" data-label="Status"><${StatusTag} status=${a.status} /></td>
              <td class="govuk-table__cell app-board-table__rag" data-label="RAG">
                <${RagTag} rag=${a.rag} />
                <span class="app-board-reason">${a.ragReason}</span>
              </td>
              <td class="govuk-table__cell" data-label="Escalated">
                ${a.escalate ? html`<${EscalatedTag} />` : html`<span class="app-board-muted">No</span>`}
              </td>
            </tr>
          `,
        )}
      </tbody>
    </table>
  `;
}

function Plan(props: { me: Me; actions: ActionSummary[]; agencies: AgencyName[] }): VNode {
  const { actions, agencies } = props;
  const [filters, setFilters] = useState<Filters>(readFilters);
  const [download, setDownload] = useState<
    { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; name: string } | { kind: 'failed'; error: unknown }
  >({ kind: 'idle' });
  // Open actions soonest due first (as the API lists them), then the complete ones.
  const ordered = useMemo(
    () => [
      ...actions.filter((a) => a.status !== 'complete'),
      ...actions.filter((a) => a.status === 'complete'),
    ],
    [actions],
  );
  const shown = useMemo(() => ordered.filter((a) => matches(a, filters)), [ordered, filters]);
  const filtered = Boolean(filters.rag || filters.theme || filters.owner);
  const owners = useMemo(
    () =>
      [...new Set(actions.map((a) => a.ownerAgencyId))]
        .map((id) => ({ value: id, text: agencyName(agencies, id) }))
        .sort((a, b) => a.text.localeCompare(b.text, 'en-GB')),
    [actions, agencies],
  );
  const themes = useMemo(() => THEMES.filter((t) => actions.some((a) => a.theme === t)), [actions]);
  const rags = { red: 0, amber: 0, green: 0 };
  for (const a of actions) rags[a.rag]++;
  const today = ukToday();
  const overdue = actions.filter((a) => a.status !== 'complete' && a.effectiveDueDate < today).length;
  const escalated = actions.filter((a) => a.escalate).length;

  useEffect(
    () => setTitle(filtered ? `Action plan: ${describeFilters(filters, agencies)}` : 'Action plan'),
    [filters],
  );

  const change = (key: keyof Filters) => (value: string) => {
    const next = { ...filters, [key]: value };
    setFilters(next);
    writeFilters(next);
  };
  const clear = (event: Event) => {
    event.preventDefault();
    const next = { rag: '', theme: '', owner: '' };
    setFilters(next);
    writeFilters(next);
    document.getElementById('filter-rag')?.focus();
  };
  const onDownload = async () => {
    if (download.kind === 'busy') return;
    setDownload({ kind: 'busy' });
    try {
      setDownload({ kind: 'done', name: await downloadPlanCsv() });
    } catch (error) {
      setDownload({ kind: 'failed', error });
    }
  };

  return html`
    ${
      download.kind === 'failed'
        ? html`<${NotificationBanner} heading="The CSV could not be downloaded">
            <p class="govuk-body">
              ${
                download.error instanceof ApiError && download.error.status === 401
                  ? 'Your sign-in has ended. Sign in again, then download the CSV.'
                  : 'Try again in a few minutes. Nothing was changed.'
              }
            </p>
          </${NotificationBanner}>`
        : null
    }
    <${PageHeading} caption="Safeguarding partnership board" text="Action plan" />
    <p class="govuk-body-l">
      ${`${count(actions.length, 'action')}: ${rags.red} red, ${rags.amber} amber and ${rags.green} green. ${count(overdue, 'action is', 'actions are')} overdue and ${count(escalated, 'is', 'are')} escalated to the executive group.`}
    </p>
    <p class="govuk-body app-no-print">
      <a class="govuk-link" href="/dashboard/">See the plan and referrals in charts on the dashboard</a>
    </p>
    <p class="govuk-body app-print-only">
      Printed on ${formatDate(today)}. Showing ${describeFilters(filters, agencies)}: ${count(shown.length, 'action')}.
    </p>

    <div class="app-board-toolbar app-no-print">
      ${canEditBoard(props.me) ? html`<${ButtonLink} href="/board/new/" text="Add an action" />` : null}
      <${Button}
        type="button"
        variant="secondary"
        text=${download.kind === 'busy' ? 'Downloading…' : 'Download CSV for board papers'}
        disabled=${download.kind === 'busy'}
        onClick=${onDownload}
      />
      <${Button} type="button" variant="secondary" text="Print the plan" onClick=${() => window.print()} />
    </div>
    <p class="govuk-body app-no-print" role="status">
      ${download.kind === 'done' ? `Downloaded ${download.name}. It has every action in the plan, whatever the filters.` : ''}
    </p>

    <div class="app-board-filters app-no-print">
      <h2 class="govuk-heading-m">Filter the plan</h2>
      <div class="app-board-filters__row">
        <${Select}
          id="filter-rag"
          name="rag"
          label="RAG"
          value=${filters.rag}
          placeholder="Any RAG"
          options=${RAGS.map((r) => ({ value: r, text: RAG_LABELS[r] }))}
          onChange=${change('rag')}
        />
        <${Select}
          id="filter-theme"
          name="theme"
          label="Theme"
          value=${filters.theme}
          placeholder="Any theme"
          options=${themes.map((t) => ({ value: t, text: THEME_LABELS[t] }))}
          onChange=${change('theme')}
        />
        <${Select}
          id="filter-owner"
          name="owner"
          label="Owner agency"
          value=${filters.owner}
          placeholder="Any agency"
          options=${owners}
          onChange=${change('owner')}
        />
      </div>
      ${filtered ? html`<p class="govuk-body"><a class="govuk-link" href="/board/" onClick=${clear}>Clear filters</a></p>` : null}
    </div>

    <p class="govuk-body app-no-print" role="status" id="plan-count">
      ${filtered ? `Showing ${shown.length} of ${count(actions.length, 'action')}: ${describeFilters(filters, agencies)}` : `Showing all ${count(actions.length, 'action')}`}
    </p>
    ${
      actions.length === 0
        ? html`<p class="govuk-body">There are no actions in the plan yet.</p>`
        : shown.length === 0
          ? html`<p class="govuk-body">No actions match these filters. <a class="govuk-link" href="/board/" onClick=${clear}>Clear filters</a> to see the whole plan.</p>`
          : html`<${PlanTable} actions=${shown} agencies=${agencies} />`
    }
  `;
}

type State =
  | { kind: 'loading' }
  | { kind: 'not-allowed'; me: Me | null }
  | { kind: 'loaded'; me: Me; actions: ActionSummary[]; agencies: AgencyName[] }
  | { kind: 'failed'; error: unknown };

function PlanPage(): VNode {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const me = await loadMe();
        if (!canReadBoard(me) || !me) {
          if (live) setState({ kind: 'not-allowed', me });
          return;
        }
        const [actions, agencies] = await Promise.all([loadAllActions(), loadAgencies()]);
        if (live) setState({ kind: 'loaded', me, actions, agencies });
      } catch (error) {
        if (live) setState({ kind: 'failed', error });
      }
    })();
    return () => {
      live = false;
    };
  }, [attempt]);

  switch (state.kind) {
    case 'loading':
      return html`<${PageHeading} caption="Safeguarding partnership board" text="Action plan" /><${Loading} text="Loading the action plan…" />`;
    case 'not-allowed':
      return html`<${NotAllowed} me=${state.me} heading="Action plan" what="the board's action plan" />`;
    case 'failed':
      setTitle('Action plan');
      return html`
        <${PageHeading} caption="Safeguarding partnership board" text="Action plan" />
        <${ProblemState} error=${state.error} what="the action plan" onRetry=${() => {
          setState({ kind: 'loading' });
          setAttempt((n) => n + 1);
        }} />
      `;
    case 'loaded':
      return html`<${Plan} me=${state.me} actions=${state.actions} agencies=${state.agencies} />`;
  }
}

boot();
mount(html`<${PlanPage} />`);
