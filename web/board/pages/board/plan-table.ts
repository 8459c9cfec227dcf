/** The plan as a table: soonest due first, then those complete. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { THEME_LABELS } from '../../../../shared/board/labels.ts';
import type { ActionSummary } from '../../../../shared/board/schema.ts';
import { type AgencyName, agencyName } from '../../../platform/agencies.ts';
import { Table } from '../../../platform/ui.ts';
import { actionUrl, dueText, EscalatedTag, RagTag, StatusTag } from '../../views.ts';

const HEAD = [
  { text: 'Reference', classes: 'app-board-table__ref' },
  'Action',
  'Theme',
  'Owner',
  'Due',
  'Status',
  { text: 'RAG', classes: 'app-board-table__rag' },
  'Escalated',
];

export function PlanTable(props: { actions: ActionSummary[]; agencies: AgencyName[] }): VNode {
  return html`
    <${Table} classes="app-board-table" caption="Actions, soonest due first, then those complete" captionSize="m" head=${HEAD}>
      ${props.actions.map(
        (a) => html`
          <tr class="govuk-table__row" key=${a.id}>
            <th scope="row" class="govuk-table__header app-board-table__ref" data-label="Reference">${a.reference}</th>
            <td class="govuk-table__cell app-board-table__title" data-label="Action">
              <a class="govuk-link" href=${actionUrl(a.id)}>${a.title}</a>
            </td>
            <td class="govuk-table__cell" data-label="Theme">${THEME_LABELS[a.theme] ?? a.theme}</td>
            <td class="govuk-table__cell" data-label="Owner">${agencyName(props.agencies, a.ownerAgencyId)}</td>
            <td class="govuk-table__cell" data-label="Due">${dueText(a)}</td>
            <td class="govuk-table__cell" data-label="Status"><${StatusTag} status=${a.status} /></td>
            <td class="govuk-table__cell app-board-table__rag" data-label="RAG">
              <${RagTag} rag=${a.rag} />
              <span class="app-board-reason">${a.ragReason}</span>
            </td>
            <td class="govuk-table__cell" data-label="Escalated">
              ${a.escalate ? html`<${EscalatedTag} />` : html`<span class="app-board-muted">No</span>`}
            </td>
          </tr>
        `,
      )}
    </${Table}>
  `;
}
