/**
 * /dashboard/: the partnership dashboard (issue 5, journey 6), for the board and the front door.
 * Aggregate figures only, never a child's details. Charts first, as the board's chair reads it on a
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
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Me } from '../../../shared/me.ts';
import type { Outcome } from '../../../shared/referral.ts';
import {
  agreementFromMatrix,
  emptyMatrix,
  quarterOf,
  type ThresholdAgreement,
} from '../../../shared/threshold-consistency.ts';
import { apiGet } from '../api.ts';
import {
  type AgencyName,
  actionUrl,
  agencyName,
  canReadBoard,
  type Dashboard,
  dueText,
  loadAgencies,
  NotAllowed,
  percent,
  RAG_LABELS,
  RAGS,
  type ReferralStats,
  THEME_LABELS,
} from '../board-views.ts';
import {
  BarChart,
  type BarRow,
  BLUE,
  type ColumnPanel,
  FiguresTable,
  KeyFigure,
  Legend,
  QUARTER_FILLS,
  RAG_STYLES,
  type SeriesStyle,
  SmallMultiples,
} from '../charts.ts';
import { boot, loadMe } from '../chrome.ts';
import { OUTCOME_LABELS } from '../referral-labels.ts';
import { AfterPaint, Loading, mount, PageHeading, ProblemState, Select, setTitle } from '../ui.ts';

const HEADING = 'Partnership dashboard';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-Q4" → "Oct to Dec 2026" */
function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  const first = (Number(q) - 1) * 3;
  return `${MONTHS[first] ?? '?'} to ${MONTHS[first + 2] ?? '?'} ${year}`;
}

/** "2026-06" → "June 2026" */
function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}

