/**
 * Add a progress update: what was done, its evidence (optional), the outcome measure's value now (when
 * the action has one: a better RAG needs it to move toward its target, or a second member to verify
 * the update) and the status.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { type ActionStatus, OPEN_STATUSES, STATUS_LABELS } from '../../../../shared/board/labels.ts';
import { Radios, Textarea, TextInput, useFormState } from '../../../platform/ui.ts';
import { checkEvidenceUrl, tooLong } from '../../forms.ts';
import {
  EvidenceUrlInput,
  evidenceFieldId,
  FormButtons,
  type FormProps,
  ragChange,
  run,
} from './form-helpers.ts';
import { FormShell } from './form-shell.ts';

export function ProgressForm(props: FormProps): VNode {
  const { action } = props;
  const [narrative, setNarrative] = useState('');
  const [evidenceTitle, setEvidenceTitle] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const measure = action.outcomeMeasure;
  const [measureNow, setMeasureNow] = useState(measure?.current ?? '');
  const s = useFormState();
  const shownStatus = status ?? action.status;

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    const found: Record<string, string> = {};
    const text = narrative.trim();
    if (!text) found.narrative = 'Describe the progress made since the last update';
    else found.narrative = tooLong('The progress update', text, 4000) ?? '';
    const title = evidenceTitle.trim();
    const url = evidenceUrl.trim();
    if (!title && url) found['evidence-title'] = 'Describe the evidence the link goes to';
    else found['evidence-title'] = tooLong('The description of the evidence', title, 200) ?? '';
    found['evidence-url'] = checkEvidenceUrl(url) ?? '';
    const now = measureNow.trim();
    if (measure) {
      found['measure-current'] = !now
        ? 'Enter the outcome measure’s value now'
        : (tooLong('The outcome measure’s value', now, 120) ?? '');
    }
    if (Object.values(found).some(Boolean)) {
      s.fail(found, ['narrative', 'evidence-title', 'evidence-url', 'measure-current']);
      return;
    }
    const before = action;
    await run(s, props, {
      what: 'Your progress update',
      method: 'POST',
      path: '/updates',
      body: {
        narrative: text,
        evidence: title ? [{ title, ...(url ? { url } : {}) }] : [],
        ...(status && status !== action.status ? { status } : {}),
        ...(measure ? { measureCurrent: now } : {}),
      },
      flash: (saved) => ({ heading: 'Progress update added', body: ragChange(before, saved) }),
      fieldId: (field) =>
        field === 'narrative' || field === 'status'
          ? field
          : field === 'measureCurrent'
            ? 'measure-current'
            : evidenceFieldId(field),
      fallbackId: 'narrative',
    });
  };

  return html`
    <${FormShell} form=${props} state=${s} heading="Add a progress update">
      <p class="govuk-body">
        Progress updates cannot be changed once added. The board sees who added each one and when, with the RAG at the time.
      </p>
      <form novalidate onSubmit=${onSubmit}>
        <${Textarea}
          id="narrative"
          name="narrative"
          label="What progress has been made?"
          labelClasses="govuk-label--m"
          hint="Say what has been done since the last update, what is next and anything the board needs to know."
          value=${narrative}
          error=${s.fields.narrative}
          rows=${6}
          onInput=${setNarrative}
        />
        <fieldset class="govuk-fieldset" aria-describedby="evidence-hint">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Evidence (optional)</legend>
          <div id="evidence-hint" class="govuk-hint">
            For example, minutes of a meeting, a report or an audit. Link to where it is kept if it is online.
          </div>
          <${TextInput}
            id="evidence-title"
            name="evidenceTitle"
            label="What the evidence is"
            value=${evidenceTitle}
            error=${s.fields['evidence-title']}
            onInput=${setEvidenceTitle}
          />
          <${EvidenceUrlInput} id="evidence-url" value=${evidenceUrl} error=${s.fields['evidence-url']} onInput=${setEvidenceUrl} />
        </fieldset>
        ${
          measure
            ? html`<${TextInput}
                id="measure-current"
                name="measureCurrent"
                label=${`${measure.measure}: the value now`}
                labelClasses="govuk-label--m"
                hint=${`Baseline ${measure.baseline || 'not given'}, target ${measure.target || 'not given'}. The RAG can get better only when this moves toward the target, or a second board member verifies the update.`}
                value=${measureNow}
                error=${s.fields['measure-current']}
                inputClasses="govuk-input--width-10"
                onInput=${setMeasureNow}
              />`
            : null
        }
        <${Radios}
          idPrefix="status"
          name="status"
          legend="Status"
          legendClasses="govuk-fieldset__legend--m"
          hint="To mark the action complete, close it instead: closing needs evidence and a sign-off."
          items=${OPEN_STATUSES.map((v) => ({ value: v, text: STATUS_LABELS[v] }))}
          value=${shownStatus}
          error=${s.fields.status}
          onChange=${(v: string) => setStatus(v as ActionStatus)}
        />
        <${FormButtons} action=${action} busy=${s.busy} text="Add progress update" busyText="Adding…" />
      </form>
    </${FormShell}>
  `;
}
