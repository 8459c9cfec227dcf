/**
 * The shell of every form on the action page: back link, banners, error summary and heading; after a
 * conflict, the action as it now is beside the form.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { STATUS_LABELS } from '../../../../shared/board/labels.ts';
import type { ActionView } from '../../../../shared/board/schema.ts';
import { type FormShellProps, RecordFormShell } from '../../../platform/record-forms.ts';
import { formatDate, formatDateTime } from '../../../platform/ui.ts';
import { ConflictBanner } from '../../banners.ts';
import type { ActionWithUpdates } from '../../labels.ts';
import { RagTag } from '../../views.ts';
import type { FormProps } from './form-helpers.ts';
import { BackToAction } from './navigation.ts';

export function FormShell(props: FormShellProps<FormProps>): VNode {
  const { action, conflict } = props.form;
  const banner = conflict
    ? html`<${ConflictBanner} key=${`conflict-${action.version}`} what=${conflict.what} changes=${conflict.changes}>
        <p class="govuk-body">
          The action as it is now is below. What you entered is still in the form: check it still applies, then send it again.
        </p>
      </${ConflictBanner}>`
    : null;
  return html`
    <${RecordFormShell}
      ...${props}
      reference=${action.reference}
      caption=${`${action.reference}: ${action.title}`}
      back=${html`<${BackToAction} action=${action} />`}
      banner=${banner}
    >
      ${conflict ? html`<${NowPanel} action=${action} />` : null}
      ${props.children}
    </${RecordFormShell}>
  `;
}

/** After a conflict: the action as it is now, in brief, beside the form. */
function NowPanel(props: { action: ActionWithUpdates | ActionView }): VNode {
  const { action } = props;
  const latest =
    'updates' in action ? [...action.updates].sort((a, b) => (a.at < b.at ? 1 : -1))[0] : undefined;
  return html`
    <div class="govuk-inset-text app-board-now">
      <h2 class="govuk-heading-s">The action now</h2>
      <p class="govuk-body">
        <${RagTag} rag=${action.rag} classes="app-tag--inline" /> ${action.ragReason}. Status: ${STATUS_LABELS[action.status]}.
        Due ${formatDate(action.effectiveDueDate)}.
      </p>
      ${
        latest
          ? html`<p class="govuk-body">Latest update, ${formatDateTime(latest.at)} by ${latest.by.name}: “${latest.narrative}”</p>`
          : null
      }
    </div>
  `;
}
