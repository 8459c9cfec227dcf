import { fileTypeFromBuffer } from 'file-type';
import { type AttachmentContentType, isAllowedContentType } from '../../shared/referrals/attachments.ts';
import { type ByteReader, legacyOfficeType } from './office-compound-file.ts';

/**
 * The type of a stored file, from its bytes alone (never its name or the type the browser declared),
 * or null when it is not one the portal accepts (shared/referrals/attachments.ts). `file-type` reads
 * the signatures (and, for a zip, whether it is a Word, Excel or PowerPoint document); an OLE compound
 * file is accepted only when its directory names a Word, Excel or PowerPoint stream.
 */

/** Enough for every signature, and for an Office zip's first entries ([Content_Types].xml comes first). */
const HEAD_BYTES = 64 * 1024;

export async function detectAttachmentType(
  read: ByteReader,
  size: number,
): Promise<AttachmentContentType | null> {
  if (size < 1) return null;
  const head = await read(0, Math.min(size, HEAD_BYTES));
  if (head.length === 0) return null;
  // A file that makes the parser fail (a corrupt zip, say) is simply not a type the portal accepts.
  const detected = await fileTypeFromBuffer(head).catch(() => undefined);
  if (!detected) return null;
  if (detected.mime === 'application/x-cfb') return legacyOfficeType(read, head, size);
  return isAllowedContentType(detected.mime) ? detected.mime : null;
}

/** The same over bytes in memory (the tests', and any caller that has the whole file). */
export function detectAttachmentTypeOf(bytes: Uint8Array): Promise<AttachmentContentType | null> {
  return detectAttachmentType(
    async (offset, length) => bytes.subarray(offset, offset + length),
    bytes.length,
  );
}
