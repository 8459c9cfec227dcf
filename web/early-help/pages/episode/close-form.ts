/**
 * Close the episode, with the reason. A step-up to social care is a review's decision (it makes the
 * referral), so it is not offered here. A closed episode cannot be reopened.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import {
  CLOSURE_REASON_LABELS,
  CLOSURE_REASONS,
  type ClosureReason,
} from '../../../../shared/early-help/labels.ts';
import { closeProblems } from '../../../../shared/early-help/rules.ts';
import { Radios, Textarea, useFormState, WarningText } from '../../../platform/ui.ts';
import { checkAndSend, FormButtons, type FormProps, FormShell } from './form-shell.ts';
import { StepLink } from './navigation.ts';

const NOTE = { id: 'close-note', label: 'The reason' };
const target = (field: string) =>
  field === 'note' ? NOTE : field === 'reason' ? { id: 'close-reason', label: 'The reason' } : null;

export function CloseForm(props: FormProps): VNode {
  const { episode } = props;
  const [reason, setReason] = useState<ClosureReason | null>(null);
  const [note, setNote] = useState('');
  const s = useFormState();
  const reviewing = episode.state === 'reviewing';

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    if (!reason) {
      s.fail({ 'close-reason': 'Choose why the episode is closing' }, ['close-reason']);
      return;
    }
    const input = { reason, ...(reason === 'other' && note.trim() ? { note: note.trim() } : {}) };
    const checks = checkAndSend(s, props);
    checks.rules(closeProblems(input), target, NOTE);
    await checks.send(['close-note'], {
      what: 'Closing the episode',
      method: 'POST',
      path: 'close',
      body: input,
      flash: () => ({ heading: 'The episode is closed', body: CLOSURE_REASON_LABELS[reason] }),
      target,
      fallbackId: 'close-reason',
    });
  };

  return html`
    <${FormShell} form=${props} state=${s} heading="Close the episode">
      <${WarningText}>A closed episode cannot be reopened. Its timers stop.</${WarningText}>
      ${
        reviewing
          ? html`<p class="govuk-body">If the family needs children’s social care, <${StepLink} id=${episode.id} step="review">record a review</${StepLink}> and step it up: that sends the front door a referral with the episode’s history.</p>`
          : null
      }
      <form novalidate onSubmit=${onSubmit}>
        <${Radios}
          idPrefix="close-reason"
          name="reason"
          legend="Why is the episode closing?"
          legendClasses="govuk-fieldset__legend--m"
          items=${CLOSURE_REASONS.filter((r) => r !== 'stepped_up').map((value) => ({
            value,
            text: CLOSURE_REASON_LABELS[value],
            ...(value === 'other'
              ? {
                  conditional: html`<${Textarea} id="close-note" name="note" label="What is the reason?" rows=${3} value=${note} error=${s.fields['close-note']} onInput=${setNote} />`,
                }
              : {}),
          }))}
          value=${reason}
          error=${s.fields['close-reason']}
          onChange=${(v: string) => setReason(v as ClosureReason)}
        />
        <${FormButtons} episode=${episode} busy=${s.busy} text="Close the episode" busyText="Closing…" variant="warning" />
      </form>
    </${FormShell}>
  `;
}
