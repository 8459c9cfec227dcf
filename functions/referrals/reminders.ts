import type { AuditWriter } from '../platform/audit.ts';
import type { Logger } from '../platform/logger.ts';
import { type MetricWriter, noMetrics } from '../platform/metrics.ts';
import { notificationFor } from './notifications.ts';
import type { ReferralStore } from './store.ts';

/** Referrals due within this window get an "about to be overdue" reminder to the front door. */
export const REMINDER_WINDOW_MS = 2 * 60 * 60 * 1000;

/**
 * The scheduled reminder (EventBridge every 15 minutes in AWS, a timer locally): one notification per
 * open referral due within two hours, or already overdue, at most once per referral. Each is audited
 * as the system's write. Each run also counts the open referrals past their decision time now
 * (`DecisionsOverdue`, the metric the "a referral is past its decision time" alarm watches).
 */
export function createReminderJob(deps: {
  store: ReferralStore;
  audit: AuditWriter;
  clock: () => Date;
  logger: Logger;
  metrics?: MetricWriter;
}) {
  const metrics = deps.metrics ?? noMetrics;
  return async (runId: string = crypto.randomUUID()): Promise<number> => {
    const now = deps.clock();
    const before = new Date(now.getTime() + REMINDER_WINDOW_MS).toISOString();
    const sent = await deps.store.remindDueSoon(
      before,
      (summary) => notificationFor.dueSoon(now.toISOString(), summary),
      (summary) =>
        deps.audit.putItem({
          action: 'referral.remind',
          entity: { type: 'referral', id: summary.id },
          outcome: 'allowed',
          actor: null,
          requestId: runId,
          detail: 'due-soon notification to the front door',
        }),
    );
    deps.logger.log('info', 'due-soon reminders sent', { requestId: runId, sent });
    metrics({ RemindersSent: sent, DecisionsOverdue: await overdueNow(deps.store, now.toISOString()) });
    return sent;
  };
}

/** How many open referrals are past their decision time at `now`, read page by page. */
async function overdueNow(store: ReferralStore, now: string): Promise<number> {
  let count = 0;
  let startKey: Parameters<ReferralStore['listForTriage']>[1]['startKey'];
  do {
    const page = await store.listForTriage('open', { limit: 100, startKey, overdueAt: now });
    count += page.items.length;
    startKey = page.lastKey;
  } while (startKey);
  return count;
}
