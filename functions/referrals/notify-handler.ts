import { unmarshall } from '@aws-sdk/util-dynamodb';
import { NotifyClient } from 'notifications-node-client';
import { createAgencyNames } from '../platform/agency-names.ts';
import { functionConfigFromEnv, NotifyEnvSchema } from '../platform/config.ts';
import { createDocumentClient } from '../platform/dynamo.ts';
import { createLogger } from '../platform/logger.ts';
import { createOutboxDelivery } from './notify.ts';

/** The outbox's Lambda entry: the referrals table's stream → GOV.UK Notify emails. */
const config = functionConfigFromEnv(NotifyEnvSchema);
const notify = new NotifyClient(config.NOTIFY_API_KEY);
const deliver = createOutboxDelivery({
  sender: {
    async send(to, personalisation, reference) {
      await notify.sendEmail(config.NOTIFY_TEMPLATE_ID, to, { personalisation, reference });
    },
  },
  frontDoorEmail: config.FRONT_DOOR_EMAIL,
  agencyEmails: createAgencyNames(createDocumentClient(), config.DIRECTORY_TABLE_NAME, () => new Date())
    .notifyEmails,
  portalUrl: config.PORTAL_URL,
  logger: createLogger({ level: config.LOG_LEVEL }),
});

interface StreamEvent {
  Records: { eventName?: string; dynamodb?: { NewImage?: Record<string, unknown> } }[];
}

export const handler = async (event: StreamEvent) =>
  deliver(
    event.Records.map((r) => ({
      eventName: r.eventName,
      // biome-ignore lint/suspicious/noExplicitAny: the stream's attribute values are DynamoDB's wire format.
      item: r.dynamodb?.NewImage ? unmarshall(r.dynamodb.NewImage as any) : undefined,
    })),
  );
