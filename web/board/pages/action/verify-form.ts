/**
 * Verify a progress update, as a second board member: the update is shown, and one button confirms it.
 * A better RAG than before the update needs this, or an outcome measure that moved toward its target.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { formatDateTime, useFormState } from '../../../platform/ui.ts';
import { canVerifyUpdate } from '../../views.ts';
import { FormButtons, type FormProps, ragChange, run } from './form-helpers.ts';
import { FormShell } from './form-shell.ts';
import { readPart } from './navigation.ts';

export function VerifyForm(props: FormProps): VNode {
  const { action, me } = props;
  const s = useFormState();
  const update = action.updates.find((u) => u.id === readPart('update'));

  const onSubmit = async (event: Event) => {
    if (!s.start(event) || !update) return;
    const before = action;
    await run(s, props, {
      what: 'Your verification',
      method: 'POST',
      path: `/updates/${update.id}/verify`,
      body: undefined,
      flash: (saved) => ({ heading: 'Progress update verified', body: ragChange(before, saved) }),
      fieldId: () => null,
      fallbackId: 'verify',
    });
  };

  if (!update || !canVerifyUpdate(me, update)) {
    const why = !update
      ? 'There is no such progress update on this action.'
      : update.verified
        ? `This update was verified by ${update.verified.by.name} on ${formatDateTime(update.verified.at)}.`
        : 'You added this progress update: a second board member must verify it, not its author.';
    return html`
      <${FormShell} form=${props} state=${s} heading="You cannot verify this update">
        <p class="govuk-body">${why}</p>
      </${FormShell}>
    `;
  }

  return html`
    <${FormShell} form=${props} state=${s} heading="Verify a progress update">
      <div class="govuk-inset-text app-board-verify-update">
        <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
          ${formatDateTime(update.at)}, by ${update.by.name}
        </p>
        <p class="govuk-body app-board-text">${update.narrative}</p>
        ${update.evidence.length ? html`<p class="govuk-body">Evidence: ${update.evidence.map((e) => e.title).join('; ')}</p>` : null}
      </div>
      <p class="govuk-body">
        Verify it only when you have seen for yourself that it is borne out: the evidence, the minutes, the figures.
        A verified update lets the RAG get better than it was before the update; the board sees who verified it and when.
      </p>
      <form novalidate onSubmit=${onSubmit} id="verify">
        <${FormButtons} action=${action} busy=${s.busy} text="Verify the update" busyText="Verifying…" />
      </form>
    </${FormShell}>
  `;
}
