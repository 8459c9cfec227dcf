/** The directory as a table, with a change link on each agency for the system owner. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { Me } from '../../../../shared/directory/me.ts';
import type { Agency } from '../../../../shared/directory/schema.ts';
import { plural, Table } from '../../../platform/ui.ts';
import { AgencyStatus, kindLabel } from './labels.ts';
import { onLinkClick } from './navigation.ts';

export function AgencyTable(props: { agencies: Agency[]; me: Me; canManage: boolean }): VNode {
  return html`
    <${Table}
      classes="govuk-table--small-text-until-tablet"
      caption=${plural(props.agencies.length, 'agency', 'agencies')}
      captionSize="m"
      head=${['Agency', 'Kind', 'Status', props.canManage && { text: 'Actions', hidden: true }]}
    >
      ${props.agencies.map(
        (agency) => html`
          <tr class="govuk-table__row" key=${agency.id}>
            <th scope="row" class="govuk-table__header">
              ${agency.name}
              ${props.me.agency?.id === agency.id ? html`<span class="govuk-hint app-inline-hint"> (your agency)</span>` : null}
            </th>
            <td class="govuk-table__cell">${kindLabel(agency.kind)}</td>
            <td class="govuk-table__cell">
              <${AgencyStatus} active=${agency.active} />
            </td>
            ${
              props.canManage
                ? html`<td class="govuk-table__cell app-table__action">
                    <a class="govuk-link" href=${`/agencies/?edit=${encodeURIComponent(agency.id)}`} onClick=${onLinkClick(agency.id)}>
                      Change<span class="govuk-visually-hidden"> ${agency.name}</span>
                    </a>
                  </td>`
                : null
            }
          </tr>
        `,
      )}
    </${Table}>
  `;
}
