/**
 * Small multiples: one column chart per category, on the same scale (chart-basics.ts says what every
 * chart promises).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { BLUE, HIDDEN_MARK, HIDDEN_TEXT, SECONDARY, SMALL, TEXT, useWidth } from './basics.ts';

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
