/**
 * /audit/: the audit trail, for the system owner. Search one record's trail (any kind of record,
 * refused requests and lists of referrals too) or everything one person did, in a time range, newest
 * or oldest first; each search is itself audited with the reason given. What is searched for stays in
 * the page, never in the address.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AUDIT_ENTITY_LABELS, AUDIT_ENTITY_TYPES } from '../../../shared/directory/audit-actions.ts';
import { ApiError, apiRequest } from '../../platform/api.ts';
import { boot } from '../../platform/chrome.ts';
import { failureText } from '../../platform/refusal.ts';
import {
  Button,
  ErrorSummary,
  type ErrorSummaryItem,
  Loading,
  mount,
  PageHeading,
  Select,
  ShowMore,
  setTitle,
  TextInput,
} from '../../platform/ui.ts';
import { AdminPage, type AuditPage, EntryTable, fieldSummary } from '../audit-views.ts';

type Search =
  | { by: 'record'; type: string; id: string; order: string; reason: string }
  | { by: 'person'; userId: string; label: string; from: string; to: string; order: string; reason: string };

function pathOf(search: Search, cursor: string | null): string {
  const q = new URLSearchParams({ order: search.order, limit: '50' });
  if (cursor) q.set('cursor', cursor);
  if (search.by === 'record') {
    q.set('entity', search.type);
    q.set('id', search.id);
    return `/audit?${q}`;
  }
  if (search.from) q.set('from', search.from);
  if (search.to) q.set('to', search.to);
  return `/audit/actors/${encodeURIComponent(search.userId)}?${q}`;
}

async function fetchPage(search: Search, cursor: string | null): Promise<AuditPage> {
  const reason = search.reason.trim();
  return (
    await apiRequest<AuditPage>(pathOf(search, cursor), {
      ...(reason ? { headers: { 'x-access-reason': reason } } : {}),
    })
  ).data;
}

const ORDERS = [
  { value: 'newest', text: 'Newest first' },
  { value: 'oldest', text: 'Oldest first' },
];

type Results =
  | { kind: 'none' }
  | { kind: 'busy' }
  | { kind: 'shown'; search: Search; page: AuditPage; more: 'idle' | 'busy' | 'failed' };

function AuditTrailPage(): VNode {
  const [type, setType] = useState('referral');
  const [id, setId] = useState('');
  const [userId, setUserId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [order, setOrder] = useState('newest');
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [results, setResults] = useState<Results>({ kind: 'none' });
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => setTitle('Audit trail', errors.length > 0), [errors.length]);
  useEffect(() => {
    if (results.kind === 'shown' && results.more === 'idle') resultsHeading.current?.focus();
  }, [results.kind === 'shown' ? results.search : null]);

  const run = async (search: Search) => {
    setSubmissions((n) => n + 1);
    const missing: Record<string, string> = {};
    if (search.by === 'record' && !search.id.trim()) missing.id = 'Enter the record’s id';
    if (search.by === 'person' && !search.userId.trim()) missing.userId = 'Enter the person’s user id';
    if (Object.keys(missing).length > 0) {
      setFields(missing);
      setErrors(
        Object.entries(missing).map(([f, text]) => ({
          href: `#${f === 'id' ? 'record-id' : 'person-id'}`,
          text,
        })),
      );
      return;
    }
    setResults({ kind: 'busy' });
    try {
      const page = await fetchPage(search, null);
      setFields({});
      setErrors([]);
      setResults({ kind: 'shown', search, page, more: 'idle' });
    } catch (error) {
      setResults({ kind: 'none' });
      const ids = {
        id: 'record-id',
        entity: 'record-type',
        from: 'person-from',
        to: 'person-to',
        'X-Access-Reason': 'reason',
      };
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const summary = fieldSummary(
          error.fieldErrors,
          ids,
          search.by === 'record' ? 'record-id' : 'person-id',
        );
        setFields(summary.fields);
        setErrors(summary.items);
      } else {
        setErrors([{ href: '#record-id', text: failureText(error) }]);
      }
    }
  };

  const more = async () => {
    if (results.kind !== 'shown' || !results.page.nextCursor) return;
    const { search, page } = results;
    setResults({ ...results, more: 'busy' });
    try {
      const next = await fetchPage(search, page.nextCursor);
      setResults({
        kind: 'shown',
        search,
        page: { items: [...page.items, ...next.items], nextCursor: next.nextCursor },
        more: 'idle',
      });
    } catch {
      setResults({ ...results, more: 'failed' });
    }
  };

  const onPerson = (actor: { userId: string; name?: string }) => {
    setUserId(actor.userId);
    void run({
      by: 'person',
      userId: actor.userId,
      label: actor.name ?? actor.userId,
      from,
      to,
      order,
      reason,
    });
  };

  const heading = (search: Search) =>
    search.by === 'record'
      ? `${AUDIT_ENTITY_LABELS[search.type as keyof typeof AUDIT_ENTITY_LABELS] ?? search.type} ${search.id}`
      : `Everything ${search.label} did`;

  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-full">
      ${errors.length > 0 ? html`<${ErrorSummary} key=${submissions} items=${errors} />` : null}
      <${PageHeading} text="Audit trail" />
      <p class="govuk-body-l">Who created, changed, opened or was refused each record, and when. Your searches are recorded too, with the reason you give.</p>
      <p class="govuk-body">
        Answering a subject access request about a child? <a class="govuk-link" href="/audit/subject-access/">Search by the child’s name and date of birth</a>.
      </p>
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <${TextInput}
          id="reason"
          name="reason"
          label="Why you are looking (optional)"
          labelClasses="govuk-label--s"
          hint="Recorded with your search, for example a complaint’s or request’s reference"
          value=${reason}
          error=${fields['X-Access-Reason']}
          spellcheck=${false}
          onInput=${setReason}
        />
        <${Select} id="order" name="order" label="Show" labelClasses="govuk-label--s" value=${order} options=${ORDERS} onChange=${setOrder} />

        <h2 class="govuk-heading-m">Find a record’s trail</h2>
        <form novalidate onSubmit=${(event: Event) => {
          event.preventDefault();
          void run({ by: 'record', type, id: id.trim(), order, reason });
        }}>
          <${Select}
            id="record-type"
            name="entity"
            label="Kind of record"
            labelClasses="govuk-label--s"
            value=${type}
            options=${AUDIT_ENTITY_TYPES.map((t) => ({ value: t, text: AUDIT_ENTITY_LABELS[t] }))}
            error=${fields.entity}
            onChange=${setType}
          />
          <${TextInput}
            id="record-id"
            name="id"
            label="Record id"
            labelClasses="govuk-label--s"
            hint="For example a referral’s id, 01JD3Q8M0V6Z1S4X7B2N5C9K0E, or a refused route, /api/referrals/:id"
            value=${id}
            error=${fields.id}
            spellcheck=${false}
            autocomplete="off"
            onInput=${setId}
          />
          <${Button} text="Search the record’s trail" />
        </form>

        <h2 class="govuk-heading-m">Find what a person did</h2>
        <form novalidate onSubmit=${(event: Event) => {
          event.preventDefault();
          void run({ by: 'person', userId: userId.trim(), label: userId.trim(), from, to, order, reason });
        }}>
          <${TextInput}
            id="person-id"
            name="userId"
            label="User id"
            labelClasses="govuk-label--s"
            hint="Their sign-in id. You can also choose a person from any search’s results."
            value=${userId}
            error=${fields.userId}
            spellcheck=${false}
            autocomplete="off"
            onInput=${setUserId}
          />
          <${TextInput}
            id="person-from"
            name="from"
            label="From (optional)"
            labelClasses="govuk-label--s"
            hint="A date, for example 2026-03-01"
            value=${from}
            error=${fields.from}
            inputClasses="govuk-input--width-10"
            onInput=${setFrom}
          />
          <${TextInput}
            id="person-to"
            name="to"
            label="To (optional)"
            labelClasses="govuk-label--s"
            hint="A date, for example 2026-03-31: the whole day is included"
            value=${to}
            error=${fields.to}
            inputClasses="govuk-input--width-10"
            onInput=${setTo}
          />
          <${Button} text="Search the person’s trail" />
        </form>
      </div></div>

      ${results.kind === 'busy' ? html`<${Loading} text="Searching the audit trail…" />` : null}
      ${
        results.kind === 'shown'
          ? html`
              <h2 class="govuk-heading-l" tabindex="-1" ref=${resultsHeading}>${heading(results.search)}</h2>
              ${
                results.page.items.length === 0
                  ? html`<p class="govuk-body">There are no entries${results.search.by === 'person' && (results.search.from || results.search.to) ? ' in that time' : ''}.</p>`
                  : html`<${EntryTable}
                      caption=${results.page.items.length === 1 ? '1 entry' : `${results.page.items.length} entries${results.page.nextCursor ? ' so far' : ''}`}
                      entries=${results.page.items}
                      onPerson=${onPerson}
                    />`
              }
              <${ShowMore}
                hasMore=${Boolean(results.page.nextCursor)}
                text="Show more entries"
                busy=${results.more === 'busy'}
                failed=${results.more === 'failed'}
                failedText="The next entries could not be loaded. Try again."
                onClick=${more}
              />
            `
          : null
      }
    </div></div>
  `;
}

boot();
mount(
  html`<${AdminPage} heading="Audit trail" returnTo="/audit/" what="the audit trail" page=${() => html`<${AuditTrailPage} />`} />`,
);
