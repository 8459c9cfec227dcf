import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * The documents attached to referrals (functions/referrals/attachment-storage-s3.ts). The bucket is
 * named from the stack prefix, the account and the region, so the web stack's Content-Security-Policy
 * can name it without a reference (the bucket's CORS needs the web origin, so the reference runs the
 * other way). Browsers upload and download directly with presigned addresses: the bucket is private,
 * TLS only, encrypted with the records' key, versioned, and logs every access to a bucket of its own.
 */
export function attachmentsBucketName(prefix: string, account: string, region: string): string {
  return `${prefix}-attachments-${account}-${region}`.toLowerCase();
}

/** The origin a browser uploads to (the presigned POST's virtual-hosted address). */
export const attachmentsOrigin = (bucketName: string, region: string) =>
  `https://${bucketName}.s3.${region}.amazonaws.com`;

export interface AttachmentsBucketProps {
  readonly bucketName: string;
  readonly encryptionKey: IKey;
  /** The portal's own origin (`https://<CloudFront domain>`): the only one that may upload or download. */
  readonly webOrigin: string;
}

export class AttachmentsBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AttachmentsBucketProps) {
    super(scope, id);
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Server access logs can be delivered only to a bucket encrypted with S3's own keys.
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the attachments bucket’s access-log bucket: logging its own access would log into itself.',
    });

    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      // Fewer calls to KMS per object: the key is still the records' own.
      bucketKeyEnabled: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'attachments/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // A deleted or replaced document stays recoverable for a month, then goes.
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(30) },
        // Uploads land under incoming/ and are copied out when completed: what is left there was given up.
        { id: 'expire-incoming', prefix: 'incoming/', expiration: Duration.days(1) },
      ],
      cors: [
        {
          allowedOrigins: [props.webOrigin],
          allowedMethods: [HttpMethods.POST, HttpMethods.GET],
          allowedHeaders: ['content-type'],
          maxAge: 3000,
        },
      ],
    });
  }
}
