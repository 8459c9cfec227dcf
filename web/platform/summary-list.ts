/**
 * GOV.UK's summary list (a record's facts, key and value, each with the way to change it when there
 * is one) and what someone wrote, shown with their paragraphs kept.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';

export interface Row {
  key: string;
  value: ComponentChildren;
  /** Where to change it (check your answers); the link's hidden text names the row. */
  href?: string;
}

export function SummaryList(props: { rows: Row[]; classes?: string }): VNode {
  const anyActions = props.rows.some((r) => r.href);
  return html`
    <dl class=${`govuk-summary-list${props.classes ? ` ${props.classes}` : ''}`}>
      ${props.rows.map(
        (row) => html`
          <div class=${`govuk-summary-list__row${anyActions && !row.href ? ' govuk-summary-list__row--no-actions' : ''}`} key=${row.key}>
            <dt class="govuk-summary-list__key">${row.key}</dt>
            <dd class="govuk-summary-list__value">${row.value}</dd>
            ${
              row.href
                ? html`<dd class="govuk-summary-list__actions">
                    <a class="govuk-link" href=${row.href}>Change<span class="govuk-visually-hidden"> ${row.key.toLowerCase()}</span></a>
                  </dd>`
                : null
            }
          </div>
        `,
      )}
    </dl>
  `;
}

/** Text someone wrote, with their line breaks kept. */
export function Written(props: { text: string | undefined; empty?: string }): VNode {
  const text = props.text?.trim();
  if (!text) return html`<span class="app-not-given">${props.empty ?? 'Not given'}</span>`;
  return html`${text.split(/\n{2,}/).map((para, i) => html`<p class="govuk-body app-written" key=${i}>${para}</p>`)}`;
}
