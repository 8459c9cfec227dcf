/**
 * The independent chair's challenges on the action, newest first: what was asked, by whom and when,
 * when the owner agency's response is due (overdue marked), and the response once given. The chair
 * may add one; a board member of the owner agency responds.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { isChallengeOverdue } from '../../../../shared/board/challenges.ts';
import type { Me } from '../../../../shared/directory/me.ts';
import { type AgencyName, agencyName } from '../../../platform/agencies.ts';
import { formatDate, Tag } from '../../../platform/ui.ts';
import type { ActionWithUpdates } from '../../labels.ts';
import { canChallenge, canRespondTo, ukToday } from '../../views.ts';
import { PartLink, StepLink } from './navigation.ts';

export function Challenges(props: { action: ActionWithUpdates; me: Me; agencies: AgencyName[] }): VNode {
  const { action, me } = props;
  const challenges = [...action.challenges].sort((a, b) => (a.at < b.at ? 1 : -1));
  const today = ukToday();
  const owner = agencyName(props.agencies, action.ownerAgencyId);
  return html`
    <h2 class="govuk-heading-m" id="challenges">Challenges from the independent chair (${challenges.length})</h2>
    ${challenges.length === 0 ? html`<p class="govuk-body">The chair has not challenged this action.</p>` : null}
    ${
      challenges.length
        ? html`<ol class="app-board-updates">
            ${challenges.map((c) => {
              const overdue = isChallengeOverdue(c, today);
              return html`
                <li class="app-board-challenge" key=${c.id}>
                  <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                    ${formatDate(c.at)}, by ${c.by.name}
                    ${' '}<${Tag}
                      text=${c.response ? 'Responded' : overdue ? 'Response overdue' : 'Waiting for a response'}
                      colour=${c.response ? 'green' : overdue ? 'red' : 'yellow'}
                      classes="app-tag--inline"
                    />
                  </h3>
                  <p class="govuk-body app-board-text">${c.text}</p>
                  ${
                    c.response
                      ? html`<div class="govuk-inset-text govuk-!-margin-top-2">
                          <p class="govuk-body-s app-board-muted govuk-!-margin-bottom-1">
                            Response by ${c.response.by.name} on ${formatDate(c.response.at)}
                          </p>
                          <p class="govuk-body app-board-text govuk-!-margin-bottom-0">${c.response.text}</p>
                        </div>`
                      : html`<p class="govuk-body-s app-board-muted">
                          ${owner}'s response is due by ${formatDate(c.dueDate)}${overdue ? ', and is overdue' : ''}.
                        </p>`
                  }
                  ${
                    canRespondTo(me, action, c)
                      ? html`<p class="govuk-body app-no-print">
                          <${PartLink} id=${action.id} step="respond" part="challenge" partId=${c.id}>
                            Respond to the challenge<span class="govuk-visually-hidden"> of ${formatDate(c.at)}</span>
                          </${PartLink}>
                        </p>`
                      : null
                  }
                </li>
              `;
            })}
          </ol>`
        : null
    }
    ${
      canChallenge(me)
        ? html`<p class="govuk-body app-no-print">
            <${StepLink} id=${action.id} step="challenge" classes="govuk-button govuk-button--secondary">Challenge the action</${StepLink}>
          </p>`
        : null
    }
  `;
}
