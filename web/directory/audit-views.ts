/**
 * What the audit pages share: an entry as the API sends it, the table of entries (when, who, what,
 * outcome, from where, reason), and the page's gate (signed in, and the admin role).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { auditActionLabel } from '../../shared/directory/audit-actions.ts';
import type { Me } from '../../shared/directory/me.ts';
import type { FieldError } from '../platform/api.ts';
import { signInUrl } from '../platform/auth.ts';
import { loadMe } from '../platform/chrome.ts';
import { PendingPage } from '../platform/page-states.ts';
import { fieldRefusal, type Refusal } from '../platform/refusal.ts';
import { ButtonLink, formatDateTime, PageHeading, Table, Tag } from '../platform/ui.ts';

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  outcome: 'allowed' | 'denied';
  entity: { type: string; id: string };
  actor: {
    userId: string;
    name?: string;
    roles: string[];
    agencyId: string | null;
    agencyName?: string;
  } | null;
  requestId: string;
  sourceIp?: string;
  detail?: string;
  reason?: string;
  ids?: string[];
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** The table of entries. `onPerson` offers each person's own trail from their row. */
export function EntryTable(props: {
  caption: string;
  entries: AuditEntry[];
  onPerson?: (actor: NonNullable<AuditEntry['actor']>) => void;
}): VNode {
  return html`
    <${Table}
      classes="govuk-table--small-text-until-tablet app-audit-table"
      caption=${props.caption}
      captionSize="m"
      head=${['When', 'Who', 'What', 'Outcome', 'From where', 'Reason']}
    >
      ${props.entries.map((e) => html`<${EntryRow} key=${e.id} entry=${e} onPerson=${props.onPerson} />`)}
    </${Table}>
  `;
}

function EntryRow(props: {
  entry: AuditEntry;
  onPerson?: ((actor: NonNullable<AuditEntry['actor']>) => void) | undefined;
}): VNode {
  const { entry, onPerson } = props;
  const actor = entry.actor;
  const who = actor ? (actor.name ?? actor.userId) : 'Not signed in';
  return html`
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">${formatDateTime(entry.at)}</td>
      <td class="govuk-table__cell">
        <strong>${who}</strong>
        ${actor?.agencyName || actor?.agencyId ? html`<br /><span class="govuk-body-s">${actor.agencyName ?? actor.agencyId}</span>` : null}
        ${actor?.roles.length ? html`<br /><span class="govuk-body-s">${actor.roles.join(', ')}</span>` : null}
        ${
          actor && onPerson
            ? html`<br /><button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-top-2 govuk-!-margin-bottom-0" onClick=${() => onPerson(actor)}>
                See everything ${who} did
              </button>`
            : null
        }
      </td>
      <td class="govuk-table__cell">
        ${auditActionLabel(entry.action)}
        <br /><span class="govuk-body-s">${entry.entity.type} ${entry.entity.id}</span>
        ${entry.detail ? html`<br /><span class="govuk-body-s">${entry.detail}</span>` : null}
      </td>
      <td class="govuk-table__cell">
        ${entry.outcome === 'allowed' ? html`<${Tag} text="Allowed" colour="green" />` : html`<${Tag} text="Refused" colour="red" />`}
      </td>
      <td class="govuk-table__cell">${entry.sourceIp ?? 'Not recorded'}</td>
      <td class="govuk-table__cell">${entry.reason ?? 'None given'}</td>
    </tr>
  `;
}

/** Null when the page may show; otherwise what to show instead (sign in, or not for this role). */
export function gate(me: Me | null, heading: string, returnTo: string): VNode | null {
  if (!me) {
    return html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <${PageHeading} text=${heading} />
        <p class="govuk-body">This page is for the portal’s system owner. Sign in to see it.</p>
        <${ButtonLink} href=${signInUrl(returnTo)} text="Sign in" />
      </div></div>
    `;
  }
  if (!me.roles.includes('admin')) {
    return html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <${PageHeading} text=${heading} />
        <p class="govuk-body">Only the portal’s system owner can read the audit trail.</p>
      </div></div>
    `;
  }
  return null;
}

/** The API's field reasons as error-summary items pointing at the page's fields, by the API's names. */
export function fieldSummary(errors: FieldError[], ids: Record<string, string>, fallback: string): Refusal {
  return fieldRefusal(errors, (field) => ids[field] ?? null, fallback, {
    byApiField: true,
    unshown: (e) => `${e.field} ${e.reason}`,
  });
}

/**
 * A system owner's page: who is signed in is loaded first, and only an admin sees `page`; anyone else
 * is asked to sign in or told the page is not theirs.
 */
export function AdminPage(props: {
  heading: string;
  returnTo: string;
  what: string;
  page: () => VNode;
}): VNode {
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'loaded'; me: Me | null } | { kind: 'failed'; error: unknown }
  >({ kind: 'loading' });
  const start = () => {
    setState({ kind: 'loading' });
    loadMe().then(
      (me) => setState({ kind: 'loaded', me }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  };
  useEffect(start, []);
  if (state.kind !== 'loaded')
    return html`<${PendingPage} state=${state} heading=${props.heading} loading="Loading…" what=${props.what} onRetry=${start} />`;
  return gate(state.me, props.heading, props.returnTo) ?? props.page();
}
