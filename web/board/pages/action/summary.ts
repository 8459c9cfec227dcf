/**
 * The action itself: its RAG with the reason (and, when the board overrode it, the override and the
 * rules' own rating), everything about it in a summary list, and its progress updates, newest first,
 * with their evidence. Board members reach each change from here.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { SOURCE_LABELS, STATUS_LABELS, THEME_LABELS } from '../../../../shared/board/labels.ts';
import type { Me } from '../../../../shared/directory/me.ts';
import { type AgencyName, agencyName } from '../../../platform/agencies.ts';
import { formatDate, formatDateTime, PageHeading, setTitle } from '../../../platform/ui.ts';
import { ConflictBanner, SuccessBanner } from '../../banners.ts';
import type { ActionWithUpdates } from '../../labels.ts';
import { canEditBoard, canVerifyUpdate, EscalatedTag, RagTag, StatusTag } from '../../views.ts';
import { Challenges } from './challenges.ts';
import type { Conflict, Flash } from './form-helpers.ts';
import { PartLink, type Step, StepLink } from './navigation.ts';

function Row(props: {
  key?: string;
  label: string;
  children: ComponentChildren;
  change?: { step: Step; id: string; text?: string } | null;
}): VNode {
  return html`
    <div class=${`govuk-summary-list__row${props.change ? '' : ' govuk-summary-list__row--no-actions'}`}>
      <dt class="govuk-summary-list__key">${props.label}</dt>
      <dd class="govuk-summary-list__value">${props.children}</dd>
      ${
        props.change
          ? html`<dd class="govuk-summary-list__actions">
              <${StepLink} id=${props.change.id} step=${props.change.step}>
                ${props.change.text ?? 'Change'}<span class="govuk-visually-hidden"> ${props.label.toLowerCase()}</span>
              </${StepLink}>
            </dd>`
          : null
      }
    </div>
  `;
}

function EvidenceList(props: { evidence: { title: string; url?: string | undefined }[] }): VNode {
  return html`
    <ul class="govuk-list govuk-list--bullet">
      ${props.evidence.map(
        (e, i) => html`
          <li key=${i}>
            ${
              e.url
                ? html`<a class="govuk-link" href=${e.url} rel="noreferrer noopener" target="_blank">${e.title} (opens in new tab)</a>`
                : e.title
            }
          </li>
        `,
      )}
    </ul>
  `;
}

function Paragraphs(props: { text: string }): VNode {
  return html`${props.text
    .split(/\n{2,}/)
    .map((p, i) => html`<p class="govuk-body app-board-text" key=${i}>${p}</p>`)}`;
}

export function ActionDetails(props: {
  action: ActionWithUpdates;
  me: Me;
  agencies: AgencyName[];
  flash: Flash | null;
  conflict: Conflict | null;
  focus: boolean;
}): VNode {
  const { action, agencies } = props;
  const editable = canEditBoard(props.me) && action.status !== 'complete';
  const change = (step: Step, text?: string) =>
    editable ? { step, id: action.id, ...(text ? { text } : {}) } : null;
  const updates = [...action.updates].sort((a, b) => (a.at < b.at ? 1 : -1));
  useEffect(() => setTitle(`${action.reference}: ${action.title}`), [action.reference, action.title]);
  const measure = action.outcomeMeasure;

  return html`
    <a class="govuk-back-link" href="/board/">Back to the action plan</a>
    ${
      props.flash
        ? html`<${SuccessBanner} key=${`${action.version}-${props.flash.heading}`} heading=${props.flash.heading}>
            ${props.flash.body ? html`<p class="govuk-body">${props.flash.body}</p>` : null}
          </${SuccessBanner}>`
        : null
    }
    ${
      props.conflict
        ? html`<${ConflictBanner} key=${`conflict-${action.version}`} what=${props.conflict.what} changes=${props.conflict.changes} />`
        : null
    }
    <${PageHeading} caption=${action.reference} text=${action.title} size="l" focus=${props.focus && !props.flash && !props.conflict} />

    <div class="app-board-rag">
      <p class="govuk-body govuk-!-margin-bottom-1">
        <span class="govuk-!-font-weight-bold">RAG: </span><${RagTag} rag=${action.rag} />
        ${' '}<${StatusTag} status=${action.status} classes="app-board-status" />
        ${action.escalate ? html` <${EscalatedTag} />` : null}
      </p>
      <p class="govuk-body govuk-!-margin-bottom-0" id="rag-reason">${action.ragReason}</p>
      ${
        action.escalate
          ? html`<div class="govuk-warning-text govuk-!-margin-top-3 govuk-!-margin-bottom-0">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>
                Escalated to the executive group: ${action.escalationReasons.join('; ')}.
              </strong>
            </div>`
          : null
      }
    </div>

    ${
      editable
        ? html`<div class="govuk-button-group app-no-print">
            <${StepLink} id=${action.id} step="progress" classes="govuk-button">Add a progress update</${StepLink}>
            <${StepLink} id=${action.id} step="close" classes="govuk-button govuk-button--secondary">Close the action</${StepLink}>
          </div>`
        : null
    }
    ${
      !canEditBoard(props.me)
        ? html`<div class="govuk-inset-text">You can read the action plan. Only safeguarding partnership board members can change it.</div>`
        : null
    }
    ${
      action.closed
        ? html`
            <div class="govuk-inset-text">
              <p class="govuk-body">
                ${`Closed on ${formatDate(action.closed.at)} by ${action.closed.by.name}. Signed off by ${action.closed.signOff.name} (${action.closed.signOff.role}).`}
              </p>
              <p class="govuk-body govuk-!-margin-bottom-1">Evidence that it is complete:</p>
              <${EvidenceList} evidence=${action.closed.evidence} />
            </div>
          `
        : null
    }

    <h2 class="govuk-heading-m">About the action</h2>
    <dl class="govuk-summary-list">
      <${Row} label="Reference">${action.reference}</${Row}>
      <${Row} label="Title" change=${change('details')}>${action.title}</${Row}>
      <${Row} label="Description" change=${change('details')}><${Paragraphs} text=${action.description} /></${Row}>
      <${Row} label="Source">
        ${SOURCE_LABELS[action.source.kind]}: ${action.source.reference}${action.source.paragraph ? `, paragraph ${action.source.paragraph}` : ''}
      </${Row}>
      <${Row} label="Theme" change=${change('details')}>${THEME_LABELS[action.theme]}</${Row}>
      <${Row} label="Owner agency" change=${change('details')}>${agencyName(agencies, action.ownerAgencyId)}</${Row}>
      <${Row} label="Lead" change=${change('details')}>${action.lead}</${Row}>
      <${Row} label="Contributing agencies" change=${change('details')}>
        ${action.contributingAgencyIds.length ? action.contributingAgencyIds.map((id) => agencyName(agencies, id)).join(', ') : 'None'}
      </${Row}>
      <${Row} label="Subgroup" change=${change('details')}>${action.subgroup || 'None'}</${Row}>
      <${Row} label="Outcome measure" change=${change('details')}>
        ${
          measure
            ? html`${measure.measure}<br />Baseline: ${measure.baseline || 'not given'}. Target: ${measure.target || 'not given'}. Current: ${measure.current || 'not given'}.`
            : 'None'
        }
      </${Row}>
      <${Row} label="Start date">${formatDate(action.startDate)}</${Row}>
      <${Row} label="Due date" change=${change('due', 'Revise')}>
        ${
          action.revisedDueDate
            ? html`${formatDate(action.revisedDueDate)} (revised from ${formatDate(action.dueDate)})<br />Why: ${action.revisionReason}`
            : formatDate(action.dueDate)
        }
      </${Row}>
      <${Row} label="Status"><${StatusTag} status=${action.status} /></${Row}>
      <${Row} label="RAG" change=${change('rag', action.ragOverride ? 'Change override' : 'Override')}>
        <${RagTag} rag=${action.rag} classes="app-tag--inline" />
        ${
          action.ragOverride
            ? html`<p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-1">
                  Set by the board: ${action.ragOverride.by.name} on ${formatDate(action.ragOverride.at)}, because “${action.ragOverride.justification}”
                </p>
                <p class="govuk-body govuk-!-margin-bottom-0">
                  The rules give <${RagTag} rag=${action.ragComputed} classes="app-tag--inline" />
                </p>`
            : html`<p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">${action.ragReason}</p>`
        }
      </${Row}>
      <${Row} label="Last progress update">${action.lastUpdateAt ? formatDateTime(action.lastUpdateAt) : 'None yet'}</${Row}>
    </dl>

    <h2 class="govuk-heading-m" id="updates">Progress updates (${updates.length})</h2>
    ${
      updates.length === 0
        ? html`<p class="govuk-body">There are no progress updates yet.</p>`
        : html`<ol class="app-board-updates">
            ${updates.map(
              (u) => html`
                <li class="app-board-update" key=${u.id}>
                  <h3 class="govuk-heading-s govuk-!-margin-bottom-1">${formatDateTime(u.at)}</h3>
                  <p class="govuk-body-s app-board-muted govuk-!-margin-bottom-2">
                    By ${u.by.name}. Status then: ${STATUS_LABELS[u.statusThen]}. RAG then: <${RagTag} rag=${u.ragThen} classes="app-tag--inline" />
                  </p>
                  <${Paragraphs} text=${u.narrative} />
                  ${
                    u.evidence.length
                      ? html`<p class="govuk-body govuk-!-margin-bottom-1">Evidence:</p><${EvidenceList} evidence=${u.evidence} />`
                      : null
                  }
                  ${u.measureThen ? html`<p class="govuk-body-s app-board-muted">Outcome measure then: ${u.measureThen}</p>` : null}
                  <p class="govuk-body-s app-board-muted">
                    ${u.verified ? `Verified by ${u.verified.by.name} on ${formatDateTime(u.verified.at)}.` : 'Not verified by a second board member.'}
                    ${
                      editable && canVerifyUpdate(props.me, u)
                        ? html` <${PartLink} id=${action.id} step="verify" part="update" partId=${u.id}>
                            Verify this update<span class="govuk-visually-hidden"> of ${formatDateTime(u.at)}</span>
                          </${PartLink}>`
                        : null
                    }
                  </p>
                </li>
              `,
            )}
          </ol>`
    }
    <${Challenges} action=${action} me=${props.me} agencies=${agencies} />
  `;
}
