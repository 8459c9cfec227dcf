import { createAuditWriter } from '../platform/audit.ts';
import { functionConfigFromEnv, ReminderEnvSchema } from '../platform/config.ts';
import { createDocumentClient } from '../platform/dynamo.ts';
import { createLogger } from '../platform/logger.ts';
import { createMetricWriter } from '../platform/metrics.ts';
import { createReminderJob } from './reminders.ts';
import { createDynamoReferralStore } from './store.ts';

/** The scheduled reminder's Lambda entry (an EventBridge rule runs it every 15 minutes). */
const config = functionConfigFromEnv(ReminderEnvSchema);
const db = createDocumentClient();
const clock = () => new Date();
const run = createReminderJob({
  store: createDynamoReferralStore(db, config.TABLE_NAME, config.OUTBOX_TABLE_NAME),
  audit: createAuditWriter(db, config.AUDIT_TABLE_NAME, clock),
  clock,
  logger: createLogger({ level: config.LOG_LEVEL }),
  metrics: createMetricWriter(),
});

export const handler = async (event: { id?: string }): Promise<{ sent: number }> => ({
  sent: await run(event.id),
});
