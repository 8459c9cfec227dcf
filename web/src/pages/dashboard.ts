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
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Me } from '../../../shared/me.ts';
import type { Outcome } from '../../../shared/referral.ts';
import { type Count, isSuppressed, type Share, share } from '../../../shared/small-numbers.ts';
import { quarterOf } from '../../../shared/threshold-consistency.ts';
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
  type QuarterFigures,
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
  HIDDEN_MARK,
  HIDDEN_TEXT,
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

type Agreement = QuarterFigures['agreement'];

/** A count as written: the number, or "not shown". */
function countText(count: Count): string {
  return isSuppressed(count) ? HIDDEN_TEXT : String(count);
}

/** A percentage as written: "83%", "–" for nothing to measure, or "not shown". */
function shareText(value: Share): string {
  return isSuppressed(value) ? HIDDEN_TEXT : percent(value);
}

/** A count that can be drawn: hidden counts are not. */
const drawn = (count: Count | Share): number | null => (typeof count === 'number' ? count : null);

function kappaText(a: Agreement): string {
  if (isSuppressed(a.kappa)) return `kappa ${HIDDEN_TEXT}`;
  return a.kappa === null ? 'kappa not given' : `kappa ${a.kappa.toFixed(2)}`;
}

/** "4 of 12, kappa 0.31", "none decided" or "not shown". */
function agreementText(a: Agreement): string {
  if (a.n === 0) return 'none decided';
  if (typeof a.agreementPct !== 'number') return HIDDEN_TEXT;
  return `${percent(a.agreementPct)} of ${countText(a.n)}, ${kappaText(a)}`;
}

const NO_FIGURES: QuarterFigures = {
  decided: 0,
  decidedOnTime: 0,
  onTimePct: null,
  outcomes: {},
  agreement: { n: 0, agreed: 0, agreementPct: null, kappa: null },
};

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

function totalsOf(stats: ReferralStats, quarter: string): QuarterFigures {
  return stats.quarterTotals.find((q) => q.quarter === quarter) ?? NO_FIGURES;
}

function Volumes(props: { stats: ReferralStats; agencies: AgencyName[] }): VNode {
  const { stats, agencies } = props;
  const months = monthRange(stats.months.map((m) => m.month));
  const agencyIds = [...new Set(stats.months.map((m) => m.agencyId))].sort((a, b) =>
    agencyName(agencies, a).localeCompare(agencyName(agencies, b), 'en-GB'),
  );
  if (months.length === 0) return html`<p class="govuk-body">No referrals have been sent yet.</p>`;
  const count = (agencyId: string, month: string): Count =>
    stats.months.find((m) => m.agencyId === agencyId && m.month === month)?.submitted ?? 0;
  const agencyTotal = (id: string): Count =>
    stats.agencyTotals.find((a) => a.agencyId === id)?.submitted ?? 0;
  const monthTotal = (month: string): Count =>
    stats.monthTotals.find((m) => m.month === month)?.submitted ?? 0;
  const panels: ColumnPanel[] = agencyIds.map((id) => ({
    key: id,
    title: `${agencyName(agencies, id)} (${countText(agencyTotal(id))})`,
    values: months.map((m) => ({
      label: MONTHS[Number(m.slice(5, 7)) - 1] ?? m,
      long: monthLabel(m),
      value: drawn(count(id, m)),
    })),
  }));
  const first = months[0] ?? '';
  const last = months.at(-1) ?? '';
  const total = stats.submitted;
  return html`
    <p class="govuk-body">
      ${isSuppressed(total) ? 'Referrals' : plural(total, 'referral')} sent from ${monthLabel(first)} to ${monthLabel(last)}${isSuppressed(total) ? ` (the total is ${HIDDEN_TEXT})` : ''}. Each chart is one agency, on the same scale, so
      the bars compare across agencies.
    </p>
    <${SmallMultiples} id="chart-volumes" panels=${panels} what="Referrals sent by month" headingLevel=${4} />
    <${FiguresTable}
      what="referrals by agency and month"
      caption="Referrals sent, by agency and month"
      columns=${[{ heading: 'Agency' }, ...months.map((m) => ({ heading: MONTHS[Number(m.slice(5, 7)) - 1] ?? m, numeric: true })), { heading: 'Total', numeric: true }]}
      rows=${agencyIds.map((id) => [agencyName(agencies, id), ...months.map((m) => countText(count(id, m))), countText(agencyTotal(id))])}
      foot=${['All agencies', ...months.map((m) => countText(monthTotal(m))), countText(total)]}
    />
  `;
}

