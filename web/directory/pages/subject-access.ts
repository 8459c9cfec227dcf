/**
 * /audit/subject-access/: a subject access request answered from the audit trail, for the system
 * owner. The child's names, date of birth and the reason are sent in the body of a POST, never in
 * the address; the answer lists the records found about her and every entry about each, and can be
 * downloaded as the CSV report the council sends.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AUDIT_ENTITY_LABELS } from '../../../shared/directory/audit-actions.ts';
import { ApiError, apiDownload, apiPost } from '../../platform/api.ts';
import { boot } from '../../platform/chrome.ts';
import { failureText } from '../../platform/refusal.ts';
import {
  Button,
  DateInput,
  type DateParts,
  ErrorSummary,
  type ErrorSummaryItem,
  formatDateTime,
  mount,
  NotificationBanner,
  PageHeading,
  parseDateParts,
  plural,
  setTitle,
  TextInput,
} from '../../platform/ui.ts';
import { AdminPage, type AuditEntry, EntryTable, fieldSummary } from '../audit-views.ts';

interface Report {
  generatedAt: string;
  reason: string;
  matchedOn: string;
  records: {
    entity: { type: string; id: string };
    firstSeen: string;
    lastSeen: string;
    entries: AuditEntry[];
    truncated: boolean;
  }[];
  truncated: boolean;
}

interface Query {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  reason: string;
}

const FIELD_IDS = {
  firstName: 'first-name',
  lastName: 'last-name',
  dateOfBirth: 'dob-day',
  reason: 'reason',
};

/** The same search as a file: the CSV report the council sends. */
function downloadReport(query: Query): Promise<string> {
  return apiDownload('/audit/subject-access?format=csv', {
    method: 'POST',
    body: query,
    accept: 'text/csv',
    fallbackName: 'subject-access.csv',
  });
}

function recordTitle(entity: { type: string; id: string }): string {
  return `${AUDIT_ENTITY_LABELS[entity.type as keyof typeof AUDIT_ENTITY_LABELS] ?? entity.type} ${entity.id}`;
}

