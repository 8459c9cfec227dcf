import { createAuditWriter } from '../platform/audit.ts';
import { functionConfigFromEnv, ReminderEnvSchema } from '../platform/config.ts';
import { createDocumentClient } from '../platform/dynamo.ts';
import { createLogger } from '../platform/logger.ts';
import { createMetricWriter } from '../platform/metrics.ts';
import { createDynamoDriftAlarmStore } from './alarm-store.ts';
import { createDriftAlarmJob } from './alarms.ts';
import { createDynamoEarlyHelpStore } from './store.ts';

/**
 * The drift alarm's Lambda entry (an EventBridge rule runs it every hour), which first finishes
 * any re-listing a change of standards left. It needs what the referrals' reminder needs: its own
 * table, append on the outbox and the audit trail.
 */
const config = functionConfigFromEnv(ReminderEnvSchema);
const db = createDocumentClient();
const clock = () => new Date();
const run = createDriftAlarmJob({
  store: createDynamoEarlyHelpStore(db, config.TABLE_NAME),
  alarms: createDynamoDriftAlarmStore(db, config.TABLE_NAME, config.OUTBOX_TABLE_NAME),
  audit: createAuditWriter(db, config.AUDIT_TABLE_NAME, clock),
  clock,
  logger: createLogger({ level: config.LOG_LEVEL }),
  metrics: createMetricWriter(),
});

export const handler = async (event: { id?: string }): Promise<{ sent: number }> => ({
  sent: await run(event.id),
});
