import * as z from '../platform/zod.ts';
import { ATTACHMENT_KINDS, ATTACHMENT_STATUSES, MAX_ATTACHMENT_BYTES } from './attachments.ts';

/**
 * A document attached to a referral, and the requests that add one (attachments.ts holds the rules).
 * The body's fields are loosely typed on purpose: a size over the limit or an unknown kind is a rule
 * broken (422, by field), not a malformed request.
 */

export const AttachmentInputSchema = z.strictObject({
  fileName: z
    .string()
    .check(
      z.maxLength(1000, 'is far too long'),
      z.meta({ description: 'The file’s name, 1 to 120 characters; any path is dropped' }),
    ),
  size: z.number().check(z.meta({ description: `Bytes, 1 to ${MAX_ATTACHMENT_BYTES}` })),
  kind: z.string().check(z.meta({ description: `One of: ${ATTACHMENT_KINDS.join(', ')}` })),
});
export type AttachmentInputBody = z.infer<typeof AttachmentInputSchema>;

export const AttachmentSchema = z.object({
  id: z.string(),
  referralId: z.string(),
  fileName: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  /** Bytes: as declared while pending, as stored once ready. */
  size: z.int(),
  /** The type detected from the file's bytes (empty while pending). */
  contentType: z.string(),
  status: z.enum(ATTACHMENT_STATUSES),
  uploadedAt: z.iso.datetime(),
  uploadedBy: z.object({ agencyId: z.string(), name: z.string() }),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/**
 * Where to send the file: a multipart/form-data POST to `url` with every entry of `fields` first and
 * the file last, as the field named `file` (an S3 presigned POST, or the local runtime's stand-in).
 */
export const AttachmentUploadSchema = z.object({
  url: z.url(),
  fields: z.record(z.string(), z.string()),
  expiresAt: z.iso.datetime(),
});

export const CreatedAttachmentSchema = z.object({
  attachment: AttachmentSchema,
  upload: AttachmentUploadSchema,
});
export const CompletedAttachmentSchema = z.object({ attachment: AttachmentSchema });
export const AttachmentListSchema = z.object({ items: z.array(AttachmentSchema) });
/** A short-lived address that downloads the file (as an attachment, with its detected type). */
export const AttachmentDownloadSchema = z.object({ url: z.url(), expiresAt: z.iso.datetime() });
