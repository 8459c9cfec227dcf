/**
 * What the action page's forms share: what a form gets from the page, the
 * write itself (sent with the version read; the page handles success and conflict), and the inputs and
 * buttons every form has.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { RAG_LABELS } from '../../../../shared/board/labels.ts';
import type { ActionView } from '../../../../shared/board/schema.ts';
import type { Me } from '../../../../shared/directory/me.ts';
import { apiRequest } from '../../../platform/api.ts';
import { Button, type FormState, TextInput } from '../../../platform/ui.ts';
import type { AgencyName } from '../../api.ts';
import { describeRefusal } from '../../forms.ts';
import type { ActionWithUpdates } from '../../labels.ts';
import { StepLink } from './navigation.ts';

export interface Flash {
  heading: string;
  body?: string;
}

export interface Conflict {
  what: string;
  changes: string[];
}

/** A message for one view: shown while the page is on the navigation it was made for. */
export type ForView<T> = T & { at: number };

/** What a form gets from the page. */
export interface FormProps {
  action: ActionWithUpdates;
  me: Me;
  agencies: AgencyName[];
  focus: boolean;
  conflict: Conflict | null;
  /** Sends the change with the version read; the page handles success and conflict. */
  send: (
    what: string,
    request: (version: number) => Promise<ActionView>,
    flash: (saved: ActionView) => Flash,
  ) => Promise<'saved' | 'conflict' | unknown>;
}

export function ragChange(before: ActionView, after: ActionView): string {
  return after.rag === before.rag
    ? `The RAG is still ${RAG_LABELS[after.rag].toLowerCase()}: ${after.ragReason}.`
    : `The RAG is now ${RAG_LABELS[after.rag].toLowerCase()} (it was ${RAG_LABELS[before.rag].toLowerCase()}): ${after.ragReason}.`;
}

/** One change to the action, and how the page words it. */
export interface Change {
  /** What is not saved when someone else changed the action first, e.g. "Your progress update". */
  what: string;
  method: 'POST' | 'PATCH';
  /** After the action's address: '', '/updates' or '/close'. */
  path: string;
  body: unknown;
  flash: (saved: ActionView) => Flash;
  /** The input a refused field of the API's is shown at, or null for one the form does not show. */
  fieldId: (field: string) => string | null;
  fallbackId: string;
}

/** Sends a change, keeping the error summary and field messages in step with what the API said. */
export async function run(state: FormState, form: FormProps, change: Change): Promise<void> {
  state.setBusy(true);
  const outcome = await form.send(
    change.what,
    async (version) =>
      (
        await apiRequest<ActionView>(`/board/actions/${form.action.id}${change.path}`, {
          method: change.method,
          ifMatch: version,
          body: change.body,
        })
      ).data,
    change.flash,
  );
  state.setBusy(false);
  if (outcome === 'saved' || outcome === 'conflict') {
    state.clear();
    return;
  }
  const refusal = describeRefusal(outcome, change.fieldId, change.fallbackId);
  state.setFields(refusal.fields);
  state.setErrors(refusal.items);
}

/** The input an API's `evidence…` field is shown at: its link's or its title's. */
export function evidenceFieldId(field: string, prefix = ''): string | null {
  if (!field.startsWith('evidence')) return null;
  return field.endsWith('url') ? `${prefix}evidence-url` : `${prefix}evidence-title`;
}

export function EvidenceUrlInput(props: {
  id: string;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}): VNode {
  return html`<${TextInput}
    id=${props.id}
    name="evidenceUrl"
    label="Link to the evidence (optional)"
    hint="A web address starting https://"
    value=${props.value}
    error=${props.error}
    spellcheck=${false}
    autocomplete="url"
    onInput=${props.onInput}
  />`;
}

/** The form's button, and Cancel back to the action. */
export function FormButtons(props: {
  action: ActionView;
  busy: boolean;
  text: string;
  busyText: string;
}): VNode {
  return html`
    <div class="govuk-button-group">
      <${Button} text=${props.busy ? props.busyText : props.text} disabled=${props.busy} />
      <${StepLink} id=${props.action.id} step=${null}>Cancel</${StepLink}>
    </div>
  `;
}
