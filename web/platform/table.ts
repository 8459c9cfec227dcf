/**
 * GOV.UK's table: its caption and column headers written once. Each table writes its own rows, as
 * what a row holds (a row header, labels for the narrow layout, tags) is its own.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { cx } from './ui-basics.ts';

export interface TableHeader {
  text: string;
  classes?: string;
  /** Read out but not shown, for a column of links such as "Change". */
  hidden?: boolean;
}

export function Table(props: {
  classes?: string;
  caption: ComponentChildren;
  captionSize: 'm' | 's';
  captionId?: string;
  head: (string | TableHeader | false | null)[];
  /** The rows. */
  children: ComponentChildren;
  /** A <tfoot>'s rows, e.g. a total. */
  foot?: ComponentChildren;
}): VNode {
  const head = props.head.flatMap((h) => (h ? [typeof h === 'string' ? { text: h } : h] : []));
  return html`
    <table class=${cx('govuk-table', props.classes)}>
      <caption class=${`govuk-table__caption govuk-table__caption--${props.captionSize}`} id=${props.captionId}>
        ${props.caption}
      </caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          ${head.map(
            (h, i) =>
              html`<th scope="col" class=${cx('govuk-table__header', h.classes)} key=${i}>
                ${h.hidden ? html`<span class="govuk-visually-hidden">${h.text}</span>` : h.text}
              </th>`,
          )}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        ${props.children}
      </tbody>
      ${props.foot ? html`<tfoot>${props.foot}</tfoot>` : null}
    </table>
  `;
}
