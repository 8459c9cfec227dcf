/**
 * The dashboard's threshold consistency by agency and quarter: how often the level the referrer's
 * indicators suggested matched the level the front door set, as a percentage and Cohen's kappa.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { isSuppressed } from '../../../../shared/platform/small-numbers.ts';
import { type AgencyName, agencyName } from '../../../platform/agencies.ts';
import { BarChart, type BarRow } from '../../../platform/charts/bars.ts';
import { HIDDEN_TEXT, Legend } from '../../../platform/charts/basics.ts';
import { FiguresTable } from '../../../platform/charts/figures.ts';
import { percent } from '../../../platform/ui.ts';
import type { ReferralStats } from '../../api.ts';
import {
  type Agreement,
  agreementText,
  countText,
  drawn,
  NO_FIGURES,
  PERCENT_AXIS,
  quarterLabel,
  quarterSeries,
  shareText,
  totalsOf,
} from './figures.ts';

interface ConsistencyRow {
  agencyId: string | null;
  name: string;
  /** Agreement of the suggested level, and of the referrer's own, with the decided one. */
  byQuarter: { quarter: string; agreement: Agreement; referrerAgreement: Agreement }[];
}

function consistencyRows(stats: ReferralStats, agencies: AgencyName[], quarters: string[]): ConsistencyRow[] {
  const agencyIds = [...new Set(stats.quarters.map((q) => q.agencyId))].sort((a, b) =>
    agencyName(agencies, a).localeCompare(agencyName(agencies, b), 'en-GB'),
  );
  const all: ConsistencyRow = {
    agencyId: null,
    name: 'All agencies',
    byQuarter: quarters.map((quarter) => {
      const { agreement, referrerAgreement } = totalsOf(stats, quarter);
      return { quarter, agreement, referrerAgreement };
    }),
  };
  return [
    all,
    ...agencyIds.map((id) => ({
      agencyId: id,
      name: agencyName(agencies, id),
      byQuarter: quarters.map((quarter) => {
        const found = stats.quarters.find((q) => q.agencyId === id && q.quarter === quarter) ?? NO_FIGURES;
        return { quarter, agreement: found.agreement, referrerAgreement: found.referrerAgreement };
      }),
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

export function Consistency(props: {
  stats: ReferralStats;
  agencies: AgencyName[];
  quarters: string[];
}): VNode {
  const quarters = props.quarters.slice(-4);
  if (quarters.length === 0)
    return html`<p class="govuk-body">No referrals have been decided yet, so there is nothing to compare.</p>`;
  const rows = consistencyRows(props.stats, props.agencies, quarters);
  const series = quarterSeries(quarters);
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
      referrals in a quarter, treat both with care. The table also compares the level the referrer themselves thought the
      child's needs were at with the Front Door's decision.
    </p>
    ${change ? html`<div class="govuk-inset-text app-dashboard-change">${change}</div>` : null}
    <${Legend} id="legend-quarters" series=${series} />
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
      series=${series}
      axis=${PERCENT_AXIS}
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
        { heading: 'The referrer’s own level agreed', numeric: true },
      ]}
      rows=${rows.flatMap((r) =>
        r.byQuarter.map(({ quarter, agreement: a, referrerAgreement }) => [
          `${r.name}, ${quarterLabel(quarter)}`,
          countText(a.n),
          countText(a.agreed),
          shareText(a.agreementPct),
          isSuppressed(a.kappa)
            ? HIDDEN_TEXT
            : a.kappa === null
              ? html`<span class="app-dashboard-note">Not given${a.kappaNote ? `: ${a.kappaNote}` : ''}</span>`
              : a.kappa.toFixed(2),
          agreementText(referrerAgreement),
        ]),
      )}
    />
  `;
}
