/**
 * /referrals/documents/?id=[&return=check]: adding documents to a referral (an Early Help
 * Assessment, a DASH form, a body map), for its agency while it is a draft or waits for a decision,
 * and for the Front Door while it waits. The documents already attached are listed under the form,
 * each with its download. From check your answers (return=check), Continue goes back there.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../../../shared/directory/me.ts';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  type AttachmentKind,
  canAttach,
} from '../../../shared/referrals/attachments.ts';
import { boot } from '../../platform/chrome.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import {
  ButtonLink,
  ErrorMessage,
  FormPage,
  mount,
  NotificationBanner,
  PageHeading,
  PendingPage,
  Radios,
  setTitle,
  useFormState,
} from '../../platform/ui.ts';
import {
  type Attachment,
  chosenFileProblem,
  DocumentList,
  DocumentRefused,
  downloadDocument,
  loadDocuments,
  uploadDocument,
} from '../documents.ts';
import { sectionUrl } from '../sections.ts';
import {
  childNameOf,
  describeRefusal,
  loadAddressedReferral,
  ReferralNotFound,
  type ReferralWithTimeline,
} from '../views.ts';
import { actorOf, isTriage, viewUrl } from './view/addresses.ts';

const HEADING = 'Add a document';
const fromCheck = new URLSearchParams(window.location.search).get('return') === 'check';

function DocumentsPage(props: { me: Me; referral: ReferralWithTimeline; documents: Attachment[] }): VNode {
  const { referral } = props;
  const form = useFormState();
  const [documents, setDocuments] = useState(props.documents);
  const [kind, setKind] = useState<AttachmentKind | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // One key per chosen file: pressing Upload twice for the same file adds it once.
  const attempt = useRef<{ file: File; key: string } | null>(null);
  const allowed = canAttach(actorOf(props.me), referral).ok;
  const back =
    fromCheck && referral.status === 'draft' ? sectionUrl('check', referral.id) : viewUrl(referral.id);
  useEffect(() => setTitle(HEADING, form.errors.length > 0), [form.errors.length]);

  const onSubmit = async (event: Event) => {
    if (!form.start(event)) return;
    const file = input.current?.files?.[0];
    const found: Record<string, string> = {};
    if (!kind) found.kind = 'Select what kind of document it is';
    const fileProblem = chosenFileProblem(file);
    if (fileProblem) found.file = fileProblem;
    if (!kind || !file || fileProblem) {
      form.fail(found, ['kind', 'file']);
      return;
    }
    form.clear();
    form.setBusy(true);
    setAdded(null);
    if (attempt.current?.file !== file) attempt.current = { file, key: crypto.randomUUID() };
    try {
      const attachment = await uploadDocument(referral.id, file, kind, attempt.current.key);
      setDocuments((current) => [...current.filter((d) => d.id !== attachment.id), attachment]);
      setAdded(attachment.fileName);
      setKind(null);
      attempt.current = null;
      if (input.current) input.current.value = '';
      window.scrollTo(0, 0);
    } catch (error) {
      if (error instanceof DocumentRefused) form.fail({ [error.field]: error.message }, ['kind', 'file']);
      else form.setErrors(describeRefusal(error, () => 'file', 'file').items);
    } finally {
      form.setBusy(false);
    }
  };

  const download = async (document: Attachment) => {
    setDownloading(document.id);
    try {
      await downloadDocument(referral.id, document.id);
    } catch (error) {
      form.setErrors(describeRefusal(error, () => 'documents', 'documents').items);
    } finally {
      setDownloading(null);
    }
  };

  const fileError = form.fields.file;
  return html`
    <${FormPage}
      back=${html`<a class="govuk-back-link" href=${back}>Back</a>`}
      errors=${form.errors}
      submissions=${form.submissions}
      banner=${added ? html`<${NotificationBanner} type="success" heading=${`${added} has been attached`} />` : null}
    >
      <span class="govuk-caption-l">${referral.reference} – ${childNameOf(referral)}</span>
      <${PageHeading} text=${HEADING} size="l" />
      ${
        allowed
          ? html`
            <p class="govuk-body">
              Add what helps the Front Door decide: an Early Help Assessment, a DASH risk assessment, a body map or a chronology.
              Each document is kept with the referral and seen only by your agency and the Front Door.
            </p>
            <form novalidate onSubmit=${onSubmit} aria-label=${HEADING}>
              <${Radios}
                idPrefix="kind"
                name="kind"
                legend="What is the document?"
                legendClasses="govuk-fieldset__legend--m"
                items=${ATTACHMENT_KINDS.map((k) => ({ value: k, text: ATTACHMENT_KIND_LABELS[k] }))}
                value=${kind}
                error=${form.fields.kind}
                onChange=${(value: string) => setKind(value as AttachmentKind)}
              />
              <div class=${`govuk-form-group${fileError ? ' govuk-form-group--error' : ''}`}>
                <label class="govuk-label govuk-label--m" for="file">Upload a file</label>
                <div id="file-hint" class="govuk-hint">
                  A PDF, a Word, Excel or PowerPoint document, or a JPEG, PNG or HEIC photo, 10 MB at most.
                </div>
                ${fileError ? html`<${ErrorMessage} id="file-error" text=${fileError} />` : null}
                <input
                  ref=${input}
                  class=${`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`}
                  id="file"
                  name="file"
                  type="file"
                  accept=${ATTACHMENT_ACCEPT}
                  aria-describedby=${fileError ? 'file-hint file-error' : 'file-hint'}
                />
              </div>
              <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" disabled=${form.busy}>
                ${form.busy ? 'Uploading…' : 'Upload file'}
              </button>
            </form>`
          : html`<p class="govuk-body">
              Documents can no longer be added to this referral: it has been decided, closed or withdrawn.
            </p>`
      }
      <h2 class="govuk-heading-m">Documents attached</h2>
      <${DocumentList} documents=${documents} busy=${downloading} onDownload=${download} />
      <${ButtonLink} href=${back} text=${fromCheck && referral.status === 'draft' ? 'Continue' : 'Back to the referral'} />
    </${FormPage}>
  `;
}

function Page(): VNode {
  const { state, retry } = useSignedInLoad(
    (me) => me.roles.includes('referrer') || isTriage(me),
    async () => {
      const { referral } = await loadAddressedReferral();
      return { referral, documents: referral ? await loadDocuments(referral.id) : [] };
    },
    { redirect: true },
  );
  const notFound = state.kind === 'loaded' && !state.referral;
  useEffect(() => {
    if (notFound) setTitle('Referral not found');
    else if (state.kind !== 'loaded') setTitle(HEADING);
  }, [state.kind, notFound]);
  switch (state.kind) {
    case 'loading':
    case 'failed':
      return html`<${PendingPage} state=${state} heading=${HEADING} size="l" loading="Loading the referral…" what="the referral" onRetry=${retry} />`;
    case 'not-allowed':
      return html`<${PageHeading} text="You cannot add documents" size="l" />
        <p class="govuk-body">Documents are added by the agency that made the referral and by the Front Door. You are signed in as ${state.me.name}.</p>`;
    case 'loaded':
      if (!state.referral) return html`<${ReferralNotFound} />`;
      return html`<${DocumentsPage} me=${state.me} referral=${state.referral} documents=${state.documents} />`;
  }
}

boot();
mount(html`<${Page} />`);
