/**
 * The dashboard's charts with their figures: a bar chart, and after it the same figures as a table,
 * so the numbers are there for anyone who cannot read the chart.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { Count } from '../../../../shared/platform/small-numbers.ts';
import { type Axis, BarChart, type BarRow } from '../../../platform/charts/bars.ts';
import { BLUE, type SeriesStyle } from '../../../platform/charts/basics.ts';
import { FiguresTable, type TableColumn } from '../../../platform/charts/figures.ts';
import { countText } from './figures.ts';

/** One bar for a count: none drawn for 0 or a hidden count, whose words say which. */
export const countBar = (label: string, n: Count): BarRow => ({
  label,
  segments: typeof n === 'number' && n > 0 ? [{ key: 'value', value: n }] : [],
  valueText: countText(n),
});

/**
 * A bar chart and, after it, the same figures as a table: the chart's title is the table's caption,
 * and its description reads every bar in words.
 */
export function Charted(props: {
  id: string;
  title: string;
  what: string;
  rows: BarRow[];
  series?: Record<string, SeriesStyle>;
  axis?: Axis;
  labelShare?: number;
  columns: TableColumn[];
  table: string[][];
}): VNode {
  const grouped = props.rows.some((r) => r.kind === 'heading');
  return html`
    <${BarChart}
      id=${props.id}
      title=${props.title}
      desc=${props.rows.map((r) => (r.kind === 'heading' ? `${r.label}:` : `${r.label}: ${r.valueText}`)).join(' ')}
      rows=${props.rows}
      series=${props.series ?? { value: BLUE }}
      axis=${props.axis}
      indentLabels=${grouped}
      labelShare=${props.labelShare}
    />
    <${FiguresTable} what=${props.what} caption=${props.title} columns=${props.columns} rows=${props.table} />
  `;
}
