/**
 * /agencies/: the directory of partner agencies. Everyone signed in reads it; the admin role also
 * adds agencies, renames them, sets the safeguarding mailbox their notifications are emailed to, and
 * deactivates or reactivates them (never deletes: records point at them).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Agency, AgencyKind } from '../../../shared/agency.ts';
import type { Me } from '../../../shared/me.ts';
import { ApiError, apiGet, apiPatch, apiPost } from '../api.ts';
import { signInUrl } from '../auth.ts';
import { boot, loadMe } from '../chrome.ts';
import {
  Button,
  ButtonLink,
  ErrorSummary,
  type ErrorSummaryItem,
  formatDateTime,
  Loading,
  mount,
  NotificationBanner,
  PageHeading,
  ProblemState,
  Radios,
  setTitle,
  Tag,
  TextInput,
} from '../ui.ts';

interface AgencyPage {
  items: Agency[];
  nextCursor: string | null;
}

const PAGE_SIZE = 100;

/**
 * The kinds of agency, as shared/agency.ts's AGENCY_KIND_LABELS. Copied (and checked against its type)
 * because importing that module's values would bring zod's schemas into the page: +80 KB.
 */
const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  school: 'School or setting',
  health: 'Health',
  police: 'Police',
  'local-authority': 'Local authority',
  voluntary: 'Voluntary sector',
  other: 'Other',
};
const AGENCY_KINDS = Object.keys(AGENCY_KIND_LABELS) as AgencyKind[];

const MAILBOX_HINT =
  'When email is switched on, the front door’s decisions on this agency’s referrals are emailed here. Use a team address, like safeguarding@school.example.org, not a person’s.';

function kindLabel(kind: string): string {
  return (AGENCY_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

/** Turns a refused write into error-summary items and per-field messages. */
function describeRefusal(
  error: unknown,
  fieldIds: Record<string, string>,
  fallbackHref: string,
): { items: ErrorSummaryItem[]; fields: Record<string, string> } {
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    const fields: Record<string, string> = {};
    const items = error.fieldErrors.map((e) => {
      const id = fieldIds[e.field];
      if (id && !fields[e.field]) fields[e.field] = e.reason;
      return { href: `#${id ?? fallbackHref}`, text: e.reason };
    });
    return { items, fields };
  }
  if (error instanceof ApiError && error.status !== 0 && error.status < 500) {
    return { items: [{ href: `#${fallbackHref}`, text: error.detail ?? error.title }], fields: {} };
  }
  const text =
    error instanceof ApiError && error.status === 0
      ? 'The portal could not be reached. Check your internet connection and try again.'
      : 'Sorry, there is a problem with the service. Nothing was changed. Try again in a few minutes.';
  return { items: [{ href: `#${fallbackHref}`, text }], fields: {} };
}

function isAgency(value: unknown): value is Agency {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Agency).id === 'string' &&
    typeof (value as Agency).name === 'string' &&
    typeof (value as Agency).version === 'number'
  );
}

// Navigation between the list and one agency, kept in the address (?edit=<id>) so Back works.

function editIdFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('edit');
}

