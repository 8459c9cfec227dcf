import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { ulid } from 'ulid';
import type { Attachment } from '../../shared/referrals/attachment-schema.ts';
import {
  ATTACHMENT_SIZE_REASON,
  ATTACHMENT_TYPES_REASON,
  attachableStatuses,
  attachmentInputProblems,
  canAttach,
  cleanFileName,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
} from '../../shared/referrals/attachments.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { Conflict, Forbidden, InvalidRequest, Unprocessable } from '../platform/errors.ts';
import { type AppContext, type AppEnv, signedIn } from '../platform/http.ts';
import { hasRole, type Principal } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import { NOBODYS_REFERRAL, NOT_FOUND, referralAnswers } from './answers.ts';
import type { ReferralsDeps } from './app.ts';
import { detectAttachmentType } from './attachment-content.ts';
import {
  completeAttachment,
  createAttachment,
  downloadAttachment,
  listAttachments,
} from './attachment-routes.ts';
import {
  DOWNLOAD_EXPIRES_SECONDS,
  incomingKey,
  storedKey,
  UPLOAD_EXPIRES_SECONDS,
} from './attachment-storage.ts';

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Documents attached to a referral. The file goes straight from the browser to storage by a presigned
 * upload; completing it copies it to where it is kept and detects its type from its bytes there, so
 * what was checked is what is served. Whoever may read the referral lists and downloads its documents
 * (each download audited); its agency attaches while it is a draft or waits for a decision, the front
 * door while it waits. Another agency's referral, or a document of another referral, answers 404
 * exactly as a missing referral does.
 */
