import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { copyFile, mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { type Context, Hono } from 'hono';
import {
  type AttachmentStorage,
  attachmentDisposition,
} from '../../functions/referrals/attachment-storage.ts';
import { PROBLEM_CONTENT_TYPE } from '../../shared/platform/problem.ts';
import { MAX_ATTACHMENT_BYTES } from '../../shared/referrals/attachments.ts';

/**
 * Attached documents on a laptop and in the tests: the storage port over a folder (under the local
 * data directory, git-ignored), with addresses the local runtime serves in place of S3's presigned
 * ones. Each address carries an HMAC-signed, expiring grant for one key and one operation, so, like a
 * presigned URL, it needs no bearer token and cannot be stretched to another file or a later time.
 */
export const LOCAL_STORAGE_PATH = '/local-storage';

/** Room for the form's other fields and boundaries around the largest file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

interface Grant {
  op: 'put' | 'get';
  key: string;
  /** Milliseconds since the epoch. */
  exp: number;
  max?: number;
  name?: string;
  type?: string;
}

export interface LocalAttachmentStore {
  storage: AttachmentStorage;
  /** Serves `POST /local-storage/upload` (S3's form fields, the file last as `file`) and `GET /local-storage/download`. */
  app: Hono;
}

export interface LocalAttachmentOptions {
  /** The folder the files are kept in. */
  dir: string;
  /** The runtime's own origin, known once it listens. */
  baseUrl: () => string;
  /** Signs the grants; a new one each start unless given (an address from before a restart is refused). */
  secret?: string;
  clock?: () => Date;
}

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64url');

export function createLocalAttachmentStore(options: LocalAttachmentOptions): LocalAttachmentStore {
  const root = resolve(options.dir);
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const clock = options.clock ?? (() => new Date());
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest();

  const sign = (grant: Grant) => {
    const payload = b64(JSON.stringify(grant));
    return `${payload}.${b64(mac(payload))}`;
  };
  /** The grant a token carries, if it is genuine, unexpired and for `op`. */
  const verify = (token: unknown, op: Grant['op']): Grant | null => {
    if (typeof token !== 'string') return null;
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return null;
    const expected = mac(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Grant;
      return grant.op === op && typeof grant.key === 'string' && grant.exp > clock().getTime() ? grant : null;
    } catch {
      return null;
    }
  };
  /** The file for a key, never outside the folder. */
  const fileOf = (key: string) => {
    const file = resolve(root, key);
    if (!file.startsWith(`${root}${sep}`)) throw new Error('A storage key must stay inside its folder');
    return file;
  };
  const expiry = (seconds: number) => clock().getTime() + seconds * 1000;
  const missing = (error: unknown) => (error as { code?: string }).code === 'ENOENT';

  const storage: AttachmentStorage = {
    async presignUpload(key, { maxBytes, expiresInSeconds }) {
      const exp = expiry(expiresInSeconds);
      return {
        url: `${options.baseUrl()}${LOCAL_STORAGE_PATH}/upload`,
        fields: { key, token: sign({ op: 'put', key, exp, max: maxBytes }) },
        expiresAt: new Date(exp).toISOString(),
      };
    },
    async size(key) {
      try {
        return (await stat(fileOf(key))).size;
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async read(key, offset, length) {
      const handle = await open(fileOf(key), 'r');
      try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        return new Uint8Array(buffer.subarray(0, bytesRead));
      } finally {
        await handle.close();
      }
    },
    async copy(from, to) {
      await mkdir(dirname(fileOf(to)), { recursive: true });
      await copyFile(fileOf(from), fileOf(to));
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    async presignDownload(key, { fileName, contentType, expiresInSeconds }) {
      const exp = expiry(expiresInSeconds);
      const token = sign({ op: 'get', key, exp, name: fileName, type: contentType });
      return {
        url: `${options.baseUrl()}${LOCAL_STORAGE_PATH}/download?token=${token}`,
        expiresAt: new Date(exp).toISOString(),
      };
    },
  };

  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'no-store');
  });

  app.post(`${LOCAL_STORAGE_PATH}/upload`, async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^multipart\/form-data\s*;/i.test(type))
      return problem(c, 400, 'Send the file as multipart/form-data, the fields first and the file last');
    const body = await readAtMost(c.req.raw, MAX_ATTACHMENT_BYTES + FORM_OVERHEAD_BYTES);
    if (!body) return tooLarge(c, MAX_ATTACHMENT_BYTES);
    let form: FormData;
    try {
      form = await new Response(body, { headers: { 'content-type': type } }).formData();
    } catch {
      return problem(c, 400, 'The form could not be read');
    }
    const grant = verify(form.get('token'), 'put');
    if (!grant || form.get('key') !== grant.key)
      return problem(c, 403, 'This upload address is not valid, or has expired: start the upload again');
    const file = form.get('file');
    if (!(file instanceof Blob)) return problem(c, 400, 'Choose a file to upload');
    const max = grant.max ?? MAX_ATTACHMENT_BYTES;
    if (file.size > max) return tooLarge(c, max);
    if (file.size < 1) return problem(c, 400, 'The file is empty');
    const path = fileOf(grant.key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, new Uint8Array(await file.arrayBuffer()));
    // What S3 answers a presigned POST by default.
    return c.body(null, 204);
  });

  app.get(`${LOCAL_STORAGE_PATH}/download`, async (c) => {
    const grant = verify(c.req.query('token'), 'get');
    if (!grant)
      return problem(c, 403, 'This download address is not valid, or has expired: ask for it again');
    let bytes: Buffer;
    try {
      bytes = await readFile(fileOf(grant.key));
    } catch (error) {
      if (missing(error)) return problem(c, 404, 'There is no such file');
      throw error;
    }
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': grant.type ?? 'application/octet-stream',
      'content-disposition': attachmentDisposition(grant.name ?? 'document'),
      // Nothing in a document may run in the portal's origin, even if a browser were to render it.
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });

  return { storage, app };
}

function problem(c: Context, status: 400 | 403 | 404 | 413, detail: string): Response {
  const titles = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found', 413: 'The file is too large' };
  return c.body(JSON.stringify({ type: 'about:blank', title: titles[status], status, detail }), status, {
    'content-type': PROBLEM_CONTENT_TYPE,
  });
}

const tooLarge = (c: Context, max: number) =>
  problem(c, 413, `The file must be ${Math.round(max / (1024 * 1024))} MB or smaller`);

/**
 * The request's body, or null once it passes `limit` bytes. What comes after the limit is read and
 * dropped rather than left unread, so the answer (413) reaches a client still sending instead of a
 * reset connection.
 */
async function readAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  let over = Number.isFinite(declared) && declared > limit;
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > limit) over = true;
      if (!over) chunks.push(chunk);
    }
  }
  if (over) return null;
  return Buffer.concat(chunks);
}
