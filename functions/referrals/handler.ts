// First: the secrets are read before the configuration is.
import '../platform/secrets-at-start.ts';
import { handle } from 'hono/aws-lambda';
import { functionConfigFromEnv, ReferralsEnvSchema } from '../platform/config.ts';
import { createGuidanceSource } from '../platform/guidance-source.ts';
import { lambdaPlatform } from '../platform/lambda.ts';
import { createServicesSource } from '../platform/services-source.ts';
import { createSubjectKey } from '../platform/subject-keys.ts';
import { createReferralsApp } from './app.ts';
import { createS3AttachmentStorage } from './attachment-storage-s3.ts';
import { createChildKeys } from './child-keys.ts';
import { createDynamoReferralStore } from './store.ts';

/** The referrals function's Lambda entry: wires the app to DynamoDB once per cold start. */
const { config, db, deps } = lambdaPlatform();
const {
  GUIDANCE_URL,
  SERVICES_URL,
  MATCH_KEY_SECRET,
  OUTBOX_TABLE_NAME,
  AUDIT_SUBJECT_SECRET,
  ATTACHMENTS_BUCKET,
} = functionConfigFromEnv(ReferralsEnvSchema);

export const handler = handle(
  createReferralsApp({
    ...deps,
    store: createDynamoReferralStore(db, config.TABLE_NAME, OUTBOX_TABLE_NAME),
    guidance: createGuidanceSource((headers) => fetch(GUIDANCE_URL, { headers }), deps.clock),
    services: createServicesSource((rest) => fetch(`${SERVICES_URL}${rest}`)),
    childKeys: createChildKeys(MATCH_KEY_SECRET),
    subjectKey: createSubjectKey(AUDIT_SUBJECT_SECRET),
    // In AWS documents are kept in S3; the local runtime wires a folder instead (infra/local/areas.ts).
    attachments: createS3AttachmentStorage(ATTACHMENTS_BUCKET, undefined, deps.clock),
  }),
);