function SubjectAccessPage(): VNode {
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [dob, setDob] = useState<DateParts>({ day: '', month: '', year: '' });
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ query: Query; report: Report } | null>(null);
  const [download, setDownload] = useState<
    { kind: 'idle' | 'busy' | 'failed' } | { kind: 'done'; name: string }
  >({
    kind: 'idle',
  });
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => setTitle('Subject access request', errors.length > 0), [errors.length]);
  useEffect(() => {
    if (answer) resultsHeading.current?.focus();
  }, [answer]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    const date = parseDateParts(dob, 'The child’s date of birth');
    const local: Record<string, string> = {};
    if (!firstName.trim()) local.firstName = 'Enter the child’s first name';
    if (!lastName.trim()) local.lastName = 'Enter the child’s last name';
    if ('error' in date) local.dateOfBirth = date.error;
    if (!reason.trim()) local.reason = 'Enter why you are searching, for example the request’s reference';
    if (Object.keys(local).length > 0) {
      setFields(local);
      setErrors(
        Object.entries(local).map(([f, text]) => ({
          href: `#${FIELD_IDS[f as keyof typeof FIELD_IDS]}`,
          text,
        })),
      );
      return;
    }
    const query: Query = {
      firstName: firstName.trim(),
      lastName: lastName.trim(),
      dateOfBirth: 'date' in date ? date.date : '',
      reason: reason.trim(),
    };
    setBusy(true);
    setDownload({ kind: 'idle' });
    try {
      const report = await apiPost<Report>('/audit/subject-access', query);
      setFields({});
      setErrors([]);
      setAnswer({ query, report });
    } catch (error) {
      setAnswer(null);
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const summary = fieldSummary(error.fieldErrors, FIELD_IDS, 'first-name');
        setFields(summary.fields);
        setErrors(summary.items);
      } else {
        setErrors([{ href: '#first-name', text: failureText(error) }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const onDownload = async () => {
    if (!answer || download.kind === 'busy') return;
    setDownload({ kind: 'busy' });
    try {
      setDownload({ kind: 'done', name: await downloadReport(answer.query) });
    } catch {
      setDownload({ kind: 'failed' });
    }
  };

  const report = answer?.report;
  const entries = report?.records.reduce((n, r) => n + r.entries.length, 0) ?? 0;
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${errors.length > 0 ? html`<${ErrorSummary} key=${submissions} items=${errors} />` : null}
      <a href="/audit/" class="govuk-back-link">Back to the audit trail</a>
      <${PageHeading} text="Subject access request" />
      <p class="govuk-body">Find every record the portal holds about a child, and everyone who created, changed, opened or saw each one. The search matches her first name, last name and date of birth however they were typed. Your search is recorded, with its reason.</p>
      <p class="govuk-body">The records’ own content is not part of this report: the service that owns each record supplies it.</p>
      <form novalidate onSubmit=${onSubmit}>
        <${TextInput} id="first-name" name="firstName" label="Child’s first name" labelClasses="govuk-label--s" value=${firstName} error=${fields.firstName} spellcheck=${false} autocomplete="off" onInput=${setFirstName} />
        <${TextInput} id="last-name" name="lastName" label="Child’s last name" labelClasses="govuk-label--s" value=${lastName} error=${fields.lastName} spellcheck=${false} autocomplete="off" onInput=${setLastName} />
        <${DateInput} id="dob" name="dateOfBirth" legend="Child’s date of birth" legendClasses="govuk-fieldset__legend--s" hint="For example, 14 5 2018" value=${dob} error=${fields.dateOfBirth} onChange=${setDob} />
        <${TextInput}
          id="reason"
          name="reason"
          label="Reason for the search"
          labelClasses="govuk-label--s"
          hint="For example, the request’s reference: SAR ref 2026-041"
          value=${reason}
          error=${fields.reason}
          spellcheck=${false}
          onInput=${setReason}
        />
        <${Button} text=${busy ? 'Searching…' : 'Search the audit trail'} disabled=${busy} />
      </form>
    </div></div>
    ${
      report && answer
        ? html`
            <h2 class="govuk-heading-l" tabindex="-1" ref=${resultsHeading}>
              ${report.records.length === 0 ? 'No records found' : report.records.length === 1 ? '1 record found' : `${report.records.length} records found`}
            </h2>
            <p class="govuk-body">
              For ${answer.query.firstName} ${answer.query.lastName}, born ${answer.query.dateOfBirth}. ${plural(entries, 'entry', 'entries')} in the audit trail. Searched ${formatDateTime(report.generatedAt)}, for: ${report.reason}.
            </p>
            ${
              report.truncated
                ? html`<${NotificationBanner} heading="More records matched than one search reports.">
                    <p class="govuk-body">Read the rest from the audit trail, record by record.</p>
                  </${NotificationBanner}>`
                : null
            }
            ${
              report.records.length > 0
                ? html`
                    <${Button} type="button" variant="secondary" text=${download.kind === 'busy' ? 'Downloading…' : 'Download the report (CSV)'} disabled=${download.kind === 'busy'} onClick=${onDownload} />
                    <p class="govuk-body" role="status">
                      ${download.kind === 'done' ? `Downloaded ${download.name}.` : download.kind === 'failed' ? 'The report could not be downloaded. Try again.' : ''}
                    </p>
                  `
                : html`<p class="govuk-body">The audit trail has no entry about a child with that name and date of birth.</p>`
            }
            ${report.records.map(
              (r) => html`
                <section key=${`${r.entity.type}:${r.entity.id}`} aria-labelledby=${`record-${r.entity.id}`}>
                  <h3 class="govuk-heading-m" id=${`record-${r.entity.id}`}>${recordTitle(r.entity)}</h3>
                  <p class="govuk-body">First seen ${formatDateTime(r.firstSeen)}; last seen ${formatDateTime(r.lastSeen)}.${r.truncated ? ' It has more entries than one search reads: see its own trail for the rest.' : ''}</p>
                  <${EntryTable} caption=${plural(r.entries.length, 'entry', 'entries')} entries=${r.entries} />
                </section>
              `,
            )}
          `
        : null
    }
  `;
}

boot();
mount(
  html`<${AdminPage} heading="Subject access request" returnTo="/audit/subject-access/" what="the page" page=${() => html`<${SubjectAccessPage} />`} />`,
);