function go(editId: string | null): void {
  const url = editId ? `/agencies/?edit=${encodeURIComponent(editId)}` : '/agencies/';
  window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

function onLinkClick(editId: string | null) {
  return (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(editId);
  };
}

// The list ---------------------------------------------------------------------------------------

function AgencyTable(props: { agencies: Agency[]; me: Me; canManage: boolean }): VNode {
  return html`
    <table class="govuk-table govuk-table--small-text-until-tablet">
      <caption class="govuk-table__caption govuk-table__caption--m">
        ${props.agencies.length === 1 ? '1 agency' : `${props.agencies.length} agencies`}
      </caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Agency</th>
          <th scope="col" class="govuk-table__header">Kind</th>
          <th scope="col" class="govuk-table__header">Status</th>
          ${props.canManage ? html`<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Actions</span></th>` : null}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        ${props.agencies.map(
          (agency) => html`
            <tr class="govuk-table__row" key=${agency.id}>
              <th scope="row" class="govuk-table__header">
                ${agency.name}
                ${props.me.agency?.id === agency.id ? html`<span class="govuk-hint app-inline-hint"> (your agency)</span>` : null}
              </th>
              <td class="govuk-table__cell">${kindLabel(agency.kind)}</td>
              <td class="govuk-table__cell">
                ${agency.active ? html`<${Tag} text="Active" colour="green" />` : html`<${Tag} text="Deactivated" colour="grey" />`}
              </td>
              ${
                props.canManage
                  ? html`<td class="govuk-table__cell app-table__action">
                      <a class="govuk-link" href=${`/agencies/?edit=${encodeURIComponent(agency.id)}`} onClick=${onLinkClick(agency.id)}>
                        Change<span class="govuk-visually-hidden"> ${agency.name}</span>
                      </a>
                    </td>`
                  : null
              }
            </tr>
          `,
        )}
      </tbody>
    </table>
  `;
}

function AddAgencyForm(props: {
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

// One agency -------------------------------------------------------------------------------------

function EditAgency(props: {
  agency: Agency;
  onSaved: (agency: Agency, message: string) => void;
  onConflict: (current: Agency | null) => void;
  conflict: boolean;
}): VNode {
  const { agency } = props;
  const [name, setName] = useState(agency.name);
  const [mailbox, setMailbox] = useState(agency.notifyEmail ?? '');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => setTitle(`Change ${agency.name}`, errors.length > 0), [agency.name, errors.length]);
  // A newer record (after a conflict) replaces what was typed.
  useEffect(() => setName(agency.name), [agency.version, agency.name]);
  useEffect(() => setMailbox(agency.notifyEmail ?? ''), [agency.version, agency.notifyEmail]);

  const save = async (
    change: { name?: string; active?: boolean; notifyEmail?: string | null },
    message: (a: Agency) => string,
  ) => {
    if (busy) return;
    setBusy(true);
    setSubmissions((n) => n + 1);
    try {
      const saved = await apiPatch<Agency>(
        `/agencies/${encodeURIComponent(agency.id)}`,
        change,
        agency.version,
      );
      setErrors([]);
      props.onSaved(saved, message(saved));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 412)) {
        setErrors([]);
        setFields({});
        const current = [error.problem.current, error.problem.record, error.problem.agency].find(isAgency);
        props.onConflict(current ?? null);
      } else {
        const refusal = describeRefusal(
          error,
          { name: 'rename-name', notifyEmail: 'mailbox-email' },
          change.notifyEmail === undefined ? 'rename-heading' : 'mailbox-heading',
        );
        setFields(refusal.fields);
        setErrors(refusal.items);
      }
    } finally {
      setBusy(false);
    }
  };

  const onRename = (event: Event) => {
    event.preventDefault();
    void save({ name: name.trim() }, (saved) => `${agency.name} is now called ${saved.name}.`);
  };

  // An emptied box removes the mailbox; leaving it empty when there is none changes nothing.
  const onMailbox = (event: Event) => {
    event.preventDefault();
    const address = mailbox.trim();
    if (!address && !agency.notifyEmail) {
      setFields({ notifyEmail: 'Enter the mailbox’s email address' });
      setErrors([{ href: '#mailbox-email', text: 'Enter the mailbox’s email address' }]);
      setSubmissions((n) => n + 1);
      return;
    }
    void save({ notifyEmail: address || null }, (saved) =>
      saved.notifyEmail
        ? `${saved.name}’s notifications will be emailed to ${saved.notifyEmail}.`
        : `${saved.name} no longer has a safeguarding mailbox. Its notifications stay in the portal’s Messages.`,
    );
  };

  return html`
    <a href="/agencies/" class="govuk-back-link" onClick=${onLinkClick(null)}>Back to partner agencies</a>
    ${errors.length > 0 ? html`<${ErrorSummary} key=${submissions} items=${errors} />` : null}
    ${
      props.conflict
        ? html`<${NotificationBanner} key=${`conflict-${agency.version}`} heading="Someone else changed this agency while you were looking at it.">
            <p class="govuk-body">Nothing you did was saved. Below is the agency as it is now: check it, then make your change again if you still need to.</p>
          </${NotificationBanner}>`
        : null
    }
    <${PageHeading} caption="Partner agencies" text=${agency.name} size="l" focus=${!props.conflict} />
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Kind</dt>
        <dd class="govuk-summary-list__value">${kindLabel(agency.kind)}</dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Status</dt>
        <dd class="govuk-summary-list__value">
          ${agency.active ? html`<${Tag} text="Active" colour="green" />` : html`<${Tag} text="Deactivated" colour="grey" />`}
        </dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Safeguarding mailbox</dt>
        <dd class="govuk-summary-list__value">${agency.notifyEmail ?? 'Not set'}</dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Last changed</dt>
        <dd class="govuk-summary-list__value">${formatDateTime(agency.updatedAt)}</dd>
      </div>
    </dl>

    <h2 class="govuk-heading-m" id="rename-heading" tabindex="-1">Rename</h2>
    <form novalidate onSubmit=${onRename}>
      <${TextInput}
        id="rename-name"
        name="name"
        label="New name"
        labelClasses="govuk-label--s"
        value=${name}
        error=${fields.name}
        spellcheck=${false}
        onInput=${setName}
      />
      <${Button} text="Save name" disabled=${busy} />
    </form>

    <h2 class="govuk-heading-m" id="mailbox-heading" tabindex="-1">Safeguarding mailbox</h2>
    <form novalidate onSubmit=${onMailbox}>
      <${TextInput}
        id="mailbox-email"
        name="notifyEmail"
        type="email"
        label="Email address"
        labelClasses="govuk-label--s"
        hint=${`${MAILBOX_HINT}${agency.notifyEmail ? ' Empty the box and save to remove it.' : ''}`}
        value=${mailbox}
        error=${fields.notifyEmail}
        autocomplete="off"
        spellcheck=${false}
        onInput=${setMailbox}
      />
      <${Button} text="Save mailbox" disabled=${busy} />
    </form>

    <h2 class="govuk-heading-m">${agency.active ? 'Deactivate' : 'Reactivate'}</h2>
    ${
      agency.active
        ? html`
            <p class="govuk-body">
              Deactivate an agency that has closed, merged or left the partnership. It stays in the directory and on
              every record that names it; nothing is deleted. You can reactivate it later.
            </p>
            <${Button}
              text="Deactivate agency"
              type="button"
              variant="warning"
              disabled=${busy}
              onClick=${() => void save({ active: false }, (saved) => `${saved.name} has been deactivated. Nothing was deleted.`)}
            />
          `
        : html`
            <p class="govuk-body">This agency is deactivated. Reactivate it if it has rejoined the partnership.</p>
            <${Button}
              text="Reactivate agency"
              type="button"
              variant="secondary"
              disabled=${busy}
              onClick=${() => void save({ active: true }, (saved) => `${saved.name} has been reactivated.`)}
            />
          `
    }
  `;
}

