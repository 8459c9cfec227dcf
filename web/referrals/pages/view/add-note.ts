/** Adding further information to a referral: it goes on its history with the writer's name. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { Referral, TimelineEntry } from '../../../../shared/referrals/schema.ts';
import { apiPost } from '../../../platform/api.ts';
import { Button, ErrorSummary, type ErrorSummaryItem, Textarea } from '../../../platform/ui.ts';
import { describeRefusal } from '../../views.ts';

export function AddNote(props: { referral: Referral; onAdded: (entry: TimelineEntry) => void }): VNode {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    if (!text.trim()) {
      setErrors([{ href: '#note', text: 'Enter the further information' }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const entry = await apiPost<TimelineEntry>(
        `/referrals/${encodeURIComponent(props.referral.id)}/notes`,
        {
          text: text.trim(),
        },
      );
      setText('');
      setBusy(false);
      props.onAdded(entry);
    } catch (error) {
      setBusy(false);
      setErrors(describeRefusal(error, () => 'note', 'note').items);
    }
  };
  return html`
    <h2 class="govuk-heading-m" id="add-note-heading">Add further information</h2>
    ${errors.length > 0 ? html`<${ErrorSummary} key=${submissions} items=${errors} />` : null}
    <form novalidate onSubmit=${onSubmit} aria-labelledby="add-note-heading" data-keep-answers>
      <${Textarea}
        id="note"
        name="note"
        label="What else should the Front Door know?"
        labelClasses="govuk-label--s"
        hint="It is added to the referral’s history with your name. Anything urgent: call the Front Door."
        rows=${4}
        value=${text}
        error=${errors[0]?.text}
        onInput=${setText}
      />
      <${Button} text=${busy ? 'Adding…' : 'Add information'} variant="secondary" disabled=${busy} />
    </form>
  `;
}