/** Every month from the first to the last, so a month with no referrals shows as 0, not as a gap. */
function monthRange(months: string[]): string[] {
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  for (let i = 0; i < 120; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function kappaText(a: ThresholdAgreement): string {
  return a.kappa === null ? 'kappa not given' : `kappa ${a.kappa.toFixed(2)}`;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function addMatrix(into: number[][], add: number[][]): void {
  for (let s = 0; s < 4; s++) {
    const row = into[s];
    if (!row) continue;
    for (let d = 0; d < 4; d++) row[d] = (row[d] ?? 0) + (add[s]?.[d] ?? 0);
  }
}

function Section(props: { id: string; heading: string; children: unknown }): VNode {
  return html`
    <section class="app-dashboard__section" aria-labelledby=${props.id}>
      <h2 class="govuk-heading-l" id=${props.id}>${props.heading}</h2>
      ${props.children}
    </section>
  `;
}

// The action plan ---------------------------------------------------------------------------------------

function PlanFigures(props: { dashboard: Dashboard }): VNode {
  const d = props.dashboard;
  if (d.total === 0) {
    return html`<p class="govuk-body">There are no actions in the plan yet. <a class="govuk-link" href="/board/">Go to the action plan</a></p>`;
  }
  const ragRows: BarRow[] = RAGS.map((rag) => ({
    label: RAG_LABELS[rag],
    segments: [{ key: rag, value: d.byRag[rag] }],
    valueText: `${d.byRag[rag]} (${percent((100 * d.byRag[rag]) / d.total)})`,
  }));
  const themes = [...d.byTheme].sort(
    (a, b) =>
      b.red - a.red || b.amber - a.amber || THEME_LABELS[a.theme].localeCompare(THEME_LABELS[b.theme]),
  );
  const themeRows: BarRow[] = themes.map((t) => ({
    label: THEME_LABELS[t.theme],
    segments: RAGS.map((rag) => ({ key: rag, value: t[rag] })),
    valueText: String(t.red + t.amber + t.green),
  }));
  const owners = [...d.byOwner].sort(
    (a, b) => b.overdue - a.overdue || b.red - a.red || a.agencyName.localeCompare(b.agencyName),
  );
  const ownerRows: BarRow[] = owners.map((o) => ({
    label: o.agencyName,
    segments: RAGS.map((rag) => ({ key: rag, value: o[rag] })),
    valueText: `${o.red + o.amber + o.green}${o.overdue ? ` (${o.overdue} overdue)` : ''}`,
  }));
  const ragWords = (c: { red: number; amber: number; green: number }) =>
    `${c.red} red, ${c.amber} amber, ${c.green} green`;

  return html`
    <h3 class="govuk-heading-m" id="by-rag">Actions by RAG</h3>
    <${BarChart}
      id="chart-rag"
      title="Actions by RAG rating"
      desc=${`${plural(d.total, 'action')}: ${ragWords(d.byRag)}.`}
      rows=${ragRows}
      series=${RAG_STYLES}
      labelShare=${0.25}
    />
    <${FiguresTable}
      what="actions by RAG"
      caption="Actions by RAG rating"
      columns=${[{ heading: 'RAG' }, { heading: 'Actions', numeric: true }, { heading: 'Share', numeric: true }]}
      rows=${RAGS.map((rag) => [RAG_LABELS[rag], d.byRag[rag], percent((100 * d.byRag[rag]) / d.total)])}
      foot=${['Total', d.total, '100%']}
    />

    <${AfterPaint}>
      <h3 class="govuk-heading-m" id="by-theme">Actions by theme</h3>
      <${Legend} id="legend-theme" series=${RAG_STYLES} />
      <${BarChart}
        id="chart-theme"
        title="Actions by theme, split by RAG rating"
        desc=${themes.map((t) => `${THEME_LABELS[t.theme]}: ${ragWords(t)}`).join('. ')}
        rows=${themeRows}
        series=${RAG_STYLES}
      />
      <${FiguresTable}
        what="actions by theme"
        caption="Actions by theme and RAG rating"
        columns=${[
          { heading: 'Theme' },
          { heading: 'Red', numeric: true },
          { heading: 'Amber', numeric: true },
          { heading: 'Green', numeric: true },
          { heading: 'Total', numeric: true },
        ]}
        rows=${themes.map((t) => [THEME_LABELS[t.theme], t.red, t.amber, t.green, t.red + t.amber + t.green])}
      />
    </${AfterPaint}>

    <${AfterPaint}>
      <h3 class="govuk-heading-m" id="by-owner">Actions by owner agency</h3>
      <p class="govuk-body">Agencies with overdue actions first. After each bar: how many actions the agency owns, and how many of them are overdue.</p>
      <${Legend} id="legend-owner" series=${RAG_STYLES} />
      <${BarChart}
        id="chart-owner"
        title="Actions by owner agency, split by RAG rating, with overdue actions"
        desc=${owners.map((o) => `${o.agencyName}: ${ragWords(o)}; ${o.overdue} overdue`).join('. ')}
        rows=${ownerRows}
        series=${RAG_STYLES}
      />
      <${FiguresTable}
        what="actions by owner agency"
        caption="Actions by owner agency and RAG rating"
        columns=${[
          { heading: 'Owner agency' },
          { heading: 'Red', numeric: true },
          { heading: 'Amber', numeric: true },
          { heading: 'Green', numeric: true },
          { heading: 'Total', numeric: true },
          { heading: 'Overdue', numeric: true },
        ]}
        rows=${owners.map((o) => [o.agencyName, o.red, o.amber, o.green, o.red + o.amber + o.green, o.overdue])}
      />
    </${AfterPaint}>

    <${AfterPaint}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half">
          <h3 class="govuk-heading-m" id="overdue">Overdue actions (${d.overdue.length})</h3>
          ${
            d.overdue.length === 0
              ? html`<p class="govuk-body">No action is overdue.</p>`
              : html`<ul class="govuk-list app-dashboard-list">
                  ${d.overdue.map(
                    (a) => html`
                      <li key=${a.id}>
                        <a class="govuk-link" href=${actionUrl(a.id)}>${a.reference}: ${a.title}</a>
                        <span class="app-dashboard-list__meta">
                          ${owners.find((o) => o.agencyId === a.ownerAgencyId)?.agencyName ?? a.ownerAgencyId}. Due ${dueText(a)}. ${a.ragReason}.
                        </span>
                      </li>
                    `,
                  )}
                </ul>`
          }
        </div>
        <div class="govuk-grid-column-one-half">
          <h3 class="govuk-heading-m" id="escalated">Escalated to the executive group (${d.escalated.length})</h3>
          ${
            d.escalated.length === 0
              ? html`<p class="govuk-body">No action is escalated.</p>`
              : html`<ul class="govuk-list app-dashboard-list">
                  ${d.escalated.map(
                    (a) => html`
                      <li key=${a.id}>
                        <a class="govuk-link" href=${actionUrl(a.id)}>${a.reference}: ${a.title}</a>
                        <span class="app-dashboard-list__meta">
                          ${owners.find((o) => o.agencyId === a.ownerAgencyId)?.agencyName ?? a.ownerAgencyId}. ${a.escalationReasons.join('; ')}.
                        </span>
                      </li>
                    `,
                  )}
                </ul>`
          }
        </div>
      </div>
    </${AfterPaint}>
  `;
}

// Referrals ---------------------------------------------------------------------------------------------

interface QuarterFigures {
  decided: number;
  onTime: number;
  outcomes: Map<string, number>;
  byAgency: { agencyId: string; decided: number; onTime: number }[];
}

function quarterFigures(stats: ReferralStats, quarter: string): QuarterFigures {
  const rows = stats.quarters.filter((q) => q.quarter === quarter);
  const outcomes = new Map<string, number>();
  for (const r of rows)
    for (const [k, n] of Object.entries(r.outcomes)) outcomes.set(k, (outcomes.get(k) ?? 0) + n);
  return {
    decided: sum(rows.map((r) => r.decided)),
    onTime: sum(rows.map((r) => r.decidedOnTime)),
    outcomes,
    byAgency: rows.map((r) => ({ agencyId: r.agencyId, decided: r.decided, onTime: r.decidedOnTime })),
  };
}

function Volumes(props: { stats: ReferralStats; agencies: AgencyName[] }): VNode {
  const { stats, agencies } = props;
  const months = monthRange(stats.months.map((m) => m.month));
  const agencyIds = [...new Set(stats.months.map((m) => m.agencyId))].sort((a, b) =>
    agencyName(agencies, a).localeCompare(agencyName(agencies, b), 'en-GB'),
  );
  if (months.length === 0) return html`<p class="govuk-body">No referrals have been sent yet.</p>`;
  const count = (agencyId: string, month: string) =>
    stats.months.find((m) => m.agencyId === agencyId && m.month === month)?.submitted ?? 0;
  const total = sum(stats.months.map((m) => m.submitted));
  const panels: ColumnPanel[] = agencyIds.map((id) => ({
    key: id,
    title: `${agencyName(agencies, id)} (${sum(months.map((m) => count(id, m)))})`,
    values: months.map((m) => ({
      label: MONTHS[Number(m.slice(5, 7)) - 1] ?? m,
      long: monthLabel(m),
      value: count(id, m),
    })),
  }));
  const first = months[0] ?? '';
  const last = months.at(-1) ?? '';
  return html`
    <p class="govuk-body">
      ${plural(total, 'referral')} sent from ${monthLabel(first)} to ${monthLabel(last)}. Each chart is one agency, on the same scale, so
      the bars compare across agencies.
    </p>
    <${SmallMultiples} id="chart-volumes" panels=${panels} what="Referrals sent by month" headingLevel=${4} />
    <${FiguresTable}
      what="referrals by agency and month"
      caption="Referrals sent, by agency and month"
      columns=${[{ heading: 'Agency' }, ...months.map((m) => ({ heading: MONTHS[Number(m.slice(5, 7)) - 1] ?? m, numeric: true })), { heading: 'Total', numeric: true }]}
      rows=${agencyIds.map((id) => [agencyName(agencies, id), ...months.map((m) => count(id, m)), sum(months.map((m) => count(id, m)))])}
      foot=${['All agencies', ...months.map((m) => sum(agencyIds.map((id) => count(id, m)))), total]}
    />
  `;
}

function Timeliness(props: {
  stats: ReferralStats;
  agencies: AgencyName[];
  quarter: string;
  previous: string | null;
}): VNode {
  const { agencies, quarter } = props;
  const now = quarterFigures(props.stats, quarter);
  const before = props.previous ? quarterFigures(props.stats, props.previous) : null;
  if (now.decided === 0) {
    return html`<p class="govuk-body">No referrals were decided in ${quarterLabel(quarter)}.</p>`;
  }
  const pct = (100 * now.onTime) / now.decided;
  const rows = [...now.byAgency].sort((a, b) =>
    agencyName(agencies, a.agencyId).localeCompare(agencyName(agencies, b.agencyId)),
  );
  const chartRows: BarRow[] = [
    {
      label: 'All agencies',
      strong: true,
      segments: [{ key: 'value', value: pct }],
      valueText: `${percent(pct)} (${now.onTime} of ${now.decided})`,
    },
    ...rows.map((r) => ({
      label: agencyName(agencies, r.agencyId),
      segments: [{ key: 'value', value: r.decided ? (100 * r.onTime) / r.decided : 0 }],
      valueText: `${percent(r.decided ? (100 * r.onTime) / r.decided : null)} (${r.onTime} of ${r.decided})`,
    })),
  ];
  const comparison =
    before && before.decided > 0
      ? `In ${quarterLabel(props.previous ?? '')}: ${percent((100 * before.onTime) / before.decided)} (${before.onTime} of ${before.decided}).`
      : null;
  return html`
    <div class="app-key-figures">
      <${KeyFigure}
        value=${percent(pct)}
        label=${`of decisions made within one working day in ${quarterLabel(quarter)}`}
        detail=${`${now.onTime} of ${now.decided} decisions. ${comparison ?? ''}`}
      />
    </div>
    <${BarChart}
      id="chart-on-time"
      title=${`Decisions made on time, by the agency that referred, ${quarterLabel(quarter)}`}
      desc=${chartRows.map((r) => (r.kind === 'heading' ? r.label : `${r.label}: ${r.valueText}`)).join('. ')}
      rows=${chartRows}
      series=${{ value: BLUE }}
      axis=${{ max: 100, ticks: [0, 25, 50, 75, 100], format: (n: number) => `${n}%` }}
    />
    <${FiguresTable}
      what="decisions on time"
      caption=${`Decisions made within one working day, ${quarterLabel(quarter)}`}
      columns=${[
        { heading: 'Referring agency' },
        { heading: 'Decided', numeric: true },
        { heading: 'On time', numeric: true },
        { heading: 'Share on time', numeric: true },
      ]}
      rows=${rows.map((r) => [agencyName(agencies, r.agencyId), r.decided, r.onTime, percent(r.decided ? (100 * r.onTime) / r.decided : null)])}
      foot=${['All agencies', now.decided, now.onTime, percent(pct)]}
    />
  `;
}

function Outcomes(props: { stats: ReferralStats; quarter: string }): VNode {
  const now = quarterFigures(props.stats, props.quarter);
  if (now.decided === 0)
    return html`<p class="govuk-body">No referrals were decided in ${quarterLabel(props.quarter)}.</p>`;
  const total = sum([...now.outcomes.values()]);
  const entries = [...now.outcomes.entries()].sort((a, b) => b[1] - a[1]);
  const label = (k: string) => OUTCOME_LABELS[k as Outcome] ?? k;
  return html`
    <${BarChart}
      id="chart-outcomes"
      title=${`Outcomes of referrals decided in ${quarterLabel(props.quarter)}`}
      desc=${entries.map(([k, n]) => `${label(k)}: ${n}`).join('. ')}
      rows=${entries.map(([k, n]) => ({ label: label(k), segments: [{ key: 'value', value: n }], valueText: `${n} (${percent((100 * n) / total)})` }))}
      series=${{ value: BLUE }}
      labelShare=${0.5}
    />
    <${FiguresTable}
      what="outcomes"
      caption=${`Outcomes, ${quarterLabel(props.quarter)}`}
      columns=${[{ heading: 'Outcome' }, { heading: 'Referrals', numeric: true }, { heading: 'Share', numeric: true }]}
      rows=${entries.map(([k, n]) => [label(k), n, percent((100 * n) / total)])}
      foot=${['Total', total, '100%']}
    />
  `;
}

interface ConsistencyRow {
  agencyId: string | null;
  name: string;
  byQuarter: { quarter: string; agreement: ThresholdAgreement }[];
}

function consistencyRows(stats: ReferralStats, agencies: AgencyName[], quarters: string[]): ConsistencyRow[] {
  const agencyIds = [...new Set(stats.quarters.map((q) => q.agencyId))].sort((a, b) =>
    agencyName(agencies, a).localeCompare(agencyName(agencies, b), 'en-GB'),
  );
  const all: ConsistencyRow = {
    agencyId: null,
    name: 'All agencies',
    byQuarter: quarters.map((quarter) => {
      const m = emptyMatrix();
      for (const q of stats.quarters.filter((x) => x.quarter === quarter)) addMatrix(m, q.matrix);
      return { quarter, agreement: agreementFromMatrix(m) };
    }),
  };
  return [
    all,
    ...agencyIds.map((id) => ({
      agencyId: id,
      name: agencyName(agencies, id),
      byQuarter: quarters.map((quarter) => {
        const row = stats.quarters.find((q) => q.agencyId === id && q.quarter === quarter);
        return { quarter, agreement: agreementFromMatrix(row?.matrix ?? emptyMatrix()) };
      }),
    })),
  ];
}

/** The biggest change in agreement between an agency's first and latest quarter, in words. */
function biggestChange(rows: ConsistencyRow[]): string | null {
  let best: { text: string; size: number } | null = null;
  for (const row of rows.slice(1)) {
    const measured = row.byQuarter.filter((q) => q.agreement.agreementPct !== null);
    const first = measured[0];
    const last = measured.at(-1);
    if (!first || !last || first === last) continue;
    const size = (last.agreement.agreementPct ?? 0) - (first.agreement.agreementPct ?? 0);
    if (!best || Math.abs(size) > Math.abs(best.size)) {
      best = {
        size,
        text: `${row.name}: agreement ${size >= 0 ? 'rose' : 'fell'} from ${percent(first.agreement.agreementPct)} in ${quarterLabel(first.quarter)} to ${percent(last.agreement.agreementPct)} in ${quarterLabel(last.quarter)}.`,
      };
    }
  }
  return best && best.size !== 0 ? best.text : null;
}

function Consistency(props: { stats: ReferralStats; agencies: AgencyName[]; quarters: string[] }): VNode {
  const quarters = props.quarters.slice(-4);
  if (quarters.length === 0)
    return html`<p class="govuk-body">No referrals have been decided yet, so there is nothing to compare.</p>`;
  const rows = consistencyRows(props.stats, props.agencies, quarters);
  const quarterSeries: Record<string, SeriesStyle> = Object.fromEntries(
    quarters.map((q, i) => [
      q,
      { label: quarterLabel(q), fill: QUARTER_FILLS[i] ?? BLUE.fill, text: '#ffffff' },
    ]),
  );
  const chartRows: BarRow[] = rows.flatMap((row): BarRow[] => [
    { kind: 'heading', label: row.name },
    ...row.byQuarter.map(({ quarter, agreement: a }) => ({
      label: quarterLabel(quarter),
      segments: [{ key: quarter, value: a.agreementPct ?? 0 }],
      valueText: a.n === 0 ? 'none decided' : `${percent(a.agreementPct)} of ${a.n}, ${kappaText(a)}`,
    })),
  ]);
  const change = biggestChange(rows);
  return html`
    <p class="govuk-body">
      How often the level of need that a referrer's chosen indicators suggested was the level the Front Door decided. Kappa
      discounts the agreement that would happen by chance: 1 is perfect agreement, 0 no better than chance. With only a few
      referrals in a quarter, treat both with care.
    </p>
    ${change ? html`<div class="govuk-inset-text app-dashboard-change">${change}</div>` : null}
    <${Legend} id="legend-quarters" series=${quarterSeries} />
    <${BarChart}
      id="chart-consistency"
      title="Threshold consistency: agreement between the suggested and decided level of need, by agency and quarter"
      desc=${rows
        .map(
          (r) =>
            `${r.name}: ${r.byQuarter
              .map(
                (q) =>
                  `${quarterLabel(q.quarter)} ${q.agreement.n === 0 ? 'none decided' : `${percent(q.agreement.agreementPct)} of ${q.agreement.n}, ${kappaText(q.agreement)}`}`,
              )
              .join('; ')}`,
        )
        .join('. ')}
      rows=${chartRows}
      series=${quarterSeries}
      axis=${{ max: 100, ticks: [0, 25, 50, 75, 100], format: (n: number) => `${n}%` }}
      indentLabels=${true}
      labelShare=${0.3}
    />
    <${FiguresTable}
      what="threshold consistency"
      caption="Threshold consistency by agency and quarter"
      columns=${[
        { heading: 'Agency and quarter' },
        { heading: 'Decided', numeric: true },
        { heading: 'Agreed', numeric: true },
        { heading: 'Agreement', numeric: true },
        { heading: 'Kappa', numeric: true },
      ]}
      rows=${rows.flatMap((r) =>
        r.byQuarter.map((q) => [
          `${r.name}, ${quarterLabel(q.quarter)}`,
          q.agreement.n,
          q.agreement.agreed,
          percent(q.agreement.agreementPct),
          q.agreement.kappa === null
            ? html`<span class="app-dashboard-note">Not given: ${q.agreement.kappaNote}</span>`
            : q.agreement.kappa.toFixed(2),
        ]),
      )}
    />
  `;
}

function Referrals(props: { stats: ReferralStats; agencies: AgencyName[]; today: string }): VNode {
  const { stats, agencies } = props;
  const quarters = useMemo(() => [...new Set(stats.quarters.map((q) => q.quarter))].sort(), [stats]);
  const current = quarterOf(props.today);
  const initial = new URLSearchParams(window.location.search).get('quarter');
  const [quarter, setQuarter] = useState(
    initial && quarters.includes(initial)
      ? initial
      : quarters.includes(current)
        ? current
        : (quarters.at(-1) ?? current),
  );
  const index = quarters.indexOf(quarter);
  const previous = index > 0 ? (quarters[index - 1] ?? null) : null;
  const choose = (q: string) => {
    setQuarter(q);
    window.history.replaceState(null, '', q === current ? '/dashboard/' : `/dashboard/?quarter=${q}`);
  };
  return html`
    <${AfterPaint}>
      <h3 class="govuk-heading-m" id="volumes">Referrals by agency and month</h3>
      <${Volumes} stats=${stats} agencies=${agencies} />
    </${AfterPaint}>

    <${AfterPaint}>
      <h3 class="govuk-heading-m" id="consistency">Threshold consistency by agency</h3>
      <${Consistency} stats=${stats} agencies=${agencies} quarters=${quarters} />
    </${AfterPaint}>

    <${AfterPaint}>
      <div class="app-dashboard-quarter">
        <h3 class="govuk-heading-m" id="quarter-figures">Decisions ${quarter === current ? 'this quarter' : `in ${quarterLabel(quarter)}`}</h3>
        ${
          quarters.length > 1
            ? html`<${Select}
                id="quarter"
                name="quarter"
                label="Show the decisions of"
                value=${quarter}
                options=${[...quarters].reverse().map((q) => ({ value: q, text: `${quarterLabel(q)}${q === current ? ' (this quarter)' : ''}` }))}
                onChange=${choose}
              />`
            : null
        }
      </div>
      <h4 class="govuk-heading-s" id="on-time">Decisions on time</h4>
      <${Timeliness} stats=${stats} agencies=${agencies} quarter=${quarter} previous=${previous} />
      <h4 class="govuk-heading-s" id="outcomes">Outcomes</h4>
      <${Outcomes} stats=${stats} quarter=${quarter} />
    </${AfterPaint}>
  `;
}

// The page ------------------------------------------------------------------------------------------------

type Loaded = {
  kind: 'loaded';
  me: Me;
  dashboard: Dashboard;
  agencies: AgencyName[];
  stats: { ok: true; value: ReferralStats } | { ok: false; error: unknown };
};
type State =
  | { kind: 'loading' }
  | { kind: 'not-allowed'; me: Me | null }
  | Loaded
  | { kind: 'failed'; error: unknown };

function KeyFigures(props: { state: Loaded }): VNode {
  const { dashboard: d, stats } = props.state;
  const quarter = quarterOf(d.today);
  const now = stats.ok ? quarterFigures(stats.value, quarter) : null;
  return html`
    <div class="app-key-figures">
      <${KeyFigure} value=${String(d.total)} label="actions in the plan" />
      <${KeyFigure} value=${String(d.byRag.red)} label="red" tone=${d.byRag.red ? 'alert' : undefined} />
      <${KeyFigure} value=${String(d.overdue.length)} label="overdue" tone=${d.overdue.length ? 'alert' : undefined} />
      <${KeyFigure} value=${String(d.escalated.length)} label="escalated" tone=${d.escalated.length ? 'alert' : undefined} />
      ${
        now && now.decided > 0
          ? html`<${KeyFigure} value=${percent((100 * now.onTime) / now.decided)} label="of decisions on time this quarter" />`
          : null
      }
    </div>
  `;
}

function DashboardPage(): VNode {
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
        const [dashboard, agencies, stats] = await Promise.all([
          apiGet<Dashboard>('/board/dashboard'),
          loadAgencies(),
          apiGet<ReferralStats>('/stats/referrals').then(
            (value) => ({ ok: true as const, value }),
            (error: unknown) => ({ ok: false as const, error }),
          ),
        ]);
        if (live) setState({ kind: 'loaded', me, dashboard, agencies, stats });
      } catch (error) {
        if (live) setState({ kind: 'failed', error });
      }
    })();
    return () => {
      live = false;
    };
  }, [attempt]);
  useEffect(() => setTitle(HEADING), []);

  if (state.kind === 'loading') {
    return html`<${PageHeading} caption="Safeguarding partnership" text=${HEADING} /><${Loading} text="Loading the figures…" />`;
  }
  if (state.kind === 'not-allowed')
    return html`<${NotAllowed} me=${state.me} heading=${HEADING} what="the partnership dashboard" />`;
  if (state.kind === 'failed') {
    return html`
      <${PageHeading} caption="Safeguarding partnership" text=${HEADING} />
      <${ProblemState} error=${state.error} what="the dashboard" onRetry=${() => {
        setState({ kind: 'loading' });
        setAttempt((n) => n + 1);
      }} />
    `;
  }
  const { dashboard, agencies, stats } = state;
  return html`
    <${PageHeading} caption="Safeguarding partnership" text=${HEADING} />
    <p class="govuk-body-l">The action plan and early-help referrals in figures, as at ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${dashboard.today}T00:00:00Z`))}. Aggregate figures only: no child's details.</p>
    <${KeyFigures} state=${state} />
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
          : html`<${ProblemState} error=${stats.error} what="the referral figures" onRetry=${() => setAttempt((n) => n + 1)} />`
      }
    </${Section}>
  `;
}

boot();
mount(html`<${DashboardPage} />`);
