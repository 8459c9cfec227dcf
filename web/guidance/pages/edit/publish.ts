/** /guidance/edit/publish/?v=N: the change summary and effective date, then publishing, and what follows. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { GuidanceVersion } from '../../../../shared/guidance/schema.ts';
import { isApproved } from '../../../../shared/guidance/sign-off.ts';
import { ApiError, apiRequest } from '../../../platform/api.ts';
import {
  Button,
  DateInput,
  type DateParts,
  FormPage,
  formatDate,
  PageHeading,
  parseDateParts,
  setTitle,
  Textarea,
  useFormState,
} from '../../../platform/ui.ts';
import { describeChanges } from '../../changes.ts';
import { useChanges } from './compare.ts';
import { BackLink, NavLink, urls } from './navigation.ts';
import { ConflictBanner, describeRefusal, isConflict } from './saving.ts';
import { approvalText, PublishWaits } from './sign-off.ts';

export function Published(props: { version: GuidanceVersion }): VNode {
  const { version } = props;
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setTitle(`Version ${version.version} published`);
    ref.current?.focus();
  }, []);
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title" tabindex="-1" ref=${ref}>Version ${version.version} published</h1>
        <div class="govuk-panel__body">
          ${version.effectiveFrom ? `In effect from ${formatDate(version.effectiveFrom)}` : 'Now the current version'}
        </div>
      </div>
      <h2 class="govuk-heading-m">What happens next</h2>
      <p class="govuk-body">
        Everyone now sees version ${version.version} on the threshold guidance page, with your summary of what changed.
        The checker uses it for every new check, and each referral records the version it was made against.
      </p>
      <ul class="govuk-list">
        <li><a class="govuk-link" href="/guidance/">Read the threshold guidance</a></li>
        <li><a class="govuk-link" href=${`/guidance/version/?v=${version.version}`}>See what changed in version ${version.version}</a></li>
        <li><${NavLink} href=${urls.list()}>Back to all versions</${NavLink}></li>
      </ul>
    </div></div>
  `;
}

const PUBLISH_FIELDS: Record<string, string> = {
  changeSummary: 'change-summary',
  effectiveFrom: 'effective-from-day',
};

export function Publish(props: {
  draft: GuidanceVersion;
  focus: boolean;
  onPublished: (v: GuidanceVersion) => void;
}): VNode {
  const { draft } = props;
  const [summaryText, setSummaryText] = useState(draft.changeSummary ?? '');
  const [date, setDate] = useState<DateParts>({ day: '', month: '', year: '' });
  const [dateParts, setDateParts] = useState<(keyof DateParts)[]>([]);
  const [conflict, setConflict] = useState(false);
  const s = useFormState();
  const [changes] = useChanges(draft.version);

  useEffect(
    () => setTitle(`Publish version ${draft.version}`, s.errors.length > 0),
    [s.errors.length, draft.version],
  );

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    const found: Record<string, string> = {};
    const text = summaryText.trim();
    if (!text) found['change-summary'] = 'Enter a summary of what changed';
    else if (text.length > 2000) found['change-summary'] = 'The summary must be 2,000 characters or fewer';
    const parsed = parseDateParts(date, 'The date it takes effect');
    if ('error' in parsed) {
      found['effective-from'] = parsed.error;
      setDateParts(parsed.parts);
    }
    if (found['change-summary'] || !('date' in parsed)) {
      const firstPart = 'error' in parsed ? (parsed.parts[0] ?? 'day') : 'day';
      s.fail(found, ['change-summary', 'effective-from'], {
        'effective-from': `effective-from-${firstPart}`,
      });
      return;
    }
    s.setBusy(true);
    try {
      const { data } = await apiRequest<GuidanceVersion>(`/guidance/versions/${draft.version}/publish`, {
        method: 'POST',
        body: { changeSummary: text, effectiveFrom: parsed.date },
        ifMatch: draft.revision,
      });
      props.onPublished(data);
    } catch (error) {
      s.setBusy(false);
      if (isConflict(error)) {
        setConflict(true);
        s.clear();
        return;
      }
      if (error instanceof ApiError && error.status === 422) {
        // Content problems: each is fixed in the draft, so each links there.
        s.setFields({});
        s.setErrors(error.fieldErrors.map((e) => ({ href: urls.draft(draft.version), text: e.reason })));
        return;
      }
      const refusal = describeRefusal(error, (f) => PUBLISH_FIELDS[f] ?? null, 'change-summary');
      const mapped: Record<string, string> = {};
      for (const [id, reason] of Object.entries(refusal.fields))
        mapped[id === 'effective-from-day' ? 'effective-from' : id] = reason;
      setDateParts(['day', 'month', 'year']);
      s.setFields(mapped);
      s.setErrors(refusal.items);
    }
  };

  if (!isApproved(draft)) {
    // Only an approved draft is published (the API refuses any other): the page says why, with no form.
    return html`
      <${BackLink} href=${urls.draft(draft.version)} text=${`Draft version ${draft.version}`} />
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <${PageHeading} caption="Edit the threshold guidance" text=${`Publish version ${draft.version}`} size="l" focus=${props.focus} />
        <div class="govuk-inset-text">${approvalText(draft)}.</div>
        <${PublishWaits} version=${draft.version} />
      </div></div>
    `;
  }

  return html`
    <${FormPage}
      back=${html`<${BackLink} href=${urls.draft(draft.version)} text=${`Draft version ${draft.version}`} />`}
      errors=${s.errors}
      submissions=${s.submissions}
      banner=${conflict ? html`<${ConflictBanner} key=${s.submissions} what="The version was not published" />` : null}
    >
      <${PageHeading} caption="Edit the threshold guidance" text=${`Publish version ${draft.version}`} size="l" focus=${props.focus && s.errors.length === 0} />
      <p class="govuk-body" id="publish-approval">${approvalText(draft)}.</p>
      <p class="govuk-body">
        When you publish, version ${draft.version} becomes the guidance everyone sees and the checker uses, and
        version ${draft.version - 1} is kept as a superseded version. A published version cannot be changed.
      </p>
      <div class="govuk-inset-text">
        ${changes.kind === 'loaded' ? html`This version: ${describeChanges(changes.changes)}.${' '}` : null}
        <${NavLink} href=${urls.compare(draft.version)}>Check what changed before you publish</${NavLink}>
      </div>
      <form novalidate onSubmit=${onSubmit}>
        <${Textarea}
          id="change-summary"
          name="changeSummary"
          label="Summary of what changed"
          labelClasses="govuk-label--m"
          hint="Practitioners read this on the guidance page. Say what changed and why, in plain words."
          value=${summaryText}
          error=${s.fields['change-summary']}
          rows=${5}
          onInput=${setSummaryText}
        />
        <${DateInput}
          id="effective-from"
          name="effectiveFrom"
          legend="Date it takes effect"
          legendClasses="govuk-fieldset__legend--m"
          hint="For example, 1 9 2026"
          value=${date}
          error=${s.fields['effective-from']}
          errorParts=${dateParts}
          onChange=${setDate}
        />
        <${Button} text=${s.busy ? 'Publishing…' : `Publish version ${draft.version}`} disabled=${s.busy} />
      </form>
    </${FormPage}>
  `;
}
