/** Revise the due date, with the reason. The original due date stays on the record. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import {
  DateInput,
  type DateParts,
  formatDate,
  parseDateParts,
  Textarea,
  useFormState,
} from '../../../platform/ui.ts';
import { tooLong } from '../../forms.ts';
import { FormButtons, type FormProps, ragChange, run } from './form-helpers.ts';
import { FormShell } from './form-shell.ts';

export function DueForm(props: FormProps): VNode {
  const { action } = props;
  const [date, setDate] = useState<DateParts>({ day: '', month: '', year: '' });
  const [dateParts, setDateParts] = useState<(keyof DateParts)[]>([]);
  const [reason, setReason] = useState('');
  const s = useFormState();

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    const found: Record<string, string> = {};
    const parsed = parseDateParts(date, 'The revised due date');
    let firstDateId = 'due-day';
    if ('error' in parsed) {
      found.due = parsed.error;
      setDateParts(parsed.parts);
      firstDateId = `due-${parsed.parts[0] ?? 'day'}`;
    } else if (parsed.date < action.startDate) {
      found.due = `The revised due date must be on or after the start date, ${formatDate(action.startDate)}`;
      setDateParts(['day', 'month', 'year']);
    }
    const text = reason.trim();
    found.reason = !text
      ? 'Give the reason the due date is revised'
      : (tooLong('The reason', text, 1000) ?? '');
    if (found.due || found.reason) {
      s.fail(found, ['due', 'reason'], { due: firstDateId });
      return;
    }
    if (!('date' in parsed)) return;
    const before = action;
    await run(s, props, {
      what: 'Your revised due date',
      method: 'PATCH',
      path: '',
      body: { revisedDueDate: parsed.date, revisionReason: text },
      flash: (saved) => ({
        heading: `Due date revised to ${formatDate(saved.effectiveDueDate)}`,
        body: ragChange(before, saved),
      }),
      fieldId: (field) =>
        field === 'revisedDueDate' ? 'due-day' : field === 'revisionReason' ? 'reason' : null,
      fallbackId: 'due-day',
    });
  };

  return html`
    <${FormShell} form=${props} state=${s} heading="Revise the due date">
      <p class="govuk-body">
        It is due on ${formatDate(action.dueDate)}${action.revisedDueDate ? `, revised to ${formatDate(action.revisedDueDate)}` : ''}.
        The original due date stays on the record; the RAG is worked out from the revised one.
      </p>
      <form novalidate onSubmit=${onSubmit}>
        <${DateInput}
          id="due"
          name="revisedDueDate"
          legend="New due date"
          legendClasses="govuk-fieldset__legend--m"
          hint="For example, 31 3 2027"
          value=${date}
          error=${s.fields.due}
          errorParts=${dateParts}
          onChange=${setDate}
        />
        <${Textarea}
          id="reason"
          name="revisionReason"
          label="Why is the due date revised?"
          labelClasses="govuk-label--m"
          hint="The board sees this beside the date."
          value=${reason}
          error=${s.fields.reason}
          rows=${4}
          onInput=${setReason}
        />
        <${FormButtons} action=${action} busy=${s.busy} text="Revise the due date" busyText="Saving…" />
      </form>
    </${FormShell}>
  `;
}
