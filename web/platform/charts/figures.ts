/**
 * Figures in words beside the charts: each chart's figures as a GOV.UK table, and a headline figure.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { Table } from '../table.ts';

export interface TableColumn {
  heading: string;
  numeric?: boolean;
}

type Cell = string | number | VNode;

/** A row's cells: the first is the row's header, the rest are numeric where their column is. */
function cells(row: Cell[], columns: TableColumn[]): VNode[] {
  return row.map((cell, i) =>
    i === 0
      ? html`<th scope="row" class="govuk-table__header" key=${i}>${cell}</th>`
      : html`<td class=${`govuk-table__cell${columns[i]?.numeric ? ' govuk-table__cell--numeric' : ''}`} key=${i}>${cell}</td>`,
  );
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
  rows: Cell[][];
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
          <${Table}
            classes="govuk-table--small-text-until-tablet app-chart-table"
            caption=${props.caption}
            captionSize="s"
            head=${props.columns.map((c) => ({ text: c.heading, classes: c.numeric ? 'govuk-table__header--numeric' : '' }))}
            foot=${props.foot ? html`<tr class="govuk-table__row app-chart-table__total">${cells(props.foot, props.columns)}</tr>` : null}
          >
            ${props.rows.map(
              (row, r) => html`
                <tr class="govuk-table__row" key=${r}>
                  ${cells(row, props.columns)}
                </tr>
              `,
            )}
          </${Table}>
        </div>
      </div>
    </details>
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