/** "83% (15 of 18)", or "not shown (18 decided)" when the share is hidden. */
function onTimeText(f: QuarterFigures): string {
  if (typeof f.onTimePct === 'number')
    return `${percent(f.onTimePct)} (${countText(f.decidedOnTime)} of ${countText(f.decided)})`;
  return `${HIDDEN_TEXT}${typeof f.decided === 'number' ? ` (${f.decided} decided)` : ''}`;
}

function Timeliness(props: {
  stats: ReferralStats;
  agencies: AgencyName[];
  quarter: string;
  previous: string | null;
}): VNode {
  const { agencies, quarter } = props;
  const now = totalsOf(props.stats, quarter);
  const before = props.previous ? totalsOf(props.stats, props.previous) : null;
  if (now.decided === 0) {
    return html`<p class="govuk-body">No referrals were decided in ${quarterLabel(quarter)}.</p>`;
  }
  const rows = props.stats.quarters
    .filter((q) => q.quarter === quarter)
    .sort((a, b) => agencyName(agencies, a.agencyId).localeCompare(agencyName(agencies, b.agencyId)));
  const bar = (f: QuarterFigures) => {
    const pct = drawn(f.onTimePct);
    return pct === null ? [] : [{ key: 'value', value: pct }];
  };
  const chartRows: BarRow[] = [
    { label: 'All agencies', strong: true, segments: bar(now), valueText: onTimeText(now) },
    ...rows.map((r) => ({
      label: agencyName(agencies, r.agencyId),
      segments: bar(r),
      valueText: onTimeText(r),
    })),
  ];
  const comparison =
    before && typeof before.onTimePct === 'number'
      ? `In ${quarterLabel(props.previous ?? '')}: ${onTimeText(before)}.`
      : null;
  return html`
    <div class="app-key-figures">
      <${KeyFigure}
        value=${shareText(now.onTimePct)}
        label=${`of decisions made within one working day in ${quarterLabel(quarter)}`}
        detail=${`${countText(now.decidedOnTime)} of ${countText(now.decided)} decisions. ${comparison ?? ''}`}
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
      rows=${rows.map((r) => [agencyName(agencies, r.agencyId), countText(r.decided), countText(r.decidedOnTime), shareText(r.onTimePct)])}
      foot=${['All agencies', countText(now.decided), countText(now.decidedOnTime), shareText(now.onTimePct)]}
    />
  `;
}

function Outcomes(props: { stats: ReferralStats; quarter: string }): VNode {
  const now = totalsOf(props.stats, props.quarter);
  if (now.decided === 0)
    return html`<p class="govuk-body">No referrals were decided in ${quarterLabel(props.quarter)}.</p>`;
  const threshold = props.stats.smallNumbers.threshold;
  // Largest first; the ones not shown last, in a fixed order.
  const entries = Object.entries(now.outcomes).sort(
    (a, b) => (drawn(b[1]) ?? -1) - (drawn(a[1]) ?? -1) || a[0].localeCompare(b[0]),
  );
  const label = (k: string) => OUTCOME_LABELS[k as Outcome] ?? k;
  const shareOf = (n: Count) => shareText(share(n, now.decided, threshold));
  return html`
    <${BarChart}
      id="chart-outcomes"
      title=${`Outcomes of referrals decided in ${quarterLabel(props.quarter)}`}
      desc=${entries.map(([k, n]) => `${label(k)}: ${countText(n)}`).join('. ')}
      rows=${entries.map(([k, n]) => ({
        label: label(k),
        segments: typeof n === 'number' ? [{ key: 'value', value: n }] : [],
        valueText: typeof n === 'number' ? `${n} (${shareOf(n)})` : HIDDEN_TEXT,
      }))}
      series=${{ value: BLUE }}
      labelShare=${0.5}
    />
    <${FiguresTable}
      what="outcomes"
      caption=${`Outcomes, ${quarterLabel(props.quarter)}`}
      columns=${[{ heading: 'Outcome' }, { heading: 'Referrals', numeric: true }, { heading: 'Share', numeric: true }]}
      rows=${entries.map(([k, n]) => [label(k), countText(n), shareOf(n)])}
      foot=${['Total', countText(now.decided), '100%']}
    />
  `;
}

