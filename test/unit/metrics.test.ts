import { describe, expect, it } from 'vitest';
import { createDriftAlarmJob } from '../../functions/early-help/alarms.ts';
import { silentLogger } from '../../functions/platform/logger.ts';
import { createMetricWriter, METRICS_NAMESPACE, noMetrics } from '../../functions/platform/metrics.ts';
import { FRONT_DOOR_AUDIENCE } from '../../functions/referrals/keys.ts';
import { notificationFor } from '../../functions/referrals/notifications.ts';
import { createOutboxDelivery } from '../../functions/referrals/notify.ts';

/** The EMF writer (functions/platform/metrics.ts) and the jobs that count with it. */
type EmfLine = {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
} & Record<string, unknown>;

const at = new Date('2026-04-02T09:00:00Z');

function capture() {
  const lines: string[] = [];
  const metrics = createMetricWriter(
    (line) => lines.push(line),
    () => at,
  );
  const parsed = () => lines.map((line) => JSON.parse(line) as EmfLine);
  return { lines, metrics, parsed };
}

describe('the EMF writer', () => {
  it('writes one valid EMF line: namespace, dimensions, each metric with its unit, values at the top level', () => {
    const { lines, metrics, parsed } = capture();
    metrics(
      { Requests: 1, Errors: 0, Latency: 42 },
      {
        dimensions: { Area: 'referrals', Route: 'GET /api/referrals/:id' },
        units: { Latency: 'Milliseconds' },
      },
    );
    expect(lines).toHaveLength(1);
    const [line] = parsed();
    expect(line?._aws.Timestamp).toBe(at.getTime());
    expect(line?._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: METRICS_NAMESPACE,
        Dimensions: [['Area', 'Route']],
        Metrics: [
          { Name: 'Requests', Unit: 'Count' },
          { Name: 'Errors', Unit: 'Count' },
          { Name: 'Latency', Unit: 'Milliseconds' },
        ],
      },
    ]);
    // CloudWatch reads every dimension's value and every metric's value from the top level.
    expect(line).toMatchObject({
      Area: 'referrals',
      Route: 'GET /api/referrals/:id',
      Requests: 1,
      Errors: 0,
      Latency: 42,
    });
    expect(METRICS_NAMESPACE).toBe('PartnershipPortal');
  });

  it('writes counts with no dimensions as one empty dimension set, as DecisionsOverdue is', () => {
    const { metrics, parsed } = capture();
    metrics({ RemindersSent: 2, DecisionsOverdue: 1 });
    const [line] = parsed();
    expect(line?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([[]]);
    expect(line?._aws.CloudWatchMetrics[0]?.Metrics.map((m) => m.Unit)).toEqual(['Count', 'Count']);
    expect(line?.DecisionsOverdue).toBe(1);
  });

  it('writes nothing for no values, and noMetrics writes nothing at all', () => {
    const { lines, metrics } = capture();
    metrics({});
    expect(lines).toEqual([]);
    expect(noMetrics({ Requests: 1 })).toBeUndefined();
  });
});

describe('the jobs’ business metrics', () => {
  it('counts the notifications that could not be emailed (NotificationsFailed), and those sent', async () => {
    const { metrics, parsed } = capture();
    const referral = {
      id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
      reference: 'EH-2026-000123',
      decisionDueAt: at.toISOString(),
    };
    const record = (n: ReturnType<typeof notificationFor.submitted>, seq: string) => ({
      eventName: 'INSERT',
      sequenceNumber: seq,
      item: { pk: `OUTBOX#${FRONT_DOOR_AUDIENCE}`, sk: `${n.at}#${n.id}`, ...n, expiresAt: 1 },
    });
    let sends = 0;
    const deliver = createOutboxDelivery({
      sender: {
        async send() {
          // The first email goes; Notify refuses the second.
          if (sends++ > 0) throw new Error('Notify is down');
        },
      },
      frontDoorEmail: 'frontdoor@northshire.example.org',
      agencyEmails: async () => new Map(),
      portalUrl: 'https://portal.example.org',
      logger: silentLogger,
      deliveries: { wasSent: async () => false, recordSent: async () => {} },
      metrics,
    });
    const first = notificationFor.submitted(at.toISOString(), referral);
    const second = notificationFor.submitted(at.toISOString(), referral);
    const result = await deliver([record(first, '1'), record(second, '2')]);
    expect(result.failed).toEqual(['2']);
    expect(
      parsed().map(({ NotificationsSent, NotificationsFailed }) => ({
        NotificationsSent,
        NotificationsFailed,
      })),
    ).toEqual([{ NotificationsSent: 1, NotificationsFailed: 1 }]);
    // A count only: nothing of the email, its mailbox or its referral.
    expect(JSON.stringify(parsed())).not.toMatch(/EH-2026|frontdoor|01JA/);
  });

  it('counts the drift alarms each run raised (DriftAlarmsRaised), by number only', async () => {
    const { metrics, parsed } = capture();
    const summary = {
      id: 'episode-1',
      reference: 'EP-2026-000001',
      running: { kind: 'assessment', from: '2026-03-01', dueOn: '2026-03-20' },
    };
    const job = createDriftAlarmJob({
      store: {
        // Re-listing is not what this counts: its failure is logged and the run goes on.
        standards: async () => {
          throw new Error('not under test');
        },
        list: async () => ({ items: [summary], lastKey: undefined }),
      } as unknown as Parameters<typeof createDriftAlarmJob>[0]['store'],
      alarms: { raise: async () => true } as unknown as Parameters<typeof createDriftAlarmJob>[0]['alarms'],
      audit: { putItem: () => ({}) } as unknown as Parameters<typeof createDriftAlarmJob>[0]['audit'],
      clock: () => at,
      logger: silentLogger,
      metrics,
    });
    expect(await job('run-1')).toBe(1);
    expect(parsed().map((line) => line.DriftAlarmsRaised)).toEqual([1]);
    expect(JSON.stringify(parsed())).not.toContain('EP-2026');
  });
});
