import { GetObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentDisposition } from '../../functions/referrals/attachment-storage.ts';
import { createS3AttachmentStorage } from '../../functions/referrals/attachment-storage-s3.ts';

/**
 * The S3 storage's presigned addresses, which S3 itself enforces: what a test against a real store
 * cannot show (the local runtime stands in for S3). Signing needs no network; faults are mocked.
 */
const client = new S3Client({
  region: 'eu-west-2',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret-for-signing-only' },
});
const clock = () => new Date('2026-03-02T09:00:00Z');
const storage = createS3AttachmentStorage('portal-attachments', client, clock);
const key = 'incoming/01J0000000000000000000000A/01J0000000000000000000000B';

describe('attachments in S3', () => {
  const mock = mockClient(client);
  afterEach(() => mock.reset());

  it('presigns an upload whose policy names the exact key, 1 byte to the limit and the expiry', async () => {
    const upload = await storage.presignUpload(key, { maxBytes: 10 * 1024 * 1024, expiresInSeconds: 300 });
    expect(upload.url).toBe('https://portal-attachments.s3.eu-west-2.amazonaws.com/');
    expect(upload.fields.key).toBe(key);
    expect(upload.expiresAt).toBe('2026-03-02T09:05:00.000Z');
    const policy = JSON.parse(Buffer.from(upload.fields.Policy ?? '', 'base64').toString('utf8')) as {
      conditions: unknown[];
    };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 10 * 1024 * 1024],
        { key },
        { bucket: 'portal-attachments' },
      ]),
    );
    // Nothing in the policy lets the browser choose the key, the type or anything else.
    expect(JSON.stringify(policy.conditions)).not.toContain('starts-with');
  });

  it('presigns a 60-second download as an attachment with the detected type', async () => {
    const link = await storage.presignDownload('referrals/a/b', {
      fileName: 'Body map "front".pdf',
      contentType: 'application/pdf',
      expiresInSeconds: 60,
    });
    const url = new URL(link.url);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(url.searchParams.get('response-content-disposition')).toBe(
      attachmentDisposition('Body map "front".pdf'),
    );
    expect(attachmentDisposition('Body map "front".pdf')).toBe(
      `attachment; filename="Body map _front_.pdf"; filename*=UTF-8''Body%20map%20%22front%22.pdf`,
    );
  });

  it('reads a missing object as none, and a range past its end as no bytes', async () => {
    mock
      .on(HeadObjectCommand)
      .rejects(
        new S3ServiceException({ name: 'NotFound', $fault: 'client', $metadata: { httpStatusCode: 404 } }),
      );
    expect(await storage.size(key)).toBeNull();
    mock.on(GetObjectCommand).rejects(
      new S3ServiceException({
        name: 'InvalidRange',
        $fault: 'client',
        $metadata: { httpStatusCode: 416 },
      }),
    );
    expect(await storage.read(key, 100, 10)).toEqual(new Uint8Array());
  });

  it('passes on any other fault', async () => {
    mock.on(HeadObjectCommand).rejects(
      new S3ServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    await expect(storage.size(key)).rejects.toThrow();
  });
});
