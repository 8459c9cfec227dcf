import { monotonicFactory } from 'ulid';
import { EPISODE_OVERDUE_KIND, TIMER_LABELS } from '../../shared/early-help/labels.ts';
import type { Timer } from '../../shared/early-help/timers.ts';
import { ukDateOf } from '../../shared/platform/working-days.ts';
import type { AuditWriter } from '../platform/audit.ts';
import type { Logger } from '../platform/logger.ts';
import { type MetricWriter, noMetrics } from '../platform/metrics.ts';
import type { StoreKey } from '../platform/pagination.ts';
import type { Item } from '../platform/table.ts';
import { type Audience, agencyAudience, FRONT_DOOR_AUDIENCE, outboxKey } from '../referrals/keys.ts';
import type { DriftAlarmStore } from './alarm-store.ts';
import type { StoredSummary } from './records.ts';
import { createRelisting, SCHEDULED_BUDGET } from './relisting.ts';
import type { EarlyHelpStore } from './store.ts';

/** Notifications are kept for 90 days, as the referrals' are. */
const OUTBOX_TTL_SECONDS = 90 * 24 * 60 * 60;
const nextId = monotonicFactory();

const longDate = (date: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${date}T12:00:00Z`));

/**
 * The drift alarm's words, to the lead agency and the front door: the episode's reference, the
 * step that is overdue and a link that needs a sign-in; never the child's name or anything of the plan.
 */
function notification(audience: Audience, at: string, summary: StoredSummary, running: Timer): Item {
  const id = nextId(Date.parse(at));
  const step = TIMER_LABELS[running.kind];
  return {
    ...outboxKey(audience, at, id),
    id,
    at,
    kind: EPISODE_OVERDUE_KIND,
    reference: summary.reference,
    subject: `Early help episode ${summary.reference} is overdue`,
    body: `In early help episode ${summary.reference}, “${step}” was due by ${longDate(running.dueOn)} and has not happened. Sign in to the portal to see the episode.`,
    link: `/early-help/episode/?id=${summary.id}`,
    expiresAt: Math.floor(Date.parse(at) / 1000) + OUTBOX_TTL_SECONDS,
  };
}

/**
 * The scheduled drift alarm (EventBridge every hour in AWS, a timer locally): for each open episode
 * whose running timer is past its due date, one notification to the agency leading it (or asked
 * to) and one to the front door, at most once per timer. Each is audited as the system's write.
 * It reads the front door's overdue list, a key condition on the due date, never every episode.
 * First it finishes any re-listing a change of standards left (relisting.ts), so that list is right.
 * Each run counts the alarms it raised (`DriftAlarmsRaised`), none about which episode.
 */
export function createDriftAlarmJob(deps: {
  store: Pick<EarlyHelpStore, 'list' | 'standards' | 'openEpisodes' | 'relist' | 'saveRelisting'>;
  alarms: DriftAlarmStore;
  audit: AuditWriter;
  clock: () => Date;
  logger: Logger;
  metrics?: MetricWriter;
}) {
  const relist = createRelisting(deps);
  const metrics = deps.metrics ?? noMetrics;
  return async (runId: string = crypto.randomUUID()): Promise<number> => {
    // A failed re-listing does not hold the alarms back: the next run resumes it.
    await relist(SCHEDULED_BUDGET).catch((error: unknown) =>
      deps.logger.log('error', 'early-help re-listing failed', {
        requestId: runId,
        error: error instanceof Error ? error.name : 'unknown',
      }),
    );
    const now = deps.clock();
    const at = now.toISOString();
    let sent = 0;
    let startKey: StoreKey | undefined;
    do {
      const page = await deps.store.list({ of: 'overdue', today: ukDateOf(now) }, { limit: 100, startKey });
      for (const summary of page.items) {
        const running = summary.running;
        if (!running) continue;
        const audiences: Audience[] = [
          FRONT_DOOR_AUDIENCE,
          ...(summary.leadAgencyId && summary.leadAnswer !== 'declined'
            ? [agencyAudience(summary.leadAgencyId)]
            : []),
        ];
        const raised = await deps.alarms.raise(
          { episodeId: summary.id, kind: running.kind, from: running.from, at },
          audiences.map((audience) => notification(audience, at, summary, running)),
          deps.audit.putItem({
            action: 'episode.alarm',
            entity: { type: 'episode', id: summary.id },
            outcome: 'allowed',
            actor: null,
            requestId: runId,
            detail: `${running.kind} overdue since ${running.dueOn}: notified ${audiences.join(', ')}`,
          }),
        );
        if (raised) sent++;
      }
      startKey = page.lastKey;
    } while (startKey);
    deps.logger.log('info', 'early-help drift alarms sent', { requestId: runId, sent });
    metrics({ DriftAlarmsRaised: sent });
    return sent;
  };
}
