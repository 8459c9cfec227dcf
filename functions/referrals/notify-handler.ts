// First: the secrets are read before the configuration is.
import '../platform/secrets-at-start.ts';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { NotifyClient } from 'notifications-node-client';
import { createAgencyNames } from '../platform/agency-names.ts';
import { functionConfigFromEnv, NotifyEnvSchema } from '../platform/config.ts';
import { createDocumentClient } from '../platform/dynamo.ts';
import { createLogger } from '../platform/logger.ts';
import { createMetricWriter } from '../platform/metrics.ts';
import { createDynamoDeliveryLog } from './delivery-log.ts';
import { createOutboxDelivery } from './notify.ts';

/** The outbox's Lambda entry: the referrals table's stream → GOV.UK Notify emails. */
const config = functionConfigFromEnv(NotifyEnvSchema);
const notify = new NotifyClient(config.NOTIFY_API_KEY);
const db = createDocumentClient();
const deliver = createOutboxDelivery({
  sender: {
    async send(to, personalisation, reference) {
      await notify.sendEmail(config.NOTIFY_TEMPLATE_ID, to, { personalisation, reference });
    },
  },
  frontDoorEmail: config.FRONT_DOOR_EMAIL,
  agencyEmails: createAgencyNames(db, config.DIRECTORY_TABLE_NAME, () => new Date()).notifyEmails,
  deliveries: createDynamoDeliveryLog(db, config.OUTBOX_TABLE_NAME),
  portalUrl: config.PORTAL_URL,
  logger: createLogger({ level: config.LOG_LEVEL }),
  metrics: createMetricWriter(),
});

interface StreamEvent {
  Records: {
    eventName?: string;
    dynamodb?: { NewImage?: Record<string, unknown>; SequenceNumber?: string };
  }[];
}

/**
 * Reports a failed send as a partial batch failure (the event source's ReportBatchItemFailures): the
 * stream retries from that record, and the delivery log skips what the first try already sent.
 */
export const handler = async (event: StreamEvent) => {
  const result = await deliver(
    event.Records.map((r) => ({
      eventName: r.eventName,
      sequenceNumber: r.dynamodb?.SequenceNumber,
      // biome-ignore lint/suspicious/noExplicitAny: the stream's attribute values are DynamoDB's wire format.
      item: r.dynamodb?.NewImage ? unmarshall(r.dynamodb.NewImage as any) : undefined,
    })),
  );
  return { batchItemFailures: result.failed.map((itemIdentifier) => ({ itemIdentifier })) };
};
