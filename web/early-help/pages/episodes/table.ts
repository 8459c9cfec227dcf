/**
 * The episodes as a table: the child (the way in), the level, who leads it, what is due next with its
 * countdown and the drift alarm, and where it stands; closed ones with when and why they closed.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { CLOSURE_REASON_LABELS } from '../../../../shared/early-help/labels.ts';
import { LevelTag } from '../../../../shared/guidance/views/basics.ts';
import { formatDate, plural, Table } from '../../../platform/ui.ts';
import { type AgencyName, type EpisodeSummary, episodeUrl } from '../../api.ts';
import { leadText, OverdueTag, StateTag, timerText } from '../../views.ts';

function NextDue(props: { episode: EpisodeSummary }): VNode | string {
  const { running, drift } = props.episode;
  if (!running) return '–';
  return html`${drift ? html`<${OverdueTag} />` : null}<span class="app-block">${timerText(running)}</span>`;
}

function Closed(props: { episode: EpisodeSummary }): VNode | string {
  const { closedOn, closureReason } = props.episode;
  if (!closedOn) return '–';
  return `${formatDate(closedOn)}${closureReason ? `: ${CLOSURE_REASON_LABELS[closureReason]}` : ''}`;
}

export function EpisodeTable(props: {
  items: EpisodeSummary[];
  agencies: readonly AgencyName[];
  closed: boolean;
}): VNode {
  return html`
    <div class="app-table-scroll" role="region" aria-labelledby="episodes-caption" tabindex="0">
      <${Table}
        classes="app-queue"
        caption=${plural(props.items.length, 'family', 'families')}
        captionSize="m"
        captionId="episodes-caption"
        head=${['Child and reference', 'Level', 'Lead practitioner', props.closed ? 'Closed' : 'Due next', 'Where it is']}
      >
        ${props.items.map(
          (e) => html`
            <tr class=${`govuk-table__row${e.drift ? ' app-queue__row--overdue' : ''}`} key=${e.id}>
              <td class="govuk-table__cell">
                <a class="govuk-link" href=${episodeUrl(e.id)}>${e.childName || 'Child not named'}</a>
                <span class="app-reference app-block">${e.reference}</span>
              </td>
              <td class="govuk-table__cell"><${LevelTag} level=${e.level} /></td>
              <td class="govuk-table__cell">
                ${leadText({ agencyId: e.leadAgencyId, answer: e.leadAnswer, name: e.leadName }, props.agencies)}
              </td>
              <td class="govuk-table__cell">${props.closed ? html`<${Closed} episode=${e} />` : html`<${NextDue} episode=${e} />`}</td>
              <td class="govuk-table__cell"><${StateTag} state=${e.state} /></td>
            </tr>
          `,
        )}
      </${Table}>
    </div>
  `;
}
