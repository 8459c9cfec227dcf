/**
 * The early-help section's figures by quarter (the partnership's, for the year's last four
 * quarters): the standards met on time, step-ups and step-downs, re-referrals, and outcomes at
 * closure. Each chart is followed by its figures as a table.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import {
  CLOSURE_REASON_LABELS,
  type ClosureReason,
  TIMER_LABELS,
} from '../../../../shared/early-help/labels.ts';
import type { EpisodeQuarterFigures, EpisodeStats, Timeliness } from '../../../../shared/early-help/stats.ts';
import { type Count, isSuppressed, share } from '../../../../shared/platform/small-numbers.ts';
import type { BarRow } from '../../../platform/charts/bars.ts';
import { HIDDEN_TEXT, Legend } from '../../../platform/charts/basics.ts';
import { percent } from '../../../platform/ui.ts';
import { Charted, countBar } from './charted.ts';
import { countText, drawn, PERCENT_AXIS, quarterLabel, quarterSeries, shareText } from './figures.ts';

interface QuarterProps {
  stats: EpisodeStats;
}

/** The partnership's figures for each of the last four quarters, oldest first. */
const lastFour = (props: QuarterProps) =>
  [...props.stats.quarterTotals]
    .sort((a, b) => a.quarter.localeCompare(b.quarter))
    .slice(-4)
    .map((f) => ({ quarter: f.quarter, f }));

const STANDARDS = [
  { key: 'allocation', kind: 'lead' },
  { key: 'assessment', kind: 'assessment' },
  { key: 'plan', kind: 'plan' },
  { key: 'review', kind: 'review' },
] as const;

/** "83% (15 of 18)", "none met", or "not shown (18 met)" when the share is hidden. */
function onTimeText(t: Timeliness): string {
  if (t.met === 0) return 'none met';
  if (typeof t.onTimePct === 'number')
    return `${percent(t.onTimePct)} (${countText(t.onTime)} of ${countText(t.met)})`;
  return `${HIDDEN_TEXT}${typeof t.met === 'number' ? ` (${t.met} met)` : ''}`;
}

export function StandardsOnTime(props: QuarterProps): VNode {
  const quarters = lastFour(props);
  if (quarters.length === 0) return html`<p class="govuk-body">Nothing has been met yet this year.</p>`;
  const series = quarterSeries(quarters.map((q) => q.quarter));
  const rows: BarRow[] = STANDARDS.flatMap(({ key, kind }): BarRow[] => [
    { kind: 'heading', label: TIMER_LABELS[kind] },
    ...quarters.map(({ quarter, f }) => {
      const pct = drawn(f[key].onTimePct);
      return {
        label: quarterLabel(quarter),
        segments: pct === null ? [] : [{ key: quarter, value: pct }],
        valueText: onTimeText(f[key]),
      };
    }),
  ]);
  return html`
    <p class="govuk-body">
      How often each step of the partnership's early-help standards was met within its working days: a lead practitioner
      accepting the episode, the Early Help Assessment, the plan and each review.
    </p>
    <${Legend} id="legend-eh-quarters" series=${series} />
    <${Charted}
      id="chart-eh-on-time"
      title="Early-help standards met on time, by quarter"
      what="early-help standards met on time"
      rows=${rows}
      series=${series}
      axis=${PERCENT_AXIS}
      labelShare=${0.3}
      columns=${[
        { heading: 'Standard and quarter' },
        { heading: 'Met', numeric: true },
        { heading: 'On time', numeric: true },
        { heading: 'Share on time', numeric: true },
      ]}
      table=${STANDARDS.flatMap(({ key, kind }) =>
        quarters.map(({ quarter, f }) => [
          `${TIMER_LABELS[kind]}, ${quarterLabel(quarter)}`,
          countText(f[key].met),
          countText(f[key].onTime),
          shareText(f[key].onTimePct),
        ]),
      )}
    />
  `;
}

const STEP_LABELS = {
  up: 'Stepped up to children’s social care',
  down: 'Stepped down to universal services',
  from: 'Begun as a step-down from social care',
};

