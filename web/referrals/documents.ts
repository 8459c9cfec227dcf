/**
 * Documents attached to a referral (an Early Help Assessment, a DASH form, a body map), for every
 * page that shows or adds them: reading the list, the three steps of adding one (ask the API where to
 * send it, send the file there, ask the API to check what arrived), downloading, and the list itself.
 * The file goes straight to storage, never through the API; the API checks its type by its content.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Attachment } from '../../shared/referrals/attachment-schema.ts';
import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_SIZE_REASON,
  ATTACHMENT_TYPES,
  type AttachmentKind,
  describeSize,
  MAX_ATTACHMENT_BYTES,
} from '../../shared/referrals/attachments.ts';
import { ApiError, apiGet, apiPost, apiRequest } from '../platform/api.ts';
import { describeRefusal } from '../platform/refusal.ts';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  formatDateTime,
  Loading,
  ProblemState,
} from '../platform/ui.ts';

export type { Attachment };

const base = (referralId: string) => `/referrals/${encodeURIComponent(referralId)}/attachments`;

export async function loadDocuments(referralId: string): Promise<Attachment[]> {
  return (await apiGet<{ items: Attachment[] }>(base(referralId))).items;
}

/** Why a document could not be added, in the words of GOV.UK's file upload pattern, for one field. */
export class DocumentRefused extends Error {
  override readonly name = 'DocumentRefused';
  constructor(
    readonly field: 'file' | 'kind',
    message: string,
  ) {
    super(message);
  }
}

/** What a file chosen in the browser must be before it is sent anywhere. */
export function chosenFileProblem(file: File | undefined): string | null {
  if (!file) return 'Select a file';
  if (file.size === 0) return 'The selected file is empty';
  if (file.size > MAX_ATTACHMENT_BYTES) return `The selected file ${ATTACHMENT_SIZE_REASON}`;
  return null;
}

/** The API's reason for refusing the file, as the sentence the page shows. */
function refusalOf(error: unknown): DocumentRefused | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const kind = error.fieldError('kind');
  if (kind) return new DocumentRefused('kind', 'Select what kind of document it is');
  const reason = error.fieldError('file') ?? error.fieldError('size') ?? error.fieldError('fileName');
  if (!reason) return null;
  return new DocumentRefused('file', /^must /.test(reason) ? `The selected file ${reason}` : reason);
}

/**
 * Adds `file` to the referral: asks where to send it, sends it there as a form (with the fields the
 * storage asked for, the file last), then asks the API to check it. Throws DocumentRefused for what
 * the person can fix, ApiError for the rest.
 */
export async function uploadDocument(
  referralId: string,
  file: File,
  kind: AttachmentKind,
  idempotencyKey: string,
): Promise<Attachment> {
  try {
    const { attachment, upload } = (
      await apiRequest<{ attachment: Attachment; upload: { url: string; fields: Record<string, string> } }>(
        base(referralId),
        {
          method: 'POST',
          body: { fileName: file.name, size: file.size, kind },
          headers: { 'idempotency-key': idempotencyKey },
        },
      )
    ).data;
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append('file', file);
    const sent = await fetch(upload.url, { method: 'POST', body: form }).catch(() => null);
    if (!sent) throw new ApiError(0, { title: 'The file could not be sent' });
    if (sent.status === 413 || sent.status === 400)
      throw new DocumentRefused('file', `The selected file ${ATTACHMENT_SIZE_REASON}`);
    if (sent.status === 403)
      throw new DocumentRefused('file', 'The upload took too long. Upload the file again');
    if (!sent.ok) throw new ApiError(sent.status, { title: 'The file could not be stored' });
    const done = await apiPost<{ attachment: Attachment }>(
      `${base(referralId)}/${encodeURIComponent(attachment.id)}/complete`,
      undefined,
    );
    return done.attachment;
  } catch (error) {
    throw refusalOf(error) ?? error;
  }
}

/** Downloads a document: the API gives a short-lived address that saves the file, and audits it. */
export async function downloadDocument(referralId: string, attachmentId: string): Promise<void> {
  const { url } = await apiGet<{ url: string }>(
    `${base(referralId)}/${encodeURIComponent(attachmentId)}/download`,
  );
  const link = document.createElement('a');
  link.href = url;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

const typeWords = (contentType: string) =>
  ATTACHMENT_TYPES.find((t) => t.contentType === contentType)?.words ?? 'Document';

/**
 * The documents as a GOV.UK summary list: the file's name, then its kind, type, size and when it was
 * added, and a Download button (a request, so a button) naming the file for a screen reader.
 */
export function DocumentList(props: {
  documents: Attachment[];
  onDownload: (document: Attachment) => void;
  busy?: string | null;
}): VNode {
  if (props.documents.length === 0) return html`<p class="govuk-body">No documents have been attached.</p>`;
  return html`
    <dl class="govuk-summary-list" id="documents">
      ${props.documents.map(
        (d) => html`
          <div class="govuk-summary-list__row" key=${d.id}>
            <dt class="govuk-summary-list__key govuk-!-text-break-word">${d.fileName}</dt>
            <dd class="govuk-summary-list__value">
              ${ATTACHMENT_KIND_LABELS[d.kind]}<br />
              <span class="govuk-body-s">${typeWords(d.contentType)}, ${describeSize(d.size)}. Added ${formatDateTime(d.uploadedAt)} by ${d.uploadedBy.name}</span>
            </dd>
            <dd class="govuk-summary-list__actions">
              <button
                type="button"
                class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                data-module="govuk-button"
                disabled=${props.busy === d.id}
                onClick=${() => props.onDownload(d)}
              >
                Download<span class="govuk-visually-hidden"> ${d.fileName}</span>
              </button>
            </dd>
          </div>
        `,
      )}
    </dl>
  `;
}

/** The address of the page that adds documents to a referral; from check your answers, it returns there. */
export const documentsUrl = (referralId: string, returnToCheck = false) =>
  `/referrals/documents/?id=${encodeURIComponent(referralId)}${returnToCheck ? '&return=check' : ''}`;

/**
 * A referral's documents as a section of its page (check your answers, the referral itself): read
 * when the page shows, each with its download, and the way to add one when `addHref` is given.
 */
export function DocumentsSection(props: { referralId: string; addHref: string | null }): VNode {
  const [documents, setDocuments] = useState<Attachment[] | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [refused, setRefused] = useState<ErrorSummaryItem[]>([]);
  useEffect(() => {
    setFailed(null);
    loadDocuments(props.referralId).then(setDocuments, setFailed);
  }, [attempt]);
  const download = async (document: Attachment) => {
    setDownloading(document.id);
    setRefused([]);
    try {
      await downloadDocument(props.referralId, document.id);
    } catch (error) {
      setRefused(describeRefusal(error, () => 'documents-heading', 'documents-heading').items);
    } finally {
      setDownloading(null);
    }
  };
  return html`
    <h2 class="govuk-heading-m app-section-heading" id="documents-heading" tabindex="-1">Documents</h2>
    ${refused.length > 0 ? html`<${ErrorSummary} items=${refused} />` : null}
    ${
      failed
        ? html`<${ProblemState} error=${failed} what="the documents" onRetry=${() => setAttempt((n) => n + 1)} />`
        : documents === null
          ? html`<${Loading} text="Loading the documents…" />`
          : html`<${DocumentList} documents=${documents} busy=${downloading} onDownload=${download} />`
    }
    ${props.addHref ? html`<p class="govuk-body"><a class="govuk-link" href=${props.addHref}>Add a document</a></p>` : null}
  `;
}
