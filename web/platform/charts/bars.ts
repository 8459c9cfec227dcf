/**
 * Horizontal bar charts: single, stacked or grouped, drawn for the width they have (chart-basics.ts
 * says what every chart promises).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import {
  FONT,
  GRID,
  outline,
  PatternDef,
  paint,
  SECONDARY,
  type SeriesStyle,
  SMALL,
  TEXT,
  textWidth,
  useWidth,
  wrapText,
} from './basics.ts';

export interface BarSegment {
  key: string;
  value: number;
}

export type BarRow =
  | {
      kind?: 'bar';
      label: string;
      segments: BarSegment[];
      /** Written after the bar, e.g. "83% (15 of 18)" or "3 (1 overdue)". */
      valueText: string;
      /** Draw the label in bold (a total row). */
      strong?: boolean;
    }
  | { kind: 'heading'; label: string };

export interface Axis {
  max: number;
  ticks: number[];
  format: (n: number) => string;
}

/**
 * Horizontal bars, one row per category: one segment (a plain bar chart), several (stacked, in the
 * series' order) or rows under `heading` rows (grouped). Labels sit beside the bars when there is room
 * and above them on a phone; each bar ends with its value in words.
 */
export function BarChart(props: {
  id: string;
  title: string;
  desc: string;
  rows: BarRow[];
  series: Record<string, SeriesStyle>;
  axis?: Axis;
  /** Width of the label column as a share of the chart, at most. Default 0.4. */
  labelShare?: number;
  /** Shorter labels (e.g. quarters under an agency heading) are indented. */
  indentLabels?: boolean;
}): VNode {
  const [ref, width] = useWidth();
  const bars = props.rows.filter(
    (r): r is Extract<BarRow, { segments: BarSegment[] }> => r.kind !== 'heading',
  );
  const total = (r: { segments: BarSegment[] }) => r.segments.reduce((s, x) => s + x.value, 0);
  const max = props.axis?.max ?? Math.max(1, ...bars.map(total));
  const narrow = width < 520;
  const indent = props.indentLabels ? 12 : 0;
  const longest = Math.max(0, ...bars.map((r) => textWidth(r.label, FONT, r.strong)));
  const labelW = narrow ? 0 : Math.min(longest + 16 + indent, width * (props.labelShare ?? 0.4));
  // On a phone the value goes with the label, above the bar, so the bar has the whole width.
  const valueW = narrow
    ? 4
    : Math.min(Math.max(...bars.map((r) => textWidth(r.valueText, FONT)), 20) + 10, width * 0.45);
  const plotX = labelW;
  const plotW = Math.max(40, width - labelW - valueW);
  const barH = 28;
  const scale = (v: number) => (v / max) * plotW;

  const items: VNode[] = [];
  /** Where each bar is, for the grid lines (drawn behind the bars only, never through a label). */
  const bands: [number, number][] = [];
  let y = 4;
  for (const [index, row] of props.rows.entries()) {
    if (row.kind === 'heading') {
      y += index === 0 ? 0 : 10;
      const lines = wrapText(row.label, width, FONT, 2, true);
      items.push(html`
        <text key=${`h${index}`} x="0" y=${y + FONT} font-size=${FONT} font-weight="700" fill=${TEXT}>
          ${lines.map((line, i) => html`<tspan x="0" dy=${i === 0 ? 0 : 20} key=${i}>${line}</tspan>`)}
        </text>
      `);
      y += lines.length * 20 + 6;
      continue;
    }
    const labelLines = narrow
      ? wrapText(`${row.label}: ${row.valueText}`, width - indent, FONT, 4, row.strong)
      : wrapText(row.label, labelW - 16 - indent, FONT, 3, row.strong);
    const labelH = labelLines.length * 20;
    let barY: number;
    let labelY: number;
    if (narrow) {
      labelY = y + FONT;
      barY = y + labelH + 4;
      y = barY + barH + 14;
    } else {
      const rowH = Math.max(barH, labelH);
      barY = y + (rowH - barH) / 2;
      labelY = y + rowH / 2 - (labelLines.length * 20) / 2 + FONT - 1;
      y += rowH + 12;
    }
    bands.push([barY - 4, barY + barH + 4]);
    items.push(html`
      <text key=${`l${index}`} x=${indent} y=${labelY} font-size=${FONT} font-weight=${row.strong ? '700' : '400'} fill=${TEXT}>
        ${labelLines.map((line, i) => html`<tspan x=${indent} dy=${i === 0 ? 0 : 20} key=${i}>${line}</tspan>`)}
      </text>
    `);
    let x = plotX;
    // Values inside the segments only when there is more than one: otherwise the total says it.
    const stacked = row.segments.filter((seg) => seg.value > 0).length > 1;
    for (const seg of row.segments) {
      const style = props.series[seg.key];
      if (!style || seg.value <= 0) continue;
      const w = scale(seg.value);
      const label = String(seg.value);
      const edge = outline(style);
      items.push(html`
        <rect key=${`b${index}-${seg.key}`} x=${x} y=${barY} width=${w} height=${barH}
          fill=${paint(props.id, seg.key, style)}
          stroke=${edge ?? '#ffffff'} stroke-width=${edge ? 1.5 : 1} />
      `);
      if (stacked && w >= textWidth(label, FONT, true) + 10) {
        items.push(html`
          <text key=${`v${index}-${seg.key}`} x=${x + w / 2} y=${barY + barH / 2 + 5.5} text-anchor="middle"
            font-size=${FONT} font-weight="700" fill=${style.text}
            stroke=${style.fill} stroke-width="4" stroke-linejoin="round" paint-order="stroke">${label}</text>
        `);
      }
      x += w;
    }
    if (!narrow) {
      items.push(html`
        <text key=${`t${index}`} x=${x + 6} y=${barY + barH / 2 + 5.5} font-size=${FONT} fill=${TEXT}>${row.valueText}</text>
      `);
    }
  }
  const plotBottom = y - 6;
  const grid: VNode[] = [];
  const gridLines = (gx: number, colour: string, key: string) =>
    bands.map(
      ([top, bottom], i) =>
        html`<line key=${`${key}-${i}`} x1=${gx} x2=${gx} y1=${top} y2=${bottom} stroke=${colour} stroke-width="1" />`,
    );
  if (props.axis) {
    for (const tick of props.axis.ticks) {
      const gx = plotX + scale(tick);
      grid.push(html`
        ${gridLines(gx, GRID, `g${tick}`)}
        <text key=${`gt${tick}`} x=${gx} y=${plotBottom + 18} text-anchor=${tick === 0 ? 'start' : tick === props.axis.max ? 'end' : 'middle'}
          font-size=${SMALL} fill=${SECONDARY}>${props.axis.format(tick)}</text>
      `);
    }
    y = plotBottom + 26;
  } else {
    grid.push(html`${gridLines(plotX, TEXT, 'axis')}`);
  }
  const height = Math.ceil(y);
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  return html`
    <div class="app-chart" ref=${ref}>
      <svg class="app-chart__svg" viewBox=${`0 0 ${width} ${height}`} width=${width} height=${height}
        role="img" aria-labelledby=${titleId} aria-describedby=${descId} focusable="false">
        <title id=${titleId}>${props.title}</title>
        <desc id=${descId}>${props.desc}</desc>
        <defs>
          ${Object.entries(props.series).map(([key, style]) => html`<${PatternDef} key=${key} id=${`${props.id}-${key}`} style=${style} />`)}
        </defs>
        ${grid}
        ${items}
      </svg>
    </div>
  `;
}
