/**
 * Charts drawn in the page as SVG (charts, not tables alone), for a board chair reading on a tablet as
 * much as a manager at a desk:
 *
 * - Each chart is laid out for the width it actually has (measured), in a viewBox of that many units,
 *   so text is real size on a phone as on a desktop, and the SVG scales with `width: 100%` in between.
 * - Each is one `role="img"` with a <title> and a <desc> that say what it shows and its figures, and is
 *   followed by the same figures as a table (`FiguresTable`, in a "Show the figures as a table" details).
 * - Colour is never the only signal: every bar carries its value as text, the RAG colours also differ
 *   by pattern (amber hatched, green dotted), and the legend shows the patterns with their names.
 * - Only presentation attributes: a strict CSP forbids `style` attributes.
 * - A count that is not shown (small-number suppression) is never drawn as a bar or as 0: a bar row
 *   gets no segments and says so in its value text; a column gets `HIDDEN_MARK` and its title says
 *   `HIDDEN_TEXT`.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, RefObject, VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** What a count that is not shown reads as, in words and where there is room for one character. */
export const HIDDEN_TEXT = 'not shown';
export const HIDDEN_MARK = '*';

// Colours ---------------------------------------------------------------------------------------------

export interface SeriesStyle {
  label: string;
  fill: string;
  /** Texture on top of the fill, so series differ by more than colour. */
  pattern?: 'hatch' | 'dots';
  /** The pattern's colour. */
  patternColour?: string;
  /** The colour of a value written inside the bar. */
  text: string;
}

/** GOV.UK's red, orange and green. Orange is below 3:1 against white, so it is hatched and outlined. */
export const RAG_STYLES: Record<'red' | 'amber' | 'green', SeriesStyle> = {
  red: { label: 'Red', fill: '#d4351c', text: '#ffffff' },
  amber: { label: 'Amber', fill: '#f47738', pattern: 'hatch', patternColour: '#6e3619', text: '#0b0c0c' },
  green: { label: 'Green', fill: '#00703c', pattern: 'dots', patternColour: '#85c7a3', text: '#ffffff' },
};

export const BLUE: SeriesStyle = { label: '', fill: '#1d70b8', text: '#ffffff' };
/** Quarters, oldest to newest: light blue to dark blue (then black), each at least 3:1 against white. */
export const QUARTER_FILLS = ['#5694ca', '#1d70b8', '#003078', '#0b0c0c'];

const TEXT = '#0b0c0c';
const SECONDARY = '#484949';
const GRID = '#b1b4b6';
const FONT = 16;
const SMALL = 14;

/** A generous estimate of a string's width in Arial at `size` px (no measuring: it must not reflow). */
export function textWidth(text: string, size = FONT, bold = false): number {
  let units = 0;
  for (const ch of text) {
    if ("il.,:;|!'’ ".includes(ch)) units += 0.3;
    else if ('mwMW@%'.includes(ch)) units += 0.85;
    else if (/[A-Z0-9–—]/.test(ch)) units += 0.66;
    else units += 0.53;
  }
  return units * size * (bold ? 1.08 : 1);
}

/** Splits text into lines no wider than `width`, at spaces; at most `max` lines (the last ends "…"). */
export function wrapText(text: string, width: number, size = FONT, max = 3, bold = false): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length > max) {
    const kept = lines.slice(0, max);
    kept[max - 1] = `${kept[max - 1]}…`;
    return kept;
  }
  return lines;
}

// Measuring -----------------------------------------------------------------------------------------------