interface ConsistencyRow {
  agencyId: string | null;
  name: string;
  byQuarter: { quarter: string; agreement: Agreement }[];
}

function consistencyRows(stats: ReferralStats, agencies: AgencyName[], quarters: string[]): ConsistencyRow[] {
  const agencyIds = [...new Set(stats.quarters.map((q) => q.agencyId))].sort((a, b) =>
    agencyName(agencies, a).localeCompare(agencyName(agencies, b), 'en-GB'),
  );
  const all: ConsistencyRow = {
    agencyId: null,
    name: 'All agencies',
    byQuarter: quarters.map((quarter) => ({ quarter, agreement: totalsOf(stats, quarter).agreement })),
  };
  return [
    all,
    ...agencyIds.map((id) => ({
      agencyId: id,
      name: agencyName(agencies, id),
      byQuarter: quarters.map((quarter) => ({
        quarter,
        agreement:
          stats.quarters.find((q) => q.agencyId === id && q.quarter === quarter)?.agreement ??
          NO_FIGURES.agreement,
      })),
    })),
  ];
}

/** The biggest change in agreement between an agency's first and latest quarter shown, in words. */
function biggestChange(rows: ConsistencyRow[]): string | null {
  let best: { text: string; size: number } | null = null;
  for (const row of rows.slice(1)) {
    const measured = row.byQuarter.filter((q) => typeof q.agreement.agreementPct === 'number');
    const first = measured[0];
    const last = measured.at(-1);
    if (!first || !last || first === last) continue;
    const from = drawn(first.agreement.agreementPct) ?? 0;
    const to = drawn(last.agreement.agreementPct) ?? 0;
    const size = to - from;
    if (!best || Math.abs(size) > Math.abs(best.size)) {
      best = {
        size,
        text: `${row.name}: agreement ${size >= 0 ? 'rose' : 'fell'} from ${percent(from)} in ${quarterLabel(first.quarter)} to ${percent(to)} in ${quarterLabel(last.quarter)}.`,
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
    ...row.byQuarter.map(({ quarter, agreement: a }) => {
      const pct = drawn(a.agreementPct);
      return {
        label: quarterLabel(quarter),
        segments: pct === null ? [] : [{ key: quarter, value: pct }],
        valueText: agreementText(a),
      };
    }),
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
            `${r.name}: ${r.byQuarter.map((q) => `${quarterLabel(q.quarter)} ${agreementText(q.agreement)}`).join('; ')}`,
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
        r.byQuarter.map(({ quarter, agreement: a }) => [
          `${r.name}, ${quarterLabel(quarter)}`,
          countText(a.n),
          countText(a.agreed),
          shareText(a.agreementPct),
          isSuppressed(a.kappa)
            ? HIDDEN_TEXT
            : a.kappa === null
              ? html`<span class="app-dashboard-note">Not given${a.kappaNote ? `: ${a.kappaNote}` : ''}</span>`
              : a.kappa.toFixed(2),
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
    <p class="govuk-body" id="small-numbers">
      Counts of fewer than ${stats.smallNumbers.threshold} are not shown, so that no child can be identified, and nor are
      other counts that would let one be worked out from a total. In the charts they are marked ${HIDDEN_MARK}.
    </p>
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
