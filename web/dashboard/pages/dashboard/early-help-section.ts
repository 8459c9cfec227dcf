/**
 * The dashboard's early-help section: the episodes open now by agency and level, the reviews overdue
 * today, and by quarter the standards met on time, step-ups and step-downs, re-referrals and the
 * outcomes at closure (early-help-quarters.ts). Figures arrive suppressed from the API; a count not
 * shown reads "not shown" and is never drawn.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { EpisodeStats } from '../../../../shared/early-help/stats.ts';
import { type Count, isSuppressed } from '../../../../shared/platform/small-numbers.ts';
import { type AgencyName, agencyName } from '../../../platform/agencies.ts';
import { BarChart, type BarRow } from '../../../platform/charts/bars.ts';
import { HIDDEN_TEXT, Legend, type SeriesStyle } from '../../../platform/charts/basics.ts';
import { FiguresTable, KeyFigure } from '../../../platform/charts/figures.ts';
import { AfterPaint } from '../../../platform/ui.ts';
import { Closures, ReReferrals, StandardsOnTime, Steps } from './early-help-quarters.ts';
import { countText } from './figures.ts';

/** Levels of need, told apart by pattern as well as colour (each at least 3:1 against white). */
const LEVEL_STYLES: Record<string, SeriesStyle> = {
  '1': { label: 'Level 1', fill: '#5694ca', text: '#0b0c0c' },
  '2': { label: 'Level 2', fill: '#1d70b8', pattern: 'dots', patternColour: '#b3d2ec', text: '#ffffff' },
  '3': { label: 'Level 3', fill: '#003078', pattern: 'hatch', patternColour: '#5694ca', text: '#ffffff' },
  '4': { label: 'Level 4', fill: '#0b0c0c', text: '#ffffff' },
};

/** The agency an episode is counted under, or that none leads it yet. */
export const leadName = (agencies: AgencyName[], agencyId: string | null) =>
  agencyId === null ? 'No agency leading yet' : agencyName(agencies, agencyId);

/** "3 at level 2, not shown at level 3" */
const byLevelText = (byLevel: Record<string, Count>) =>
  Object.entries(byLevel)
    .map(([level, n]) => `${countText(n)} at level ${level}`)
    .join(', ');

function OpenNow(props: { open: EpisodeStats['open']; agencies: AgencyName[] }): VNode {
  const { open, agencies } = props;
  if (open.total === 0) return html`<p class="govuk-body">No early-help episode is open.</p>`;
  const levels = Object.keys(open.byLevel).sort();
  const rows = [...open.agencies].sort((a, b) =>
    leadName(agencies, a.agencyId).localeCompare(leadName(agencies, b.agencyId), 'en-GB'),
  );
  // A bar is split by level only when every part of it is shown: a part hidden is never drawn.
  const bar = (total: Count, byLevel: Record<string, Count>, label: string, strong = false): BarRow => {
    const parts = Object.entries(byLevel);
    const whole = typeof total === 'number' && parts.every(([, n]) => typeof n === 'number');
    return {
      label,
      strong,
      segments: whole ? parts.map(([level, n]) => ({ key: level, value: n as number })) : [],
      valueText: isSuppressed(total) ? HIDDEN_TEXT : `${total} (${byLevelText(byLevel)})`,
    };
  };
  const chartRows: BarRow[] = [
    bar(open.total, open.byLevel, 'All agencies', true),
    ...rows.map((r) => bar(r.open, r.byLevel, leadName(agencies, r.agencyId))),
  ];
  const series = Object.fromEntries(levels.map((level) => [level, LEVEL_STYLES[level] as SeriesStyle]));
  return html`
    <${Legend} id="legend-eh-levels" series=${series} />
    <${BarChart}
      id="chart-eh-open"
      title="Early-help episodes open now, by the agency leading them and level of need"
      desc=${chartRows.map((r) => (r.kind === 'heading' ? r.label : `${r.label}: ${r.valueText}`)).join('. ')}
      rows=${chartRows}
      series=${series}
    />
    <${FiguresTable}
      what="early-help episodes open now"
      caption="Early-help episodes open now, by agency and level of need"
      columns=${[
        { heading: 'Agency leading' },
        ...levels.map((level) => ({ heading: `Level ${level}`, numeric: true })),
        { heading: 'Total', numeric: true },
      ]}
      rows=${rows.map((r) => [
        leadName(agencies, r.agencyId),
        ...levels.map((level) => countText(r.byLevel[level] ?? 0)),
        countText(r.open),
      ])}
      foot=${['All agencies', ...levels.map((level) => countText(open.byLevel[level] ?? 0)), countText(open.total)]}
    />
  `;
}

function overdueText(overdue: EpisodeStats['reviewsOverdue']): string {
  if (isSuppressed(overdue.count)) return HIDDEN_TEXT;
  return overdue.atLeast ? `${overdue.count}+` : String(overdue.count);
}

export function EarlyHelp(props: { stats: EpisodeStats; agencies: AgencyName[] }): VNode {
  const { stats, agencies } = props;
  const overdue = stats.reviewsOverdue;
  const late = isSuppressed(overdue.count) || overdue.count > 0;
  if (stats.quarterTotals.length === 0 && stats.open.total === 0)
    return html`<p class="govuk-body">No early-help episode has started this year.</p>`;
  return html`
    <p class="govuk-body">
      The early-help episodes that follow the Front Door's decisions of early help, counted under the agency leading each one
      (or asked to) when each thing happened. As above, counts of fewer than ${stats.smallNumbers.threshold} are not shown.
    </p>
    <div class="app-key-figures">
      <${KeyFigure} value=${countText(stats.open.total)} label="early-help episodes open now" />
      <${KeyFigure}
        value=${overdueText(overdue)}
        label="reviews overdue today"
        detail=${overdue.atLeast ? 'At least this many: the count stops there.' : undefined}
        tone=${late ? 'alert' : undefined}
      />
    </div>
    <${AfterPaint}>
      <h3 class="govuk-heading-m" id="eh-open">Episodes open now, by agency and level of need</h3>
      <${OpenNow} open=${stats.open} agencies=${agencies} />
    </${AfterPaint}>
    <${AfterPaint}>
      <h3 class="govuk-heading-m" id="eh-on-time">Standards met on time, by quarter</h3>
      <${StandardsOnTime} stats=${stats} />
    </${AfterPaint}>
    <${AfterPaint}>
      <h3 class="govuk-heading-m" id="eh-steps">Step-ups and step-downs, by quarter</h3>
      <${Steps} stats=${stats} />
      <h3 class="govuk-heading-m" id="eh-re-referrals">Re-referrals within 12 months, by quarter</h3>
      <${ReReferrals} stats=${stats} />
      <h3 class="govuk-heading-m" id="eh-closures">Outcomes at closure, by quarter</h3>
      <${Closures} stats=${stats} />
    </${AfterPaint}>
  `;
}
