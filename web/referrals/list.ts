/**
 * The one list of referrals: the Front Door's queue shows it as a table, a referrer's own agency's
 * referrals as a stacked list. The caller chooses the columns (referral-columns.ts); in a table each
 * is a cell under its header, in a stacked list each is a line of the item. Overdue ones stand out.
 * On a phone the table's rows become cards, each cell named by its column (app.css), so nothing is
 * off screen.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import type { ReferralSummary } from '../../shared/referrals/schema.ts';
import { plural, Table } from '../platform/ui.ts';
import { summaryIsOverdue } from './status.ts';

export interface ReferralColumn {
  /** The table's column heading (a stacked list shows none). */
  header?: string;
  cell: (referral: ReferralSummary, now: Date) => ComponentChildren;
}

export function ReferralList(props: {
  items: ReferralSummary[];
  columns: ReferralColumn[];
  now: Date;
  /** A table (the queue, captioned with the count) or a stacked list. */
  layout: 'table' | 'stacked';
}): VNode {
  const { items, columns, now } = props;
  if (props.layout === 'stacked') {
    return html`
      <ul class="govuk-list app-referral-list">
        ${items.map(
          (
            r,
          ) => html`<li class=${`app-referral-list__item${summaryIsOverdue(r, now) ? ' app-referral-list__item--overdue' : ''}`} key=${r.id}>
            ${columns.map((column) => column.cell(r, now))}
          </li>`,
        )}
      </ul>
    `;
  }
  return html`
    <div class="app-table-scroll" role="region" aria-labelledby="queue-caption" tabindex="0">
      <${Table}
        classes="app-queue"
        caption=${plural(items.length, 'referral')}
        captionSize="m"
        captionId="queue-caption"
        head=${columns.map((column) => column.header ?? '')}
      >
        ${items.map(
          (
            r,
          ) => html`<tr class=${`govuk-table__row${summaryIsOverdue(r, now) ? ' app-queue__row--overdue' : ''}`} key=${r.id}>
            ${columns.map((column) => html`<td class="govuk-table__cell" data-label=${column.header || undefined}>${column.cell(r, now)}</td>`)}
          </tr>`,
        )}
      </${Table}>
    </div>
  `;
}
