/**
 * What the action page's forms share: what a form gets from the page, the
 * write itself (sent with the version read; the page handles success and conflict), and the inputs and
 * buttons every form has.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { RAG_LABELS } from '../../../../shared/board/labels.ts';
import type { ActionView } from '../../../../shared/board/schema.ts';
import { apiRequest } from '../../../platform/api.ts';
import { type RecordChange, type RecordFormProps, sendRecordChange } from '../../../platform/record-forms.ts';
import { type FormState, TextInput } from '../../../platform/ui.ts';
import { describeRefusal } from '../../forms.ts';
import type { ActionWithUpdates } from '../../labels.ts';
import { ADDRESSES } from './navigation.ts';

export type { Flash, ForView } from '../../../platform/record-forms.ts';

/** Someone else changed the action first: what was not saved, and what changed, in words. */
export interface Conflict {
  what: string;
  changes: string[];
}

/** What a form gets from the page: the action, and `send` with the version read. */
export interface FormProps extends RecordFormProps<number, ActionView, Conflict> {
  action: ActionWithUpdates;
}

export function ragChange(before: ActionView, after: ActionView): string {
  return after.rag === before.rag
    ? `The RAG is still ${RAG_LABELS[after.rag].toLowerCase()}: ${after.ragReason}.`
    : `The RAG is now ${RAG_LABELS[after.rag].toLowerCase()} (it was ${RAG_LABELS[before.rag].toLowerCase()}): ${after.ragReason}.`;
}

/** One change to the action (path after its address: '', '/updates' or '/close'), and how the page words it. */
export interface Change extends RecordChange<ActionView, 'POST' | 'PATCH'> {
  /** The input a refused field of the API's is shown at, or null for one the form does not show. */
  fieldId: (field: string) => string | null;
}

/** Sends a change, keeping the error summary and field messages in step with what the API said. */
export function run(state: FormState, form: FormProps, change: Change): Promise<void> {
  const url = `/board/actions/${form.action.id}${change.path}`;
  const request = async (version: number) =>
    (await apiRequest<ActionView>(url, { method: change.method, ifMatch: version, body: change.body })).data;
  return sendRecordChange(state, form.send, change, request, (outcome) =>
    describeRefusal(outcome, change.fieldId, change.fallbackId),
  );
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
  return html`<${ADDRESSES.FormButtons} id=${props.action.id} busy=${props.busy} text=${props.text} busyText=${props.busyText} />`;
}
