/**
 * /board/: the safeguarding partnership's action plan. Every action with its owner, due
 * date, status and RAG (with the reason), filtered by RAG, theme and owner in the page (the filters
 * are kept in the address, so a filtered plan can be shared, printed or come back to); the CSV for
 * board papers; a print-friendly plan; and, for board members, "Add an action". The front door reads.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { THEMES } from '../../../shared/board/labels.ts';
import type { ActionSummary } from '../../../shared/board/schema.ts';
import type { Me } from '../../../shared/directory/me.ts';
import { type AgencyName, agencyName, loadAgencies } from '../../platform/agencies.ts';
import { ApiError } from '../../platform/api.ts';
import { boot } from '../../platform/chrome.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import {
  Button,
  ButtonLink,
  formatDate,
  mount,
  NotificationBanner,
  PageHeading,
  plural,
  setTitle,
} from '../../platform/ui.ts';
import { downloadPlanCsv, loadAllActions } from '../api.ts';
import { BoardPageState, canEditBoard, canReadBoard, ukToday } from '../views.ts';
import {
  describeFilters,
  type Filters,
  isFiltered,
  matches,
  PlanFilters,
  readFilters,
  writeFilters,
} from './board/filters.ts';
import { PlanTable } from './board/plan-table.ts';

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
  const filtered = isFiltered(filters);
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

  const apply = (next: Filters) => {
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
      ${`${plural(actions.length, 'action')}: ${rags.red} red, ${rags.amber} amber and ${rags.green} green. ${plural(overdue, 'action is', 'actions are')} overdue and ${plural(escalated, 'is', 'are')} escalated to the executive group.`}
    </p>
    <p class="govuk-body app-no-print">
      <a class="govuk-link" href="/dashboard/">See the plan and referrals in charts on the dashboard</a>
    </p>
    <p class="govuk-body app-print-only">
      Printed on ${formatDate(today)}. Showing ${describeFilters(filters, agencies)}: ${plural(shown.length, 'action')}.
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

    <${PlanFilters} filters=${filters} themes=${themes} owners=${owners} onApply=${apply} onClear=${clear} />

    <p class="govuk-body app-no-print" role="status" id="plan-count">
      ${filtered ? `Showing ${shown.length} of ${plural(actions.length, 'action')}: ${describeFilters(filters, agencies)}` : `Showing all ${plural(actions.length, 'action')}`}
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

function PlanPage(): VNode {
  const { state, retry } = useSignedInLoad(canReadBoard, async () => {
    const [actions, agencies] = await Promise.all([loadAllActions(), loadAgencies()]);
    return { actions, agencies };
  });
  if (state.kind !== 'loaded') {
    return html`<${BoardPageState}
      state=${state}
      caption="Safeguarding partnership board"
      heading="Action plan"
      loading="Loading the action plan…"
      what="the action plan"
      readers="the board's action plan"
      onRetry=${retry}
    />`;
  }
  return html`<${Plan} me=${state.me} actions=${state.actions} agencies=${state.agencies} />`;
}

boot();
mount(html`<${PlanPage} />`);
