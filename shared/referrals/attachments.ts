/**
 * Documents attached to an early-help referral: their kinds, the types accepted (as detected from a
 * file's bytes, never its name), the limits, the file-name rule and who may attach. Pure and free of
 * zod, so a web page can import it without the schemas (attachment-schema.ts holds those).
 */
import type { ReferralStatus } from './labels.ts';
import {
  type Actor,
  canRead,
  type Permission,
  REFERRAL_NOT_FOUND_MESSAGE,
  type ReferralRef,
} from './lifecycle.ts';

export const ATTACHMENT_KINDS = [
  'early-help-assessment',
  'dash-risk-assessment',
  'body-map',
  'chronology',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  'early-help-assessment': 'Early Help Assessment',
  'dash-risk-assessment': 'DASH risk assessment',
  'body-map': 'Body map',
  chronology: 'Chronology',
  other: 'Other document',
};

export const isAttachmentKind = (kind: string): kind is AttachmentKind =>
  (ATTACHMENT_KINDS as readonly string[]).includes(kind);

export const ATTACHMENT_STATUSES = ['pending', 'ready'] as const;
export type AttachmentStatus = (typeof ATTACHMENT_STATUSES)[number];

/** The largest file accepted: 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** At most this many documents on one referral, counting those still being uploaded. */
export const MAX_ATTACHMENTS = 10;
export const MAX_FILE_NAME_LENGTH = 120;

/**
 * The types accepted, by the type detected from the content, with the words a person reads and the
 * file extensions a file picker can offer. Plain text is not among them: nothing in its bytes tells
 * it from HTML or a script. Macro-enabled Office files, archives, SVG and programs are refused too.
 */
export const ATTACHMENT_TYPES = [
  { contentType: 'application/pdf', words: 'PDF', extensions: ['.pdf'] },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    words: 'Word document',
    extensions: ['.docx'],
  },
  { contentType: 'application/msword', words: 'Word document', extensions: ['.doc'] },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    words: 'Excel spreadsheet',
    extensions: ['.xlsx'],
  },
  { contentType: 'application/vnd.ms-excel', words: 'Excel spreadsheet', extensions: ['.xls'] },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    words: 'PowerPoint presentation',
    extensions: ['.pptx'],
  },
  { contentType: 'application/vnd.ms-powerpoint', words: 'PowerPoint presentation', extensions: ['.ppt'] },
  { contentType: 'image/jpeg', words: 'JPEG image', extensions: ['.jpg', '.jpeg'] },
  { contentType: 'image/png', words: 'PNG image', extensions: ['.png'] },
  { contentType: 'image/heic', words: 'HEIC image', extensions: ['.heic'] },
  { contentType: 'image/heif', words: 'HEIC image', extensions: ['.heif'] },
] as const;
export type AttachmentContentType = (typeof ATTACHMENT_TYPES)[number]['contentType'];

export const isAllowedContentType = (type: string): type is AttachmentContentType =>
  ATTACHMENT_TYPES.some((t) => t.contentType === type);

/** For a file input's `accept`: the extensions of the accepted types. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.flatMap((t) => t.extensions).join(',');

/** What a refused file is told it must be. */
export const ATTACHMENT_TYPES_REASON =
  'must be a PDF, a Word, Excel or PowerPoint document, or a JPEG, PNG or HEIC image';
export const ATTACHMENT_SIZE_REASON = `must be ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB or smaller`;

/** "2.4 MB", "830 KB", "12 bytes": a size as a list of documents shows it. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

// C0 and C1 controls, and the bidirectional controls that can make "exe.pdf" read as "fdp.exe".
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/**
 * The name a file is kept under: only its last path segment (a browser may send `C:\fakepath\x.pdf`),
 * NFC-normalised and trimmed. Still to be checked with `attachmentInputProblems`.
 */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  return last.normalize('NFC').trim();
}

export interface AttachmentInput {
  fileName: string;
  size: number;
  kind: string;
}

/** What is wrong with a declared upload, by field (empty when nothing is). `fileName` is as cleaned. */
export function attachmentInputProblems(input: AttachmentInput): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  const name = input.fileName;
  const length = [...name].length;
  if (length < 1 || name === '.' || name === '..')
    problems.push({ field: 'fileName', reason: 'Enter the file’s name' });
  else if (length > MAX_FILE_NAME_LENGTH)
    problems.push({ field: 'fileName', reason: `must be ${MAX_FILE_NAME_LENGTH} characters or fewer` });
  else if (CONTROL.test(name))
    problems.push({ field: 'fileName', reason: 'must not contain control characters' });
  if (!Number.isInteger(input.size) || input.size < 1)
    problems.push({ field: 'size', reason: 'The file is empty: choose a file with something in it' });
  else if (input.size > MAX_ATTACHMENT_BYTES)
    problems.push({ field: 'size', reason: ATTACHMENT_SIZE_REASON });
  if (!isAttachmentKind(input.kind))
    problems.push({
      field: 'kind',
      reason: `must be one of: ${ATTACHMENT_KINDS.map((k) => ATTACHMENT_KIND_LABELS[k]).join(', ')}`,
    });
  return problems;
}

/** The statuses during which a referral takes new documents, from its agency and from the front door. */
const OPEN_TO_REFERRER: readonly ReferralStatus[] = ['draft', 'submitted', 'in_review'];
const OPEN_TO_FRONT_DOOR: readonly ReferralStatus[] = ['submitted', 'in_review'];

/** The statuses at which `actor` may attach documents to `referral` (a write is conditional on them). */
export function attachableStatuses(actor: Actor, referral: Pick<ReferralRef, 'agencyId'>): ReferralStatus[] {
  const statuses = new Set<ReferralStatus>();
  if (actor.roles.includes('referrer') && actor.agencyId !== null && actor.agencyId === referral.agencyId)
    for (const status of OPEN_TO_REFERRER) statuses.add(status);
  if (actor.roles.includes('triage')) for (const status of OPEN_TO_FRONT_DOOR) statuses.add(status);
  return [...statuses];
}

/**
 * Whether `actor` may attach a document to `referral`: its agency's referrers while it is a draft or
 * waits for a decision, the front door while it waits for a decision. In lifecycle.ts's order of
 * disclosure: roles first (403), then whether they may read it at all (404), then its status (409).
 */
export function canAttach(actor: Actor, referral: ReferralRef): Permission {
  if (!actor.roles.includes('referrer') && !actor.roles.includes('triage'))
    return { ok: false, reason: 'forbidden', message: 'Referrals are for referrers and the front door' };
  if (!canRead(actor, referral))
    return { ok: false, reason: 'not-found', message: REFERRAL_NOT_FOUND_MESSAGE };
  if (!attachableStatuses(actor, referral).includes(referral.status))
    return {
      ok: false,
      reason: 'conflict',
      message: 'Documents can no longer be attached: this referral has been decided, closed or withdrawn',
    };
  return { ok: true };
}
