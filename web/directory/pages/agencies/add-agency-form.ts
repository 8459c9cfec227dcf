/** The system owner adds an agency: its name, its kind and, optionally, its safeguarding mailbox. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { AGENCY_KIND_LABELS, AGENCY_KINDS } from '../../../../shared/directory/labels.ts';
import type { Agency } from '../../../../shared/directory/schema.ts';
import { apiPost } from '../../../platform/api.ts';
import { Button, type ErrorSummaryItem, Radios, TextInput } from '../../../platform/ui.ts';
import { MAILBOX_HINT } from './labels.ts';
import { describeRefusal } from './refusal.ts';

export function AddAgencyForm(props: {
  onAdded: (agency: Agency) => void;
  onErrors: (items: ErrorSummaryItem[]) => void;
}): VNode {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [mailbox, setMailbox] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const agency = await apiPost<Agency>('/agencies', {
        name: name.trim(),
        kind,
        ...(mailbox.trim() ? { notifyEmail: mailbox.trim() } : {}),
      });
      setName('');
      setKind(null);
      setMailbox('');
      setFields({});
      props.onErrors([]);
      props.onAdded(agency);
    } catch (error) {
      const refusal = describeRefusal(
        error,
        { name: 'agency-name', kind: 'agency-kind', notifyEmail: 'agency-mailbox' },
        'add-agency',
      );
      setFields(refusal.fields);
      props.onErrors(refusal.items);
    } finally {
      setBusy(false);
    }
  };

  return html`
    <h2 class="govuk-heading-l" id="add-agency" tabindex="-1">Add an agency</h2>
    <form novalidate onSubmit=${onSubmit}>
      <${TextInput}
        id="agency-name"
        name="name"
        label="Agency name"
        labelClasses="govuk-label--s"
        hint="The name people in the partnership know it by, for example Oakfield Academy Trust"
        value=${name}
        error=${fields.name}
        autocomplete="organization"
        spellcheck=${false}
        onInput=${setName}
      />
      <${Radios}
        idPrefix="agency-kind"
        name="kind"
        legend="Kind of agency"
        legendClasses="govuk-fieldset__legend--s"
        items=${AGENCY_KINDS.map((k) => ({ value: k, text: AGENCY_KIND_LABELS[k] }))}
        value=${kind}
        error=${fields.kind}
        onChange=${setKind}
      />
      <${TextInput}
        id="agency-mailbox"
        name="notifyEmail"
        type="email"
        label="Safeguarding mailbox (optional)"
        labelClasses="govuk-label--s"
        hint=${MAILBOX_HINT}
        value=${mailbox}
        error=${fields.notifyEmail}
        autocomplete="off"
        spellcheck=${false}
        onInput=${setMailbox}
      />
      <${Button} text=${busy ? 'Adding…' : 'Add agency'} disabled=${busy} />
    </form>
  `;
}
