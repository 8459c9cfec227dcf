import * as z from '../../shared/platform/zod.ts';
import {
  AttachmentDownloadSchema,
  AttachmentInputSchema,
  AttachmentListSchema,
  CompletedAttachmentSchema,
  CreatedAttachmentSchema,
} from '../../shared/referrals/attachment-schema.ts';
import { jsonBody as body, createRoute, json, problem, bearer as security } from '../platform/routing.ts';

/** The HTTP contract of documents attached to a referral (attachments.ts). */
const tags = ['referrals'];
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const referralParams = z.object({ id: z.string().check(z.regex(ULID, 'is not a referral id')) });
const attachmentParams = z.object({
  id: z.string().check(z.regex(ULID, 'is not a referral id')),
  attachmentId: z.string().check(z.regex(ULID, 'is not an attachment id')),
});
const notFound = problem('No such referral or document (or another agency’s)');
const refusals = {
  400: problem('A bad id, or invalid fields'),
  401: problem('Not signed in'),
  403: problem('Neither a referrer nor the front door'),
  404: notFound,
};

export const createAttachment = createRoute({
  method: 'post',
  path: '/api/referrals/{id}/attachments',
  tags,
  summary:
    'Start attaching a document: answers a presigned upload (a multipart POST of `fields` then the file as `file`, within 5 minutes), then call complete. The referral’s agency while it is a draft or waits for a decision, the front door while it waits. Send an Idempotency-Key: a retry answers the same attachment',
  security,
  request: {
    params: referralParams,
    headers: z.object({ 'idempotency-key': z.optional(z.string()) }),
    body: body(AttachmentInputSchema),
  },
  responses: {
    201: json('The pending attachment, and where to upload its file', CreatedAttachmentSchema),
    200: json(
      'The attachment an earlier request with this key made, with a fresh upload',
      CreatedAttachmentSchema,
    ),
    ...refusals,
    409: problem('Decided, closed or withdrawn: no more documents'),
    422: problem(
      'A bad file name, a size over 10 MB, an unknown kind, too many documents, or a key used for another request',
    ),
  },
});

export const completeAttachment = createRoute({
  method: 'post',
  path: '/api/referrals/{id}/attachments/{attachmentId}/complete',
  tags,
  summary:
    'Finish attaching an uploaded document: its type is detected from its bytes; one the portal does not accept is deleted. Completing again answers the same document',
  security,
  request: { params: attachmentParams },
  responses: {
    200: json('The document, ready, with its detected type and stored size', CompletedAttachmentSchema),
    ...refusals,
    409: problem('Decided, closed or withdrawn: no more documents'),
    422: problem(
      'The file did not arrive, is too large, or is not a type the portal accepts (it is deleted)',
    ),
  },
});

export const listAttachments = createRoute({
  method: 'get',
  path: '/api/referrals/{id}/attachments',
  tags,
  summary: 'The documents attached to a referral, oldest first (whoever may read the referral). Audited',
  security,
  request: { params: referralParams },
  responses: { 200: json('The ready documents', AttachmentListSchema), ...refusals },
});

export const downloadAttachment = createRoute({
  method: 'get',
  path: '/api/referrals/{id}/attachments/{attachmentId}/download',
  tags,
  summary:
    'A 60-second address that downloads the document as an attachment, with its detected type (whoever may read the referral). Every download is audited',
  security,
  request: { params: attachmentParams },
  responses: { 200: json('Where to download it', AttachmentDownloadSchema), ...refusals },
});

export const attachmentRoutes = [createAttachment, listAttachments, completeAttachment, downloadAttachment];
