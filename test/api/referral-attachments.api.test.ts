import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalAttachmentStore } from '../../infra/local/attachment-storage-local.ts';
import type { Attachment } from '../../shared/referrals/attachment-schema.ts';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../../shared/referrals/attachments.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { auditTrail, createTestApi, type TestApi } from '../support/api.ts';
import { html, pdf } from '../support/document-bytes.ts';
import { completeReferral, referralRequests } from '../support/referral-fixtures.ts';
import { DECISION, fieldsOf, problem } from './early-help-fixtures.ts';

/**
 * Documents attached to a referral, through the real local storage served over a real socket, as the
 * browser uses it: a presigned upload (multipart POST), completion (the type read from the bytes),
 * the list and a short-lived download, each audited; refusals by field; another agency's referral
 * answering exactly as a missing one.
 */
type Created = {
  attachment: Attachment;
  upload: { url: string; fields: Record<string, string>; expiresAt: string };
};

let api: TestApi;
let server: ServerType;
let folder: string;
let clock = new Date('2026-03-02T09:00:00Z');
let keys = 0;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'attachments-api-'));
  let base = '';
  const local = createLocalAttachmentStore({ dir: folder, baseUrl: () => base, clock: () => clock });
  server = serve({ fetch: local.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((done) => server.once('listening', () => done()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = await createTestApi({ clock: () => clock, attachments: local });
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  await api.close();
  await rm(folder, { recursive: true, force: true });
});

const requests = () => referralRequests(api, 'attach');
const start = (as: string, referralId: string, body: unknown, key?: string) =>
  api.request('POST', `/api/referrals/${referralId}/attachments`, {
    as,
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
const created = async (res: Response): Promise<Created> => {
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Created;
};
const complete = (as: string, referralId: string, attachmentId: string) =>
  api.request('POST', `/api/referrals/${referralId}/attachments/${attachmentId}/complete`, { as });
const list = (as: string, referralId: string) =>
  api.request('GET', `/api/referrals/${referralId}/attachments`, { as });
const download = (as: string, referralId: string, attachmentId: string) =>
  api.request('GET', `/api/referrals/${referralId}/attachments/${attachmentId}/download`, { as });

/** The browser's upload: every field first, then the file as `file`. */
function uploadTo(upload: Created['upload'], bytes: Uint8Array, fileName = 'file.pdf'): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  return fetch(upload.url, { method: 'POST', body: form });
}

/** A draft from Amira's school, and the same submitted. */
async function draft(as = 'amira'): Promise<Referral> {
  return requests().create(as, completeReferral());
}
async function submitted(as = 'amira'): Promise<Referral> {
  return requests().step(as, await draft(as), 'submit');
}
const declare = (fileName = 'body map.pdf', size = pdf().length, kind = 'body-map') => ({
  fileName,
  size,
  kind,
});

/** Uploads `bytes` as a new attachment and completes it. */
async function attach(
  as: string,
  referral: Referral,
  bytes: Uint8Array,
  fileName = 'note.pdf',
): Promise<Response> {
  const { attachment, upload } = await created(await start(as, referral.id, declare(fileName, bytes.length)));
  expect((await uploadTo(upload, bytes)).status).toBe(204);
  return complete(as, referral.id, attachment.id);
}

describe('attaching a document', () => {
  it('uploads a PDF through the presigned address, completes it, lists and downloads the same bytes, every step audited', async () => {
    const referral = await draft();
    const bytes = pdf();
    const first = await created(
      await start('amira', referral.id, declare('C:\\fakepath\\body map.pdf', bytes.length)),
    );
    expect(first.attachment).toMatchObject({
      referralId: referral.id,
      fileName: 'body map.pdf',
      kind: 'body-map',
      status: 'pending',
      uploadedBy: { agencyId: 'brookfield-primary', name: 'Amira Haddad' },
    });
    expect(Object.keys(first.upload.fields)).toEqual(['key', 'token']);
    expect(first.upload.fields.key).not.toContain('body');
    expect(await (await list('amira', referral.id)).json()).toEqual({ items: [] });

    expect((await uploadTo(first.upload, bytes)).status).toBe(204);
    const done = await complete('amira', referral.id, first.attachment.id);
    expect(done.status, await done.clone().text()).toBe(200);
    const { attachment } = (await done.json()) as { attachment: Attachment };
    expect(attachment).toMatchObject({ status: 'ready', contentType: 'application/pdf', size: bytes.length });
    // Completing again answers the same document.
    expect(await (await complete('amira', referral.id, attachment.id)).json()).toEqual({ attachment });

    expect(await (await list('amira', referral.id)).json()).toEqual({ items: [attachment] });
    const link = (await (await download('amira', referral.id, attachment.id)).json()) as {
      url: string;
      expiresAt: string;
    };
    expect(new Date(link.expiresAt).getTime() - clock.getTime()).toBe(60_000);
    const file = await fetch(link.url);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="body map\.pdf"/);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');

    const trail = await auditTrail<{ action: string; detail?: string; actor: { userId: string } }>(
      api,
      'referral',
      referral.id,
    );
    const actions = trail.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'referral.attachment.create',
        'referral.attachment.complete',
        'referral.attachment.list',
        'referral.attachment.download',
      ]),
    );
    const downloaded = trail.filter((e) => e.action === 'referral.attachment.download');
    expect(downloaded.map((e) => e.detail)).toEqual([`attachment ${attachment.id}`]);
    // No file name in the trail: it may name the child.
    expect(JSON.stringify(trail)).not.toContain('body map');
  });

  it('refuses a file named report.pdf whose bytes are HTML: deleted, named as `file`, and the list stays empty', async () => {
    const referral = await draft();
    const res = await attach('amira', referral, html(), 'report.pdf');
    const refused = await problem(res, 422);
    expect(refused.errors).toEqual([
      {
        field: 'file',
        reason: 'must be a PDF, a Word, Excel or PowerPoint document, or a JPEG, PNG or HEIC image',
      },
    ]);
    expect(await (await list('amira', referral.id)).json()).toEqual({ items: [] });
    const trail = await auditTrail<{ action: string }>(api, 'referral', referral.id);
    expect(trail.map((e) => e.action)).toContain('referral.attachment.refuse');
  });

  it('refuses a declared size over 10 MB, an unknown kind and a bad name, each by field', async () => {
    const referral = await draft();
    const big = await problem(
      await start('amira', referral.id, declare('scan.pdf', MAX_ATTACHMENT_BYTES + 1)),
      422,
    );
    expect(big.errors).toEqual([{ field: 'size', reason: 'must be 10 MB or smaller' }]);
    expect(
      fieldsOf(await problem(await start('amira', referral.id, declare('a.pdf', 10, 'photo')), 422)),
    ).toEqual(['kind']);
    expect(
      fieldsOf(await problem(await start('amira', referral.id, declare('a\u0007.pdf', 10)), 422)),
    ).toEqual(['fileName']);
    expect(
      fieldsOf(await problem(await start('amira', referral.id, { ...declare(), extra: 1 }), 400)),
    ).toEqual(['extra']);
  });

  it('refuses an upload over the limit at the upload address (413), and completing it names `file`', async () => {
    const referral = await draft();
    const { attachment, upload } = await created(
      await start('amira', referral.id, declare('scan.pdf', MAX_ATTACHMENT_BYTES)),
    );
    const tooBig = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    tooBig.set(pdf());
    const res = await uploadTo(upload, tooBig);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const refused = await problem(await complete('amira', referral.id, attachment.id), 422);
    expect(fieldsOf(refused)).toEqual(['file']);
  });

  it('refuses an upload address that was tampered with or has expired (403)', async () => {
    const referral = await draft();
    const { upload } = await created(await start('amira', referral.id, declare()));
    const token = upload.fields.token ?? '';
    const tampered = { ...upload, fields: { ...upload.fields, token: `${token.slice(0, -2)}xx` } };
    expect((await uploadTo(tampered, pdf())).status).toBe(403);
    const elsewhere = { ...upload, fields: { ...upload.fields, key: 'referrals/another/place' } };
    expect((await uploadTo(elsewhere, pdf())).status).toBe(403);
    const started = clock;
    clock = new Date(started.getTime() + 5 * 60 * 1000 + 1000);
    try {
      expect((await uploadTo(upload, pdf())).status).toBe(403);
    } finally {
      clock = started;
    }
  });

  it('makes one attachment of a retry with the same Idempotency-Key, and refuses the key for another file', async () => {
    const referral = await draft();
    const key = `attach-key-${keys++}`;
    const first = await created(await start('amira', referral.id, declare(), key));
    const again = await start('amira', referral.id, declare(), key);
    expect(again.status).toBe(200);
    const retried = (await again.json()) as Created;
    expect(retried.attachment.id).toBe(first.attachment.id);
    expect(
      fieldsOf(await problem(await start('amira', referral.id, declare('other.pdf'), key), 422)),
    ).toEqual(['Idempotency-Key']);
    expect((await uploadTo(retried.upload, pdf())).status).toBe(204);
    expect((await complete('amira', referral.id, first.attachment.id)).status).toBe(200);
    expect(((await (await list('amira', referral.id)).json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it(`takes at most ${MAX_ATTACHMENTS} documents on a referral, counting those still uploading`, async () => {
    const referral = await draft();
    for (let i = 0; i < MAX_ATTACHMENTS; i++)
      await created(await start('amira', referral.id, declare(`page ${i}.pdf`)));
    expect(fieldsOf(await problem(await start('amira', referral.id, declare('one more.pdf')), 422))).toEqual([
      'file',
    ]);
  });
});

describe('who may', () => {
  it('answers another agency’s referrer, and a document of another referral, exactly as a missing referral', async () => {
    const referral = await draft();
    const ready = (await (await attach('amira', referral, pdf())).json()) as { attachment: Attachment };
    const other = await draft();
    const missing = await problem(
      await api.request('GET', '/api/referrals/01J00000000000000000000000', { as: 'dan' }),
      404,
    );
    const same = async (res: Response) => {
      const body = await problem(res, 404);
      expect({ ...body, instance: undefined, requestId: undefined }).toEqual({
        ...missing,
        instance: undefined,
        requestId: undefined,
      });
    };
    const id = ready.attachment.id;
    await same(await list('dan', referral.id));
    await same(await download('dan', referral.id, id));
    await same(await start('dan', referral.id, declare()));
    await same(await complete('dan', referral.id, id));
    // Amira's own document, asked for under her other referral.
    await same(await download('amira', other.id, id));
    await same(await complete('amira', other.id, id));
  });

  it('lets the front door list, download and attach while a referral waits; nobody attaches once it is decided; the board is refused as GET /api/referrals/{id} refuses it', async () => {
    const { step } = requests();
    const referral = await submitted();
    const mine = (await (await attach('amira', referral, pdf())).json()) as { attachment: Attachment };
    const items = ((await (await list('grace', referral.id)).json()) as { items: Attachment[] }).items;
    expect(items.map((a) => a.id)).toEqual([mine.attachment.id]);
    expect((await download('grace', referral.id, mine.attachment.id)).status).toBe(200);
    const theirs = await attach('grace', referral, pdf(), 'chronology.pdf');
    expect(theirs.status).toBe(200);

    await step('grace', await step('grace', referral, 'review'), 'decision', DECISION);
    const conflict = await problem(await start('amira', referral.id, declare()), 409);
    expect(conflict.detail).toMatch(/can no longer be attached/);
    await problem(await start('grace', referral.id, declare()), 409);
    // What was attached stays readable.
    expect((await download('amira', referral.id, mine.attachment.id)).status).toBe(200);

    const asGet = await api.request('GET', `/api/referrals/${referral.id}`, { as: 'tom' });
    expect((await list('tom', referral.id)).status).toBe(asGet.status);
    expect((await start('tom', referral.id, declare())).status).toBe(asGet.status);
    expect((await list('', referral.id)).status).toBe(401);
  });
});