/** The width in CSS pixels the chart has, kept up to date as the window or the tablet turns. */
export function useWidth(initial = 640): [RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

// Patterns and the legend -----------------------------------------------------------------------------

/** The <pattern> for a series, under an id unique to the SVG it is in. */
function PatternDef(props: { id: string; style: SeriesStyle }): VNode | null {
  const { id, style } = props;
  if (style.pattern === 'hatch') {
    return html`
      <pattern id=${id} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
        <rect width="8" height="8" fill=${style.fill} />
        <line x1="0" y1="0" x2="0" y2="8" stroke=${style.patternColour ?? TEXT} stroke-width="3" />
      </pattern>
    `;
  }
  if (style.pattern === 'dots') {
    return html`
      <pattern id=${id} patternUnits="userSpaceOnUse" width="8" height="8">
        <rect width="8" height="8" fill=${style.fill} />
        <circle cx="4" cy="4" r="1.6" fill=${style.patternColour ?? '#ffffff'} />
      </pattern>
    `;
  }
  return null;
}

const paint = (prefix: string, key: string, style: SeriesStyle) =>
  style.pattern ? `url(#${prefix}-${key})` : style.fill;

/** A series' outline: the hatched orange needs one to stand out from white (WCAG 1.4.11). */
const outline = (style: SeriesStyle) => (style.fill === '#f47738' ? style.patternColour : undefined);

export function Legend(props: { id: string; series: Record<string, SeriesStyle>; keys?: string[] }): VNode {
  const keys = props.keys ?? Object.keys(props.series);
  return html`
    <ul class="app-chart-legend" aria-hidden="true">
      ${keys.map((key) => {
        const style = props.series[key];
        if (!style) return null;
        const pid = `${props.id}-legend-${key}`;
        return html`
          <li class="app-chart-legend__item" key=${key}>
            <svg class="app-chart-legend__swatch" viewBox="0 0 20 20" width="20" height="20" focusable="false">
              <defs><${PatternDef} id=${pid} style=${style} /></defs>
              <rect x="1" y="1" width="18" height="18" fill=${style.pattern ? `url(#${pid})` : style.fill}
                stroke=${outline(style) ?? style.fill} stroke-width="2" />
            </svg>
            ${style.label}
          </li>
        `;
      })}
    </ul>
  `;
}

// The figures as a table -----------------------------------------------------------------------------------

export interface TableColumn {
  heading: string;
  numeric?: boolean;
}

/**
 * The chart's figures as a GOV.UK table in a details component: the accessible alternative, and what
 * someone copying figures into board papers wants. `what` names the chart for screen readers.
 */
export function FiguresTable(props: {
  what: string;
  caption: string;
  columns: TableColumn[];
  /** The first cell of each row is its header. */
  rows: (string | number | VNode)[][];
  foot?: (string | number)[];
  open?: boolean;
}): VNode {
  return html`
    <details class="govuk-details app-chart-details" open=${props.open ?? false}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">
          Show the figures as a table<span class="govuk-visually-hidden">: ${props.what}</span>
        </span>
      </summary>
      <div class="govuk-details__text">
        <div class="app-table-scroll" role="region" aria-label=${props.caption} tabindex="0">
          <table class="govuk-table govuk-table--small-text-until-tablet app-chart-table">
            <caption class="govuk-table__caption govuk-table__caption--s">${props.caption}</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                ${props.columns.map(
                  (c) =>
                    html`<th scope="col" class=${`govuk-table__header${c.numeric ? ' govuk-table__header--numeric' : ''}`} key=${c.heading}>${c.heading}</th>`,
                )}
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              ${props.rows.map(
                (row, r) => html`
                  <tr class="govuk-table__row" key=${r}>
                    ${row.map((cell, i) =>
                      i === 0
                        ? html`<th scope="row" class="govuk-table__header" key=${i}>${cell}</th>`
                        : html`<td class=${`govuk-table__cell${props.columns[i]?.numeric ? ' govuk-table__cell--numeric' : ''}`} key=${i}>${cell}</td>`,
                    )}
                  </tr>
                `,
              )}
            </tbody>
            ${
              props.foot
                ? html`<tfoot>
                    <tr class="govuk-table__row app-chart-table__total">
                      ${props.foot.map((cell, i) =>
                        i === 0
                          ? html`<th scope="row" class="govuk-table__header" key=${i}>${cell}</th>`
                          : html`<td class=${`govuk-table__cell${props.columns[i]?.numeric ? ' govuk-table__cell--numeric' : ''}`} key=${i}>${cell}</td>`,
                      )}
                    </tr>
                  </tfoot>`
                : null
            }
          </table>
        </div>
      </div>
    </details>
  `;
}

// Horizontal bars: single, stacked or grouped ----------------------------------------------------------------

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

// Small multiples: one column chart per category, on the same scale -------------------------------------------

export interface ColumnPanel {
  key: string;
  title: string;
  /** `value` null: a count that is not shown. */
  values: { label: string; long: string; value: number | null }[];
}

/** One small column chart: bars with their values above and their labels below. */
function ColumnChart(props: {
  id: string;
  panel: ColumnPanel;
  width: number;
  max: number;
  fill: string;
  what: string;
}): VNode {
  const { panel, width, max } = props;
  const n = Math.max(1, panel.values.length);
  const top = 24;
  const plotH = 110;
  const slot = width / n;
  const barW = Math.max(6, Math.min(40, slot * 0.62));
  const labelSize = slot < 34 ? 12 : SMALL;
  const height = top + plotH + 26;
  const summary = panel.values.map((v) => `${v.long}: ${v.value ?? HIDDEN_TEXT}`).join(', ');
  const titleId = `${props.id}-title`;
  return html`
    <svg class="app-chart__svg" viewBox=${`0 0 ${width} ${height}`} width=${width} height=${height}
      role="img" aria-labelledby=${titleId} focusable="false">
      <title id=${titleId}>${`${props.what}, ${panel.title}: ${summary}`}</title>
      <line x1="0" x2=${width} y1=${top + plotH} y2=${top + plotH} stroke=${TEXT} stroke-width="1" />
      ${panel.values.map((v, i) => {
        const h = max > 0 && v.value !== null ? (v.value / max) * plotH : 0;
        const cx = slot * i + slot / 2;
        return html`
          <g key=${v.label}>
            ${h > 0 ? html`<rect x=${cx - barW / 2} y=${top + plotH - h} width=${barW} height=${h} fill=${props.fill} />` : null}
            <text x=${cx} y=${top + plotH - h - 5} text-anchor="middle" font-size=${SMALL} font-weight="700" fill=${TEXT}>${v.value ?? HIDDEN_MARK}</text>
            <text x=${cx} y=${top + plotH + 18} text-anchor="middle" font-size=${labelSize} fill=${SECONDARY}>${v.label}</text>
          </g>
        `;
      })}
    </svg>
  `;
}

/**
 * A grid of small column charts on one scale (3 across on a desktop, 2 on a tablet, 1 on a phone), so
 * each category reads on its own and they compare at a glance.
 */
export function SmallMultiples(props: {
  id: string;
  panels: ColumnPanel[];
  what: string;
  headingLevel?: 3 | 4;
  fill?: string;
}): VNode {
  const [ref, width] = useWidth();
  const columns = width >= 900 ? 3 : width >= 540 ? 2 : 1;
  const gap = 30;
  const panelW = Math.floor((width - gap * (columns - 1)) / columns);
  const max = Math.max(1, ...props.panels.flatMap((p) => p.values.map((v) => v.value ?? 0)));
  const Heading = `h${props.headingLevel ?? 4}`;
  return html`
    <div class="app-chart" ref=${ref}>
      <ul class=${`app-multiples app-multiples--${columns}`}>
        ${props.panels.map(
          (panel, i) => html`
            <li class="app-multiples__item" key=${panel.key}>
              <${Heading} class="govuk-heading-s app-multiples__title">${panel.title}</${Heading}>
              <${ColumnChart} id=${`${props.id}-${i}`} panel=${panel} width=${panelW} max=${max}
                fill=${props.fill ?? BLUE.fill} what=${props.what} />
            </li>
          `,
        )}
      </ul>
    </div>
  `;
}

/** A headline figure: the number large, what it is below. */
export function KeyFigure(props: {
  value: string;
  label: string;
  detail?: ComponentChildren;
  tone?: 'alert';
}): VNode {
  return html`
    <div class=${`app-key-figure${props.tone === 'alert' ? ' app-key-figure--alert' : ''}`}>
      <p class="app-key-figure__value">${props.value}</p>
      <p class="app-key-figure__label">${props.label}</p>
      ${props.detail ? html`<p class="app-key-figure__detail">${props.detail}</p>` : null}
    </div>
  `;
}