export function Steps(props: QuarterProps): VNode {
  const quarters = lastFour(props).map(({ quarter, f }) => ({
    quarter,
    up: f.closures.stepped_up ?? 0,
    down: f.closures.stepped_down ?? 0,
    from: f.fromStepDown,
  }));
  if (quarters.every((q) => q.up === 0 && q.down === 0 && q.from === 0))
    return html`<p class="govuk-body">No episode has stepped up or down this year.</p>`;
  const rows: BarRow[] = quarters.flatMap((q): BarRow[] => [
    { kind: 'heading', label: quarterLabel(q.quarter) },
    countBar(STEP_LABELS.up, q.up),
    countBar(STEP_LABELS.down, q.down),
    countBar(STEP_LABELS.from, q.from),
  ]);
  return html`
    <p class="govuk-body">
      Step-ups are episodes a review closed by referring the child back to the Front Door; step-downs, those closed to
      universal services, and those that began as a step-down from social care.
    </p>
    <${Charted}
      id="chart-eh-steps"
      title="Early-help step-ups and step-downs, by quarter"
      what="early-help step-ups and step-downs"
      rows=${rows}
      labelShare=${0.45}
      columns=${[
        { heading: 'Quarter' },
        { heading: 'Stepped up', numeric: true },
        { heading: 'Stepped down', numeric: true },
        { heading: 'Begun as a step-down', numeric: true },
      ]}
      table=${quarters.map((q) => [quarterLabel(q.quarter), countText(q.up), countText(q.down), countText(q.from)])}
    />
  `;
}

/** "3 of 24 started (13%)", "not shown (of 24 started)" or "0; the number started is not shown". */
function reReferredText(f: EpisodeQuarterFigures, shareShown: string): string {
  if (isSuppressed(f.started))
    return isSuppressed(f.reReferred) ? HIDDEN_TEXT : `${f.reReferred}; the number started is ${HIDDEN_TEXT}`;
  if (isSuppressed(f.reReferred)) return `${HIDDEN_TEXT} (of ${f.started} started)`;
  return `${f.reReferred} of ${f.started} started (${shareShown})`;
}

export function ReReferrals(props: QuarterProps): VNode {
  const quarters = lastFour(props);
  const threshold = props.stats.smallNumbers.threshold;
  if (quarters.every(({ f }) => f.started === 0))
    return html`<p class="govuk-body">No early-help episode has started this year.</p>`;
  const shareOf = (f: EpisodeQuarterFigures) => shareText(share(f.reReferred, f.started, threshold));
  const rows: BarRow[] = quarters.map(({ quarter, f }) => ({
    ...countBar(quarterLabel(quarter), f.reReferred),
    valueText: reReferredText(f, shareOf(f)),
  }));
  return html`
    <p class="govuk-body">Episodes started for a child whose earlier early-help episode closed in the 12 months before.</p>
    <${Charted}
      id="chart-eh-re-referrals"
      title="Early-help re-referrals within 12 months, by quarter"
      what="early-help re-referrals"
      rows=${rows}
      columns=${[
        { heading: 'Quarter' },
        { heading: 'Episodes started', numeric: true },
        { heading: 'Re-referrals', numeric: true },
        { heading: 'Share', numeric: true },
      ]}
      table=${quarters.map(({ quarter, f }) => [quarterLabel(quarter), countText(f.started), countText(f.reReferred), shareOf(f)])}
    />
  `;
}

export function Closures(props: QuarterProps): VNode {
  const quarters = lastFour(props).filter(({ f }) => f.closed !== 0);
  if (quarters.length === 0)
    return html`<p class="govuk-body">No early-help episode has closed this year.</p>`;
  const reasonsOf = (f: EpisodeQuarterFigures) =>
    (Object.entries(f.closures) as [ClosureReason, Count][]).sort(
      (a, b) => (drawn(b[1]) ?? -1) - (drawn(a[1]) ?? -1) || a[0].localeCompare(b[0]),
    );
  const rows: BarRow[] = quarters.flatMap(({ quarter, f }): BarRow[] => [
    {
      kind: 'heading',
      label: isSuppressed(f.closed)
        ? `${quarterLabel(quarter)} (the number closed is ${HIDDEN_TEXT})`
        : `${quarterLabel(quarter)}: ${f.closed} closed`,
    },
    ...reasonsOf(f).map(([reason, n]) => countBar(CLOSURE_REASON_LABELS[reason], n)),
  ]);
  return html`
    <${Charted}
      id="chart-eh-closures"
      title="Early-help episodes closed, by reason and quarter"
      what="early-help outcomes at closure"
      rows=${rows}
      labelShare=${0.45}
      columns=${[{ heading: 'Quarter and reason' }, { heading: 'Closed', numeric: true }]}
      table=${quarters.flatMap(({ quarter, f }) => [
        ...reasonsOf(f).map(([reason, n]) => [
          `${quarterLabel(quarter)}: ${CLOSURE_REASON_LABELS[reason]}`,
          countText(n),
        ]),
        [`${quarterLabel(quarter)}: every reason`, countText(f.closed)],
      ])}
    />
  `;
}
