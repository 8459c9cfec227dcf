/**
 * Where attached documents' bytes are kept, as a port: S3 in AWS (attachment-storage-s3.ts), a folder
 * under the local data directory on a laptop and in the tests (infra/local/attachment-storage-local.ts).
 * The API never carries a file: the browser sends it straight to a presigned upload and fetches it
 * from a presigned download, so the 64 KB body limit and Lambda's payload limit never meet a file.
 *
 * An upload lands under an *incoming* key; completing it copies it to its *stored* key, and only the
 * stored copy is checked and ever served. A presigned upload stays usable until it expires, so a
 * second upload to the same URL after the check can change only the incoming copy, never what the
 * front door downloads.
 */
export interface PresignedUpload {
  url: string;
  /** Sent first, in this order, then the file as the field named `file`. */
  fields: Record<string, string>;
  expiresAt: string;
}

export interface AttachmentStorage {
  /** A multipart POST that may put one object at `key`, of 1 to `maxBytes` bytes, until `expiresInSeconds` pass. */
  presignUpload(
    key: string,
    options: { maxBytes: number; expiresInSeconds: number },
  ): Promise<PresignedUpload>;
  /** The object's size, or null when there is none. */
  size(key: string): Promise<number | null>;
  /** Up to `length` bytes from `offset` (fewer at the end of the object). */
  read(key: string, offset: number, length: number): Promise<Uint8Array>;
  /** Copies an object within the store (the incoming upload to its stored key). */
  copy(from: string, to: string): Promise<void>;
  /** Removes the object; nothing happens when there is none. */
  delete(key: string): Promise<void>;
  /** A GET that downloads the object as an attachment named `fileName`, with `contentType`. */
  presignDownload(
    key: string,
    options: { fileName: string; contentType: string; expiresInSeconds: number },
  ): Promise<{ url: string; expiresAt: string }>;
}

/** Where an upload lands, and where its accepted copy is kept: ids only, never the file's name. */
export const incomingKey = (referralId: string, attachmentId: string) =>
  `incoming/${referralId}/${attachmentId}`;
export const storedKey = (referralId: string, attachmentId: string) =>
  `referrals/${referralId}/${attachmentId}`;

/** How long an upload URL may be used, and a download URL. */
export const UPLOAD_EXPIRES_SECONDS = 5 * 60;
export const DOWNLOAD_EXPIRES_SECONDS = 60;

/**
 * `Content-Disposition: attachment` with the name in both forms (RFC 6266): an ASCII fallback with
 * quotes, backslashes and anything outside printable ASCII replaced, and the exact name UTF-8 encoded.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7E]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