// The page ---------------------------------------------------------------------------------------

type ListState =
  | { kind: 'loading' }
  | { kind: 'loaded'; page: AgencyPage }
  | { kind: 'failed'; error: unknown };
type MeState = { kind: 'loading' } | { kind: 'loaded'; me: Me | null } | { kind: 'failed'; error: unknown };

function AgenciesPage(): VNode {
  const [meState, setMeState] = useState<MeState>({ kind: 'loading' });
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [editId, setEditId] = useState<string | null>(editIdFromUrl());
  const [flash, setFlash] = useState<{ id: number; text: string } | null>(null);
  const [addErrors, setAddErrors] = useState<ErrorSummaryItem[]>([]);
  const [addSubmissions, setAddSubmissions] = useState(0);
  const [conflict, setConflict] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  /** Coming back to the list moves focus to its heading, so the change of view is announced. */
  const [cameBack, setCameBack] = useState(false);

  const loadList = useCallback(() => {
    setList((current) => (current.kind === 'loaded' ? current : { kind: 'loading' }));
    apiGet<AgencyPage>(`/agencies?limit=${PAGE_SIZE}`).then(
      (page) => setList({ kind: 'loaded', page }),
      (error: unknown) => setList({ kind: 'failed', error }),
    );
  }, []);

  const start = useCallback(() => {
    setMeState({ kind: 'loading' });
    loadMe().then(
      (me) => {
        setMeState({ kind: 'loaded', me });
        if (me) loadList();
      },
      (error: unknown) => setMeState({ kind: 'failed', error }),
    );
  }, [loadList]);

  useEffect(start, []);
  useEffect(() => {
    const onPop = () => {
      const id = editIdFromUrl();
      setEditId(id);
      setConflict(false);
      setCameBack(id === null);
      if (id !== null) {
        setFlash(null);
        setAddErrors([]);
      }
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    if (!editId) setTitle('Partner agencies', addErrors.length > 0);
  }, [editId, addErrors.length]);

  const loadMore = async (cursor: string) => {
    setLoadingMore(true);
    setMoreFailed(false);
    try {
      const next = await apiGet<AgencyPage>(
        `/agencies?limit=${PAGE_SIZE}&cursor=${encodeURIComponent(cursor)}`,
      );
      setList((current) =>
        current.kind === 'loaded'
          ? {
              kind: 'loaded',
              page: { items: [...current.page.items, ...next.items], nextCursor: next.nextCursor },
            }
          : current,
      );
    } catch {
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  };

  const replaceAgency = (agency: Agency) =>
    setList((current) =>
      current.kind === 'loaded'
        ? {
            kind: 'loaded',
            page: {
              ...current.page,
              items: current.page.items.map((a) => (a.id === agency.id ? agency : a)),
            },
          }
        : current,
    );

  const showFlash = (text: string) => setFlash((current) => ({ id: (current?.id ?? 0) + 1, text }));

  if (meState.kind === 'loading' || (meState.kind === 'loaded' && meState.me && list.kind === 'loading')) {
    return html`<${PageHeading} text="Partner agencies" /><${Loading} text="Loading the partner agencies…" />`;
  }
  if (meState.kind === 'failed') {
    return html`<${PageHeading} text="Partner agencies" /><${ProblemState} error=${meState.error} what="the partner agencies" onRetry=${start} />`;
  }
  const me = meState.me;
  if (!me) {
    return html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <${PageHeading} text="Partner agencies" />
        <p class="govuk-body">The directory of partner agencies is for people who work in the partnership.</p>
        <p class="govuk-body">Sign in to see it.</p>
        <${ButtonLink} href=${signInUrl('/agencies/')} text="Sign in" />
      </div></div>
    `;
  }
  if (list.kind === 'failed') {
    return html`<${PageHeading} text="Partner agencies" /><${ProblemState} error=${list.error} what="the partner agencies" onRetry=${loadList} />`;
  }
  if (list.kind !== 'loaded') return html`<${Loading} text="Loading the partner agencies…" />`;

  const canManage = me.roles.includes('admin');
  // The directory reads best by name; the API pages by its own key.
  const agencies = [...list.page.items].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

  if (editId && canManage) {
    const agency = agencies.find((a) => a.id === editId);
    if (!agency) {
      return html`
        <a href="/agencies/" class="govuk-back-link" onClick=${onLinkClick(null)}>Back to partner agencies</a>
        <${PageHeading} text="Agency not found" focus=${true} />
        <p class="govuk-body">There is no agency with that reference in the directory.</p>
      `;
    }
    return html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <${EditAgency}
          key=${agency.id}
          agency=${agency}
          conflict=${conflict}
          onSaved=${(saved: Agency, message: string) => {
            replaceAgency(saved);
            setConflict(false);
            showFlash(message);
            go(null);
          }}
          onConflict=${(current: Agency | null) => {
            setConflict(true);
            if (current) replaceAgency(current);
            else loadList();
          }}
        />
      </div></div>
    `;
  }

  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-full">
      ${addErrors.length > 0 ? html`<${ErrorSummary} key=${addSubmissions} items=${addErrors} />` : null}
      ${flash ? html`<${NotificationBanner} key=${flash.id} type="success" heading=${flash.text} />` : null}
      <${PageHeading} text="Partner agencies" focus=${cameBack && flash === null && addErrors.length === 0} />
      <p class="govuk-body-l">The agencies that work together in the Northshire Safeguarding Partnership.</p>
      ${
        agencies.length === 0
          ? html`<p class="govuk-body">No agencies have been added yet.${canManage ? ' Add the first one below.' : ''}</p>`
          : html`<${AgencyTable} agencies=${agencies} me=${me} canManage=${canManage} />`
      }
      ${
        list.page.nextCursor
          ? html`
              ${moreFailed ? html`<p class="govuk-body">The next agencies could not be loaded. Try again.</p>` : null}
              <${Button}
                text=${loadingMore ? 'Loading…' : 'Show more agencies'}
                type="button"
                variant="secondary"
                disabled=${loadingMore}
                onClick=${() => list.page.nextCursor && loadMore(list.page.nextCursor)}
              />
            `
          : null
      }
      ${
        canManage
          ? html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              <${AddAgencyForm}
                onAdded=${(agency: Agency) => {
                  showFlash(`${agency.name} has been added to the directory.`);
                  loadList();
                }}
                onErrors=${(items: ErrorSummaryItem[]) => {
                  if (items.length > 0) setFlash(null);
                  setAddSubmissions((n) => n + 1);
                  setAddErrors(items);
                }}
              />
            </div></div>`
          : null
      }
    </div></div>
  `;
}

boot();
mount(html`<${AgenciesPage} />`);
