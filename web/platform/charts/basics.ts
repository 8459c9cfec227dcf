/**
 * What every chart drawn in the page as SVG shares (charts, not tables alone), for a board chair
 * reading on a tablet as much as a manager at a desk:
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
 *
 * The charts themselves: bars in chart-bars.ts, small multiples of columns in chart-columns.ts, and
 * the figures as a table in chart-figures.ts.
 */
import { html } from 'htm/preact';
import type { RefObject, VNode } from 'preact';
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

export const TEXT = '#0b0c0c';
export const SECONDARY = '#484949';
export const GRID = '#b1b4b6';
export const FONT = 16;
export const SMALL = 14;

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
export function PatternDef(props: { id: string; style: SeriesStyle }): VNode | null {
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

export const paint = (prefix: string, key: string, style: SeriesStyle) =>
  style.pattern ? `url(#${prefix}-${key})` : style.fill;

/** A series' outline: the hatched orange needs one to stand out from white (WCAG 1.4.11). */
export const outline = (style: SeriesStyle) => (style.fill === '#f47738' ? style.patternColour : undefined);

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
