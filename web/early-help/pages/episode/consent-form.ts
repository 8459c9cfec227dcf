/**
 * What the family agreed to share, and with which agencies. It governs the team: only agencies the
 * family agreed to share with can join it, so narrowing it while the team includes one is refused.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { CheckboxGroup, DateInput, Radios, Textarea, TextInput, useFormState } from '../../../platform/ui.ts';
import {
  checkAndSend,
  type FieldTarget,
  FormButtons,
  type FormProps,
  FormShell,
  reasonText,
  today,
  useDateParts,
} from './form-shell.ts';

const TARGETS: Record<string, FieldTarget> = {
  sharingAgreed: { id: 'sharing', label: 'Whether the family agreed' },
  // Shown with the question it belongs to: the checkboxes are inside its fieldset.
  shareWithAgencyIds: { id: 'sharing', label: 'The agencies' },
  agreedBy: { id: 'agreed-by', label: 'Who in the family agreed' },
  agreedOn: { id: 'agreed-on', label: 'The date they gave their answer', anchor: 'agreed-on-day' },
  note: { id: 'consent-note', label: 'The note' },
};
const target = (field: string) => TARGETS[field.replace(/\.\d+$/, '')] ?? null;
const ORDER = ['sharing', 'agreed-by', 'agreed-on', 'consent-note'];

export function ConsentForm(props: FormProps): VNode {
  const { episode, agencies } = props;
  const before = episode.consent;
  const [sharing, setSharing] = useState<string | null>(
    before ? (before.sharingAgreed ? 'yes' : 'no') : null,
  );
  const [shareWith, setShareWith] = useState<string[]>(before?.shareWithAgencyIds ?? []);
  const [agreedBy, setAgreedBy] = useState(before?.agreedBy ?? '');
  const [agreedOn, setAgreedOn] = useDateParts(before?.agreedOn);
  const [note, setNote] = useState(before?.note ?? '');
  const s = useFormState();
  const inTeam = new Set(episode.team.map((m) => m.agencyId));
  const choices = agencies
    .filter((a) => a.active || shareWith.includes(a.id))
    .map((a) => ({ value: a.id, text: inTeam.has(a.id) ? `${a.name} (in the team)` : a.name }));

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    const checks = checkAndSend(s, props);
    const { found, anchors } = checks;
    if (!sharing) found.sharing = 'Say whether the family agreed to share information';
    if (sharing === 'yes' && shareWith.length === 0) {
      found.sharing = 'Choose the agencies the family agreed to share with';
      anchors.sharing = 'share-with';
    }
    if (!agreedBy.trim()) found['agreed-by'] = 'Enter who in the family gave their answer';
    const date = checks.date(agreedOn, 'agreed-on', 'The date they gave their answer');
    if (date && date > today()) {
      found['agreed-on'] = reasonText(TARGETS.agreedOn ?? null, 'must be today or in the past');
      anchors['agreed-on'] = 'agreed-on-day';
    }
    const agreed = sharing === 'yes';
    await checks.send(ORDER, {
      what: 'What the family agreed',
      method: 'PUT',
      path: 'consent',
      body: {
        sharingAgreed: agreed,
        shareWithAgencyIds: agreed ? shareWith : [],
        agreedBy: agreedBy.trim(),
        agreedOn: date,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      flash: () => ({
        heading: 'What the family agreed to share is recorded',
        ...(agreed
          ? { body: 'You can now add people from those agencies to the team around the family.' }
          : {}),
      }),
      target,
      fallbackId: 'sharing',
    });
  };

  return html`
    <${FormShell} form=${props} state=${s} heading="What the family agreed to share">
      <form novalidate onSubmit=${onSubmit}>
        <${Radios}
          idPrefix="sharing"
          name="sharingAgreed"
          legend="Has the family agreed to share information with other agencies?"
          legendClasses="govuk-fieldset__legend--m"
          hint="Only agencies they agree to can join the team around the family and read its record."
          items=${[
            {
              value: 'yes',
              text: 'Yes',
              conditional: html`<${CheckboxGroup}
                idPrefix="share-with"
                name="shareWithAgencyIds"
                legend="Which agencies did they agree to share with?"
                items=${choices}
                values=${shareWith}
                onChange=${setShareWith}
              />`,
            },
            { value: 'no', text: 'No' },
          ]}
          value=${sharing}
          error=${s.fields.sharing}
          onChange=${setSharing}
        />
        <${TextInput}
          id="agreed-by"
          name="agreedBy"
          label="Who in the family gave their answer?"
          hint="Their name and who they are to the child, for example Sarah Fairbrook, mother"
          value=${agreedBy}
          error=${s.fields['agreed-by']}
          autocomplete="off"
          onInput=${setAgreedBy}
        />
        <${DateInput}
          id="agreed-on"
          name="agreedOn"
          legend="When did they give their answer?"
          legendClasses="govuk-fieldset__legend--s"
          hint="For example, 27 3 2026"
          value=${agreedOn}
          error=${s.fields['agreed-on']}
          onChange=${setAgreedOn}
        />
        <${Textarea}
          id="consent-note"
          name="note"
          label="Anything the team should know about what they agreed (optional)"
          hint="For example, not to contact the father’s side of the family"
          rows=${3}
          value=${note}
          error=${s.fields['consent-note']}
          onInput=${setNote}
        />
        <${FormButtons} episode=${episode} busy=${s.busy} text="Save what they agreed" busyText="Saving…" />
      </form>
    </${FormShell}>
  `;
}
