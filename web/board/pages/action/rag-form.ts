/**
 * Override the RAG the rules give, with a justification, or clear the override. The board sees an
 * override with who set it, why, and the rules' own rating.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { RAG_LABELS, RAG_RATINGS, type Rag } from '../../../../shared/board/labels.ts';
import { Button, formatDate, Radios, Textarea, useFormState } from '../../../platform/ui.ts';
import { tooLong } from '../../forms.ts';
import { RagTag } from '../../views.ts';
import { FormButtons, type FormProps, ragChange, run } from './form-helpers.ts';
import { FormShell } from './form-shell.ts';

export function RagForm(props: FormProps): VNode {
  const { action } = props;
  const [rag, setRag] = useState<string | null>(null);
  const [justification, setJustification] = useState('');
  const s = useFormState();

  const save = async (override: { rag: Rag; justification: string } | null) => {
    const before = action;
    await run(s, props, {
      what: override ? 'Your RAG override' : 'Clearing the override',
      method: 'PATCH',
      path: '',
      body: { ragOverride: override },
      flash: (saved) => ({
        heading: override ? `RAG set to ${RAG_LABELS[saved.rag].toLowerCase()}` : 'RAG override cleared',
        body: override ? ragChange(before, saved) : `The rules now set the RAG. ${ragChange(before, saved)}`,
      }),
      fieldId: (field) =>
        field.endsWith('justification') ? 'justification' : field.startsWith('ragOverride') ? 'rag' : null,
      fallbackId: 'rag',
    });
  };

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    const text = justification.trim();
    const found: Record<string, string> = {
      rag: rag ? '' : 'Choose red, amber or green',
      justification: !text
        ? 'Explain why the rating is overridden'
        : text.length < 10
          ? 'Explain why in at least 10 characters'
          : (tooLong('The justification', text, 1000) ?? ''),
    };
    if (found.rag || found.justification) {
      s.fail(found, ['rag', 'justification']);
      return;
    }
    await save({ rag: rag as Rag, justification: text });
  };

  return html`
    <${FormShell} form=${props} state=${s} heading="Override the RAG">
      <p class="govuk-body">
        The rules give <${RagTag} rag=${action.ragComputed} classes="app-tag--inline" />${action.ragOverride ? '.' : `: ${action.ragReason}.`}
        Override them only when the board knows something the dates do not show. The override stays until it is cleared,
        and the board sees it with your justification and the rules' own rating.
      </p>
      ${
        action.ragOverride
          ? html`
              <div class="govuk-inset-text">
                ${`Overridden to ${RAG_LABELS[action.ragOverride.rag].toLowerCase()} by ${action.ragOverride.by.name} on ${formatDate(action.ragOverride.at)}: “${action.ragOverride.justification}”`}
              </div>
            `
          : null
      }
      <form novalidate onSubmit=${onSubmit}>
        <${Radios}
          idPrefix="rag"
          name="rag"
          legend="What should the RAG be?"
          legendClasses="govuk-fieldset__legend--m"
          items=${RAG_RATINGS.map((r) => ({ value: r, text: RAG_LABELS[r] }))}
          value=${rag}
          error=${s.fields.rag}
          onChange=${setRag}
        />
        <${Textarea}
          id="justification"
          name="justification"
          label="Why?"
          labelClasses="govuk-label--m"
          hint="At least 10 characters. The board reads this beside the rating."
          value=${justification}
          error=${s.fields.justification}
          rows=${4}
          onInput=${setJustification}
        />
        <${FormButtons} action=${action} busy=${s.busy} text="Override the RAG" busyText="Saving…" />
      </form>
      ${
        action.ragOverride
          ? html`
              <h2 class="govuk-heading-m">Clear the override</h2>
              <p class="govuk-body">The RAG goes back to what the rules give: ${RAG_LABELS[action.ragComputed].toLowerCase()}.</p>
              <${Button} type="button" variant="secondary" text="Clear the override" disabled=${s.busy} onClick=${() => {
                if (!s.start()) return;
                void save(null);
              }} />
            `
          : null
      }
    </${FormShell}>
  `;
}
