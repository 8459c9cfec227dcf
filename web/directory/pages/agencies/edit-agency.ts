/** One agency, for the system owner: rename it, set its mailbox, deactivate or reactivate it. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Agency } from '../../../../shared/directory/schema.ts';
import { ApiError, apiPatch } from '../../../platform/api.ts';
import {
  Button,
  ErrorSummary,
  type ErrorSummaryItem,
  formatDateTime,
  NotificationBanner,
  PageHeading,
  setTitle,
  TextInput,
} from '../../../platform/ui.ts';
import { AgencyStatus, isAgency, kindLabel, MAILBOX_HINT } from './labels.ts';
import { onLinkClick } from './navigation.ts';
import { describeRefusal } from './refusal.ts';

export function EditAgency(props: {
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
          <${AgencyStatus} active=${agency.active} />
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
