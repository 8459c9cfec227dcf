/** The plan as a table: soonest due first, then those complete. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { THEME_LABELS } from '../../../../shared/board/labels.ts';
import type { ActionSummary } from '../../../../shared/board/schema.ts';
import { type AgencyName, agencyName } from '../../api.ts';
import { actionUrl, dueText, EscalatedTag, RagTag, StatusTag } from '../../views.ts';

export function PlanTable(props: { actions: ActionSummary[]; agencies: AgencyName[] }): VNode {
  return html`
    <table class="govuk-table app-board-table">
      <caption class="govuk-table__caption govuk-table__caption--m">Actions, soonest due first, then those complete</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header app-board-table__ref">Reference</th>
          <th scope="col" class="govuk-table__header">Action</th>
          <th scope="col" class="govuk-table__header">Theme</th>
          <th scope="col" class="govuk-table__header">Owner</th>
          <th scope="col" class="govuk-table__header">Due</th>
          <th scope="col" class="govuk-table__header">Status</th>
          <th scope="col" class="govuk-table__header app-board-table__rag">RAG</th>
          <th scope="col" class="govuk-table__header">Escalated</th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
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
      </tbody>
    </table>
  `;
}
