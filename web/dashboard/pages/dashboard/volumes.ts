/** The dashboard's referral volumes: one small column chart per agency, by month, on one scale. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { type Count, isSuppressed } from '../../../../shared/platform/small-numbers.ts';
import { type AgencyName, agencyName } from '../../../platform/agencies.ts';
import { HIDDEN_TEXT } from '../../../platform/charts/basics.ts';
import { type ColumnPanel, SmallMultiples } from '../../../platform/charts/columns.ts';
import { FiguresTable } from '../../../platform/charts/figures.ts';
import { plural } from '../../../platform/ui.ts';
import type { ReferralStats } from '../../api.ts';
import { countText, drawn, MONTHS, monthLabel, monthRange } from './figures.ts';

export function Volumes(props: { stats: ReferralStats; agencies: AgencyName[] }): VNode {
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