export function createAttachmentRoutes(
  deps: Pick<ReferralsDeps, 'store' | 'audit' | 'clock' | 'subjectKey' | 'attachments'>,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, clock, attachments: storage } = deps;
  const { event, refuse, readable, written } = referralAnswers(deps);
  const about = (id: string) => ({ detail: `attachment ${id}` });

  /** The reads' gate: the roles GET /api/referrals/{id} takes, then the referral as it does. */
  const reader = async (c: AppContext, id: string, action: string) => {
    const me = signedIn(c);
    if (!hasRole(me, 'referrer', 'triage'))
      throw new Forbidden('Referrals are for referrers and the front door');
    return { me, referral: await readable(c, me, id, action) };
  };
  /** The referral, if the caller may attach to it; a status that no longer allows it is left to the caller. */
  const attachTarget = async (c: AppContext, me: Principal, id: string, action: string) => {
    const referral = await store.get(id);
    const check = canAttach(me, referral ?? NOBODYS_REFERRAL);
    if (!check.ok && check.reason !== 'conflict')
      return refuse(c, me, id, action, check, referral ?? undefined);
    if (!referral) return refuse(c, me, id, action, NOT_FOUND);
    return { referral, refusal: check.ok ? undefined : check };
  };
  /** A document of this referral, or 404 as if the referral were missing. */
  const documentOf = async (c: AppContext, me: Principal, referral: Referral, id: string, action: string) => {
    const found = await store.getAttachment(referral.id, id, clock());
    if (!found) return refuse(c, me, referral.id, action, NOT_FOUND, referral);
    return found;
  };
  const upload = (attachment: Attachment) =>
    storage.presignUpload(incomingKey(attachment.referralId, attachment.id), {
      maxBytes: MAX_ATTACHMENT_BYTES,
      expiresInSeconds: UPLOAD_EXPIRES_SECONDS,
    });

  bindRoute(app, createAttachment, async (c) => {
    const me = signedIn(c);
    const { id } = c.req.valid('param');
    const key = c.req.valid('header')['idempotency-key'];
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      throw new InvalidRequest([
        {
          field: 'Idempotency-Key',
          reason: 'Send a unique key of 8 to 128 letters, digits, - or _ with each new document',
        },
      ]);
    const input = c.req.valid('json');
    const action = 'referral.attachment.create';
    const { referral, refusal } = await attachTarget(c, me, id, action);
    if (refusal) return refuse(c, me, id, action, refusal, referral);
    const fileName = cleanFileName(input.fileName);
    const requestHash = createHash('sha256')
      .update(JSON.stringify({ id, fileName, size: input.size, kind: input.kind }))
      .digest('hex');
    /** A retry answers what the first request made, with a fresh upload; a key reused for another file is refused. */
    const replay = async (earlier: { attachmentId: string; requestHash: string }) => {
      if (earlier.requestHash !== requestHash)
        throw new Unprocessable(
          'This Idempotency-Key was already used for a different document: use a new key',
          [{ field: 'Idempotency-Key', reason: 'was used for a different request' }],
        );
      const attachment = await documentOf(c, me, referral, earlier.attachmentId, action);
      await deps.audit.append(
        event(c, me, 'referral.attachment.create.replayed', referral, about(attachment.id)),
      );
      return c.json({ attachment, upload: await upload(attachment) }, 200);
    };
    if (key) {
      const earlier = await store.attachmentIdempotency(me.userId, key);
      if (earlier) return replay(earlier);
    }
    const problems = attachmentInputProblems({ fileName, size: input.size, kind: input.kind });
    if (problems.length) throw new Unprocessable('The document cannot be attached', problems);
    const now = clock();
    if ((await store.listAttachments(id, now)).length >= MAX_ATTACHMENTS)
      throw new Unprocessable('The document cannot be attached', [
        { field: 'file', reason: `A referral can have at most ${MAX_ATTACHMENTS} documents` },
      ]);
    const attachment: Attachment = {
      id: ulid(now.getTime()),
      referralId: id,
      fileName,
      kind: input.kind as Attachment['kind'],
      size: input.size,
      contentType: '',
      status: 'pending',
      uploadedAt: now.toISOString(),
      uploadedBy: { agencyId: me.agencyId ?? '', name: me.name },
    };
    const outcome: { result?: Awaited<ReturnType<typeof store.createAttachment>> } = {};
    await written(me, id, async () => {
      outcome.result = await store.createAttachment(attachment, {
        audit: deps.audit.putItem(event(c, me, action, referral, about(attachment.id))),
        statuses: attachableStatuses(me, referral),
        now,
        ...(key
          ? {
              idempotency: {
                userId: me.userId,
                key,
                requestHash,
                expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
              },
            }
          : {}),
      });
    });
    if (outcome.result && !outcome.result.created) return replay(outcome.result);
    c.header('location', `/api/referrals/${id}/attachments/${attachment.id}`);
    return c.json({ attachment, upload: await upload(attachment) }, 201);
  });

  bindRoute(app, completeAttachment, async (c) => {
    const me = signedIn(c);
    const { id, attachmentId } = c.req.valid('param');
    const action = 'referral.attachment.complete';
    const { referral, refusal } = await attachTarget(c, me, id, action);
    const attachment = await documentOf(c, me, referral, attachmentId, action);
    // Completing again answers the same document, whatever has happened to the referral since.
    if (attachment.status === 'ready') return c.json({ attachment }, 200);
    if (refusal) return refuse(c, me, id, action, refusal, referral);

    const incoming = incomingKey(id, attachmentId);
    const stored = storedKey(id, attachmentId);
    /** Deletes the file and the pending record, audited with why, and refuses the file. */
    const discard = async (why: string, reason: string): Promise<never> => {
      await Promise.all([storage.delete(incoming), storage.delete(stored)]);
      const audit = deps.audit.putItem(
        event(c, me, 'referral.attachment.refuse', referral, {
          detail: `attachment ${attachmentId}: ${why}`,
        }),
      );
      await store.deleteAttachment(id, attachmentId, audit);
      throw new Unprocessable('The document was not attached', [{ field: 'file', reason }]);
    };

    const arrived = await storage.size(incoming);
    if (arrived !== null) {
      if (arrived > MAX_ATTACHMENT_BYTES) return discard('too large', ATTACHMENT_SIZE_REASON);
      // Only the copy is checked and served: a second upload to the same URL changes only the incoming one.
      await storage.copy(incoming, stored);
      await storage.delete(incoming);
    }
    const size = await storage.size(stored);
    if (size === null || size === 0)
      throw new Unprocessable('The file did not arrive', [
        { field: 'file', reason: 'The file did not arrive; upload it again' },
      ]);
    if (size > MAX_ATTACHMENT_BYTES) return discard('too large', ATTACHMENT_SIZE_REASON);
    const contentType = await detectAttachmentType(
      (offset, length) => storage.read(stored, offset, length),
      size,
    );
    if (!contentType) return discard('not a type the portal accepts', ATTACHMENT_TYPES_REASON);

    const ready: Attachment = { ...attachment, status: 'ready', size, contentType };
    try {
      await written(me, id, () =>
        store.completeAttachment(ready, {
          audit: deps.audit.putItem(event(c, me, action, referral, about(attachmentId))),
          statuses: attachableStatuses(me, referral),
        }),
      );
    } catch (error) {
      // A concurrent completion of the same document won: answer what it recorded.
      const now = await store.getAttachment(id, attachmentId, clock());
      if (error instanceof Conflict && now?.status === 'ready') return c.json({ attachment: now }, 200);
      throw error;
    }
    return c.json({ attachment: ready }, 200);
  });

  bindRoute(app, listAttachments, async (c) => {
    const { id } = c.req.valid('param');
    const action = 'referral.attachment.list';
    const { me, referral } = await reader(c, id, action);
    const items = (await store.listAttachments(id, clock())).filter((a) => a.status === 'ready');
    await deps.audit.append({ ...event(c, me, action, referral), ids: items.map((a) => a.id) });
    return c.json({ items }, 200);
  });

  bindRoute(app, downloadAttachment, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const action = 'referral.attachment.download';
    const { me, referral } = await reader(c, id, action);
    const attachment = await documentOf(c, me, referral, attachmentId, action);
    if (attachment.status !== 'ready') return refuse(c, me, id, action, NOT_FOUND, referral);
    // Audited before the address is given: no download without its entry in the trail.
    await deps.audit.append(event(c, me, action, referral, about(attachmentId)));
    const link = await storage.presignDownload(storedKey(id, attachmentId), {
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      expiresInSeconds: DOWNLOAD_EXPIRES_SECONDS,
    });
    return c.json(link, 200);
  });

  return app;
}
