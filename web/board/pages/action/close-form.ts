/** Close the action: evidence that it is complete and who signed it off. A closed action cannot change. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { TextInput, useFormState, WarningText } from '../../../platform/ui.ts';
import { checkEvidenceUrl, tooLong } from '../../forms.ts';
import { EvidenceUrlInput, evidenceFieldId, FormButtons, type FormProps, run } from './form-helpers.ts';
import { FormShell } from './form-shell.ts';

const SIGN_OFF_IDS: Record<string, string> = {
  'signOff.name': 'signoff-name',
  'signOff.role': 'signoff-role',
};

export function CloseForm(props: FormProps): VNode {
  const { action } = props;
  const [evidenceTitle, setEvidenceTitle] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const s = useFormState();

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    const title = evidenceTitle.trim();
    const url = evidenceUrl.trim();
    const found: Record<string, string> = {
      'close-evidence-title': !title
        ? 'Describe the evidence that the action is complete'
        : (tooLong('The description of the evidence', title, 200) ?? ''),
      'close-evidence-url': checkEvidenceUrl(url) ?? '',
      'signoff-name': !name.trim()
        ? 'Enter who signed the action off'
        : (tooLong('The name', name, 120) ?? ''),
      'signoff-role': !role.trim() ? 'Enter their role' : (tooLong('The role', role, 120) ?? ''),
    };
    if (Object.values(found).some(Boolean)) {
      s.fail(found, ['close-evidence-title', 'close-evidence-url', 'signoff-name', 'signoff-role']);
      return;
    }
    await run(s, props, {
      what: 'Closing the action',
      method: 'POST',
      path: '/close',
      body: {
        evidence: [{ title, ...(url ? { url } : {}) }],
        signOff: { name: name.trim(), role: role.trim() },
      },
      flash: () => ({ heading: `${action.reference} closed`, body: 'It shows as complete on the plan.' }),
      fieldId: (field) => evidenceFieldId(field, 'close-') ?? SIGN_OFF_IDS[field] ?? null,
      fallbackId: 'close-evidence-title',
    });
  };

  return html`
    <${FormShell} form=${props} state=${s} heading="Close the action">
      <${WarningText}>A closed action is complete: it cannot be changed or reopened.</${WarningText}>
      <form novalidate onSubmit=${onSubmit}>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Evidence that it is complete</legend>
          <${TextInput} id="close-evidence-title" name="evidenceTitle" label="What the evidence is" hint="For example, the signed-off audit report" value=${evidenceTitle} error=${s.fields['close-evidence-title']} onInput=${setEvidenceTitle} />
          <${EvidenceUrlInput} id="close-evidence-url" value=${evidenceUrl} error=${s.fields['close-evidence-url']} onInput=${setEvidenceUrl} />
        </fieldset>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Who signed it off</legend>
          <${TextInput} id="signoff-name" name="signOffName" label="Name" value=${name} error=${s.fields['signoff-name']} autocomplete="off" onInput=${setName} />
          <${TextInput} id="signoff-role" name="signOffRole" label="Role" hint="For example, Independent chair" value=${role} error=${s.fields['signoff-role']} onInput=${setRole} />
        </fieldset>
        <${FormButtons} action=${action} busy=${s.busy} text="Close the action" busyText="Closing…" />
      </form>
    </${FormShell}>
  `;
}
