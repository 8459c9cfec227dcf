/**
 * /dashboard/: the partnership dashboard, for the board and the front door. Aggregate figures only,
 * never a child's details; counts below the small-number threshold, and counts that would let one be
 * worked out, arrive hidden from the API and read "not shown", never 0 and never a bar. Charts first, as the board's chair reads it on a
 * tablet; each chart's figures follow it as a table.
 *
 * - The action plan: actions by RAG, by theme and by owner agency (with how many are overdue), and the
 *   overdue and escalated actions themselves.
 * - Referrals: volumes by agency and month, decisions made on time (within one working day), the mix
 *   of outcomes, and threshold consistency by agency and quarter: how often the level the referrer's
 *   indicators suggested matched the level the front door set, as a percentage and Cohen's kappa.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { quarterOf } from '../../../shared/referrals/consistency.ts';
import { type AgencyName, type Dashboard, loadAgencies, type ReferralStats } from '../../board/api.ts';
import { BoardPageState, canReadBoard, percent } from '../../board/views.ts';
import { apiGet } from '../../platform/api.ts';
import { KeyFigure } from '../../platform/charts/figures.ts';
import { boot } from '../../platform/chrome.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import { formatDate, mount, PageHeading, ProblemState, setTitle } from '../../platform/ui.ts';
import { totalsOf } from './dashboard/figures.ts';
import { PlanFigures } from './dashboard/plan-section.ts';
import { Referrals } from './dashboard/referrals-section.ts';

const HEADING = 'Partnership dashboard';

function Section(props: { id: string; heading: string; children: unknown }): VNode {
  return html`
    <section class="app-dashboard__section" aria-labelledby=${props.id}>
      <h2 class="govuk-heading-l" id=${props.id}>${props.heading}</h2>
      ${props.children}
    </section>
  `;
}

// The page ------------------------------------------------------------------------------------------------

interface Figures {
  dashboard: Dashboard;
  agencies: AgencyName[];
  /** The referral figures fail on their own: the plan's still show. */
  stats: { ok: true; value: ReferralStats } | { ok: false; error: unknown };
}

async function loadFigures(): Promise<Figures> {
  const [dashboard, agencies, stats] = await Promise.all([
    apiGet<Dashboard>('/board/dashboard'),
    loadAgencies(),
    apiGet<ReferralStats>('/stats/referrals').then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  ]);
  return { dashboard, agencies, stats };
}

function KeyFigures(props: Pick<Figures, 'dashboard' | 'stats'>): VNode {
  const { dashboard: d, stats } = props;
  const quarter = quarterOf(d.today);
  const now = stats.ok ? totalsOf(stats.value, quarter) : null;
  return html`
    <div class="app-key-figures">
      <${KeyFigure} value=${String(d.total)} label="actions in the plan" />
      <${KeyFigure} value=${String(d.byRag.red)} label="red" tone=${d.byRag.red ? 'alert' : undefined} />
      <${KeyFigure} value=${String(d.overdue.length)} label="overdue" tone=${d.overdue.length ? 'alert' : undefined} />
      <${KeyFigure} value=${String(d.escalated.length)} label="escalated" tone=${d.escalated.length ? 'alert' : undefined} />
      ${
        now && typeof now.onTimePct === 'number'
          ? html`<${KeyFigure} value=${percent(now.onTimePct)} label="of decisions on time this quarter" />`
          : null
      }
    </div>
  `;
}

function DashboardPage(): VNode {
  const { state, retry, refresh } = useSignedInLoad(canReadBoard, loadFigures);
  useEffect(() => setTitle(HEADING), []);

  if (state.kind !== 'loaded') {
    return html`<${BoardPageState}
      state=${state}
      caption="Safeguarding partnership"
      heading=${HEADING}
      loading="Loading the figures…"
      what="the dashboard"
      readers="the partnership dashboard"
      onRetry=${retry}
    />`;
  }
  const { dashboard, agencies, stats } = state;
  return html`
    <${PageHeading} caption="Safeguarding partnership" text=${HEADING} />
    <p class="govuk-body-l">The action plan and early-help referrals in figures, as at ${formatDate(dashboard.today)}. Aggregate figures only: no child's details.</p>
    <${KeyFigures} dashboard=${dashboard} stats=${stats} />
    <nav class="app-dashboard-contents" aria-label="On this page">
      <h2 class="govuk-heading-s govuk-!-margin-bottom-1">On this page</h2>
      <ul class="govuk-list">
        <li><a class="govuk-link" href="#plan">The action plan</a></li>
        <li><a class="govuk-link" href="#referrals">Referrals, decisions on time and threshold consistency</a></li>
      </ul>
    </nav>
    <${Section} id="plan" heading="The action plan">
      <p class="govuk-body"><a class="govuk-link" href="/board/">See every action in the plan</a></p>
      <${PlanFigures} dashboard=${dashboard} />
    </${Section}>
    <${Section} id="referrals" heading="Referrals">
      ${
        stats.ok
          ? html`<${Referrals} stats=${stats.value} agencies=${agencies} today=${dashboard.today} />`
          : html`<${ProblemState} error=${stats.error} what="the referral figures" onRetry=${refresh} />`
      }
    </${Section}>
  `;
}

boot();
mount(html`<${DashboardPage} />`);
