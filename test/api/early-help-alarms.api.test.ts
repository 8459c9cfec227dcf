import { describe, expect, it } from 'vitest';
import { createDynamoDriftAlarmStore } from '../../functions/early-help/alarm-store.ts';
import { createDriftAlarmJob } from '../../functions/early-help/alarms.ts';
import { createDynamoEarlyHelpStore } from '../../functions/early-help/store.ts';
import { createAuditWriter } from '../../functions/platform/audit.ts';
import { silentLogger } from '../../functions/platform/logger.ts';
import type { Episode } from '../../shared/early-help/schema.ts';
import type { Notification } from '../../shared/referrals/notification.ts';
import { auditOf, clockedApi, decidedReferral, startEpisode, step } from './early-help-fixtures.ts';

/**
 * The drift alarm: once per overdue timer, a notification to the agency leading the episode (or
 * asked to) and to the front door, with the reference and a link, and nothing of the child.
 */
let alarm: ReturnType<typeof createDriftAlarmJob>;
const { api, at, now } = clockedApi('2026-06-01T09:00:00Z', (made) => {
  const { db, tables } = made.store;
  alarm = createDriftAlarmJob({
    store: createDynamoEarlyHelpStore(db, tables['early-help']),
    alarms: createDynamoDriftAlarmStore(db, tables['early-help'], tables.outbox),
    audit: createAuditWriter(db, tables.audit, now),
    clock: now,
    logger: silentLogger,
  });
});

const messages = async (as: string) =>
  (
    (await (await api.request('GET', '/api/notifications', { as })).json()) as { items: Notification[] }
  ).items.filter((n) => (n.kind as string) === 'episode.overdue');

describe('the drift alarm', () => {
  let episode: Episode;

  it('sends nothing while every timer is running', async () => {
    episode = await startEpisode(api, (await decidedReferral(api)).id, 'harbour-family-support');
    at('2026-06-08T16:00:00Z');
    expect(await alarm('run-1')).toBe(0);
  });

  it('tells the agency asked to lead and the front door once the lead’s timer runs out, once', async () => {
    at('2026-06-09T07:00:00Z');
    expect(await alarm('run-2')).toBe(1);
    expect(await alarm('run-3')).toBe(0);
    for (const as of ['grace', 'joe']) {
      const [message, ...more] = await messages(as);
      expect(more, as).toEqual([]);
      expect(message).toMatchObject({
        reference: episode.reference,
        subject: `Early help episode ${episode.reference} is overdue`,
        link: `/early-help/episode/?id=${episode.id}`,
      });
      expect(message?.body).toContain('“Lead practitioner allocated” was due by Monday 8 June');
      const text = JSON.stringify(message);
      for (const secret of ['Maisie', 'Fairbrook', '2018-05-14', 'Brookfield'])
        expect(text).not.toContain(secret);
    }
    // The referring school is not told: it is not working the episode.
    expect(await messages('amira')).toEqual([]);
    const trail = await auditOf(api, 'episode', episode.id);
    expect(trail.filter((e) => e.action === 'episode.alarm')).toEqual([
      expect.objectContaining({
        outcome: 'allowed',
        actor: null,
        detail: expect.stringContaining('lead overdue'),
      }),
    ]);
  });

  it('alarms the next timer when it runs out in turn', async () => {
    episode = await step(api, 'joe', episode, 'POST', 'lead', { answer: 'accepted' });
    at('2026-07-08T09:00:00Z');
    expect(await alarm('run-4')).toBe(1);
    const bodies = (await messages('joe')).map((m) => m.body);
    expect(
      bodies.some((b) => b.includes('“Early Help Assessment completed” was due by Tuesday 7 July')),
    ).toBe(true);
  });
});
