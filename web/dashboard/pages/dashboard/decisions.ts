/** The dashboard's decisions in a quarter: how many were made on time, and their outcomes. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { type Count, share } from '../../../../shared/platform/small-numbers.ts';
import { OUTCOME_LABELS } from '../../../../shared/referrals/labels.ts';
import type { Outcome } from '../../../../shared/referrals/schema.ts';
import { type AgencyName, agencyName } from '../../../platform/agencies.ts';
import { BarChart, type BarRow } from '../../../platform/charts/bars.ts';
import { BLUE, HIDDEN_TEXT } from '../../../platform/charts/basics.ts';
import { FiguresTable, KeyFigure } from '../../../platform/charts/figures.ts';
import type { QuarterFigures, ReferralStats } from '../../api.ts';
import { countText, drawn, onTimeText, PERCENT_AXIS, quarterLabel, shareText, totalsOf } from './figures.ts';

export function Timeliness(props: {
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
        label=${`of decisions made on time (by their priority’s clock) in ${quarterLabel(quarter)}`}
        detail=${`${countText(now.decidedOnTime)} of ${countText(now.decided)} decisions. ${comparison ?? ''}`}
      />
    </div>
    <${BarChart}
      id="chart-on-time"
      title=${`Decisions made on time, by the agency that referred, ${quarterLabel(quarter)}`}
      desc=${chartRows.map((r) => (r.kind === 'heading' ? r.label : `${r.label}: ${r.valueText}`)).join('. ')}
      rows=${chartRows}
      series=${{ value: BLUE }}
      axis=${PERCENT_AXIS}
    />
    <${FiguresTable}
      what="decisions on time"
      caption=${`Decisions made on time, ${quarterLabel(quarter)}`}
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

export function Outcomes(props: { stats: ReferralStats; quarter: string }): VNode {
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
