/** The directory's words for an agency: its kind, its status, and what its mailbox is for. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { AGENCY_KIND_LABELS } from '../../../../shared/directory/labels.ts';
import type { Agency } from '../../../../shared/directory/schema.ts';
import { Tag } from '../../../platform/ui.ts';

export const MAILBOX_HINT =
  'When email is switched on, the front door’s decisions on this agency’s referrals are emailed here. Use a team address, like safeguarding@school.example.org, not a person’s.';

export function kindLabel(kind: string): string {
  return (AGENCY_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export function isAgency(value: unknown): value is Agency {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Agency).id === 'string' &&
    typeof (value as Agency).name === 'string' &&
    typeof (value as Agency).version === 'number'
  );
}

/** Whether the agency is in the partnership now. */
export function AgencyStatus(props: { active: boolean }): VNode {
  return props.active
    ? html`<${Tag} text="Active" colour="green" />`
    : html`<${Tag} text="Deactivated" colour="grey" />`;
}
