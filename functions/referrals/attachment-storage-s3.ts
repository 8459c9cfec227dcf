import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { type AttachmentStorage, attachmentDisposition } from './attachment-storage.ts';

const isMissing = (error: unknown) =>
  error instanceof Error &&
  (error.name === 'NotFound' ||
    error.name === 'NoSuchKey' ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404);

/**
 * Attachments in S3 (infra/constructs/attachments-bucket.ts): uploads by presigned POST, whose policy
 * names the exact key and a content-length-range, so S3 itself refuses another key or a larger file;
 * downloads by a presigned GET that overrides the stored type and disposition with what was detected.
 * The bucket's default encryption (the records' KMS key) applies to every object.
 */
export function createS3AttachmentStorage(
  bucket: string,
  client: S3Client = new S3Client({}),
  clock: () => Date = () => new Date(),
): AttachmentStorage {
  const expiry = (seconds: number) => new Date(clock().getTime() + seconds * 1000).toISOString();
  return {
    async presignUpload(key, { maxBytes, expiresInSeconds }) {
      const { url, fields } = await createPresignedPost(client, {
        Bucket: bucket,
        Key: key,
        Conditions: [['content-length-range', 1, maxBytes]],
        Expires: expiresInSeconds,
      });
      return { url, fields, expiresAt: expiry(expiresInSeconds) };
    },

    async size(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return head.ContentLength ?? 0;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async read(key, offset, length) {
      if (length <= 0) return new Uint8Array();
      try {
        const object = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${offset}-${offset + length - 1}` }),
        );
        return object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        // A range starting past the end: there is nothing there.
        if ((error as { name?: string }).name === 'InvalidRange') return new Uint8Array();
        throw error;
      }
    },

    async copy(from, to) {
      await client.send(new CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: `${bucket}/${from}` }));
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },

    async presignDownload(key, { fileName, contentType, expiresInSeconds }) {
      const url = await getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentDisposition: attachmentDisposition(fileName),
          ResponseContentType: contentType,
          ResponseCacheControl: 'no-store',
        }),
        { expiresIn: expiresInSeconds },
      );
      return { url, expiresAt: expiry(expiresInSeconds) };
    },
  };
}
