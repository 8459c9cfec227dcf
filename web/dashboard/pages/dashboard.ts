/**
 * /dashboard/: the partnership dashboard, for the board and the front door. Aggregate figures only,
 * never a child's details; counts below the small-number threshold, and counts that would let one be
 * worked out, arrive hidden from the API and read "not shown", never 0 and never a bar. Charts first, as the board's chair reads it on a
 * tablet; each chart's figures follow it as a table.
 *
 * - The action plan: actions by RAG, by theme and by owner agency (with how many are overdue), and the
 *   overdue and escalated actions themselves.
 * - Referrals: volumes by agency and month, decisions made on time (by each priority’s clock), the mix
 *   of outcomes, and threshold consistency by agency and quarter: how often the level the referrer's
 *   indicators suggested matched the level the front door set, as a percentage and Cohen's kappa.
 * - Early help: episodes open now by agency and level, reviews overdue today, and by quarter the
 *   standards met on time, step-ups and step-downs, re-referrals and outcomes at closure.
 * - Threshold calibration: the indicators the front door most often decided at another level than they
 *   suggested, higher or lower, for the guidance editors to look at.
 * - Unmet need: the needs the front door found no service for, by quarter, beside the plan's
 *   joint-commissioning actions.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ActionSummary } from '../../../shared/board/schema.ts';
import type { EpisodeStats } from '../../../shared/early-help/stats.ts';
import type { GuidanceVersion } from '../../../shared/guidance/schema.ts';
import type { Calibration } from '../../../shared/referrals/calibration-schema.ts';
import { quarterOf } from '../../../shared/referrals/consistency.ts';
import { loadAllActions } from '../../board/api.ts';
import { BoardPageState, canReadBoard } from '../../board/views.ts';
import { type AgencyName, loadAgencies } from '../../platform/agencies.ts';
import { apiGet } from '../../platform/api.ts';
import { KeyFigure } from '../../platform/charts/figures.ts';
import { boot } from '../../platform/chrome.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import { formatDate, mount, PageHeading, ProblemState, percent, setTitle } from '../../platform/ui.ts';
import type { Dashboard, ReferralStats } from '../api.ts';
import { CalibrationFigures } from './dashboard/calibration.ts';
import { EarlyHelp } from './dashboard/early-help-section.ts';
import { totalsOf } from './dashboard/figures.ts';
import { PlanFigures } from './dashboard/plan-section.ts';
import { Referrals } from './dashboard/referrals-section.ts';
import { UnmetNeed } from './dashboard/unmet-need.ts';

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

/** A set of figures that fails on its own: the plan's still show. */
type Loaded<T> = { ok: true; value: T } | { ok: false; error: unknown };

const onItsOwn = <T>(load: Promise<T>): Promise<Loaded<T>> =>
  load.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

interface Figures {
  dashboard: Dashboard;
  agencies: AgencyName[];
  stats: Loaded<ReferralStats>;
  calibration: Loaded<Calibration>;
  episodes: Loaded<EpisodeStats>;
  actions: Loaded<ActionSummary[]>;
  /** The guidance's areas of need by id, to name the unmet needs (their ids when it cannot be read). */
  needNames: Map<string, string>;
  /** The indicators' texts by id, to name the most overridden. */
  indicatorNames: Map<string, string>;
}

async function loadFigures(): Promise<Figures> {
  const [dashboard, agencies, stats, episodes, actions, guidance, calibration] = await Promise.all([
    apiGet<Dashboard>('/board/dashboard'),
    loadAgencies(),
    onItsOwn(apiGet<ReferralStats>('/stats/referrals')),
    onItsOwn(apiGet<EpisodeStats>('/stats/episodes')),
    onItsOwn(loadAllActions()),
    onItsOwn(apiGet<GuidanceVersion>('/guidance')),
    onItsOwn(apiGet<Calibration>('/stats/referrals/calibration')),
  ]);
  const needNames = new Map(
    guidance.ok
      ? guidance.value.framework.domains.flatMap((d) => d.subDomains.map((s) => [s.id, s.name]))
      : [],
  );
  const indicatorNames = new Map(
    guidance.ok ? guidance.value.framework.indicators.map((i) => [i.id, i.text]) : [],
  );
  return { dashboard, agencies, stats, calibration, episodes, actions, needNames, indicatorNames };
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
  const { dashboard, agencies, stats, calibration, episodes, actions, needNames, indicatorNames } = state;
  return html`
    <${PageHeading} caption="Safeguarding partnership" text=${HEADING} />
    <p class="govuk-body-l">The action plan, early-help referrals and early-help episodes in figures, as at ${formatDate(dashboard.today)}. Aggregate figures only: no child's details.</p>
    <${KeyFigures} dashboard=${dashboard} stats=${stats} />
    <nav class="app-dashboard-contents" aria-label="On this page">
      <h2 class="govuk-heading-s govuk-!-margin-bottom-1">On this page</h2>
      <ul class="govuk-list">
        <li><a class="govuk-link" href="#plan">The action plan</a></li>
        <li><a class="govuk-link" href="#referrals">Referrals, decisions on time and threshold consistency</a></li>
        <li><a class="govuk-link" href="#calibration">Threshold calibration: the indicators most often overridden</a></li>
        <li><a class="govuk-link" href="#early-help">Early help: episodes open, standards met on time, step-ups and step-downs</a></li>
        <li><a class="govuk-link" href="#unmet-need">Unmet need: what no service fitted, and the plan’s joint commissioning</a></li>
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
    <${Section} id="calibration" heading="Threshold calibration">
      ${
        calibration.ok
          ? html`<${CalibrationFigures}
              figures=${calibration.value}
              indicatorName=${(id: string) => indicatorNames.get(id) ?? id}
            />`
          : html`<${ProblemState} error=${calibration.error} what="the calibration figures" onRetry=${refresh} />`
      }
    </${Section}>
    <${Section} id="early-help" heading="Early help">
      ${
        episodes.ok
          ? html`<${EarlyHelp} stats=${episodes.value} agencies=${agencies} />`
          : html`<${ProblemState} error=${episodes.error} what="the early-help figures" onRetry=${refresh} />`
      }
    </${Section}>
    <${Section} id="unmet-need" heading="Unmet need">
      ${
        stats.ok
          ? html`<${UnmetNeed}
              quarters=${stats.value.unmetNeed}
              actions=${actions.ok ? actions.value : null}
              needName=${(id: string) => needNames.get(id) ?? id}
            />`
          : html`<${ProblemState} error=${stats.error} what="the unmet need" onRetry=${refresh} />`
      }
    </${Section}>
  `;
}

boot();
mount(html`<${DashboardPage} />`);
