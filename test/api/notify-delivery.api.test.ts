import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../functions/platform/logger.ts';
import { createDynamoDeliveryLog } from '../../functions/referrals/delivery-log.ts';
import { notificationFor } from '../../functions/referrals/notifications.ts';
import { createOutboxDelivery, type OutboxRecord } from '../../functions/referrals/notify.ts';
import { createTestStore, type TestStore } from '../support/store.ts';

/**
 * The notifier against the real store: a batch from the outbox's stream in which one send fails.
 * The failed record is reported (the stream retries from it); the retry, whether from that record
 * or of the whole batch, emails nobody twice; and in the end every notification has gone, once.
 */
let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.drop());

const referral = (n: number) => ({
  id: `01JAAAAAAAAAAAAAAAAAAAAA0${n}`,
  reference: `EH-2026-00012${n}`,
  decisionDueAt: '2026-04-07T16:00:00.000Z',
});
/** Three notifications as the stream brings them: two to the front door, one to the school. */
const batch: OutboxRecord[] = [
  ['TRIAGE', notificationFor.submitted('2026-04-02T09:00:00.000Z', referral(1)), '100'],
  ['TRIAGE', notificationFor.submitted('2026-04-02T09:01:00.000Z', referral(2)), '200'],
  ['AGENCY#brookfield-primary', notificationFor.decided('2026-04-02T09:02:00.000Z', referral(3)), '300'],
].map(([audience, n, sequenceNumber]) => {
  const notification = n as ReturnType<typeof notificationFor.submitted>;
  return {
    eventName: 'INSERT',
    sequenceNumber: sequenceNumber as string,
    item: {
      pk: `OUTBOX#${audience}`,
      sk: `${notification.at}#${notification.id}`,
      ...notification,
      expiresAt: 1,
    },
  };
});

describe('a notifier that neither loses nor doubles an email', () => {
  it('reports the record whose send failed, and a retry sends the rest without sending any twice', async () => {
    const emailed: { to: string; reference: string }[] = [];
    let notifyDown = true;
    const deliver = createOutboxDelivery({
      sender: {
        async send(to, _personalisation, reference) {
          // GOV.UK Notify fails the second email of the first try, as an outage would.
          if (notifyDown && emailed.length === 1) throw new Error('Notify answered 500');
          emailed.push({ to, reference });
        },
      },
      frontDoorEmail: 'frontdoor@northshire.example',
      agencyEmails: async () => new Map([['brookfield-primary', 'safeguarding@brookfield.example']]),
      portalUrl: 'https://portal.northshire.example',
      logger: silentLogger,
      deliveries: createDynamoDeliveryLog(store.db, store.tables.outbox),
    });

    const first = await deliver(batch);
    expect(first).toMatchObject({ sent: 1, failed: ['200'] });
    expect(emailed.map((e) => e.reference)).toEqual([batch[0]?.item?.id]);

    // The whole batch comes again (bisecting resends the first half too): the first is not re-sent.
    notifyDown = false;
    const retry = await deliver(batch);
    expect(retry).toEqual({ sent: 2, skipped: 0, alreadySent: 1, failed: [] });
    // And once more, as a late duplicate of the batch: nothing new.
    const again = await deliver(batch);
    expect(again).toEqual({ sent: 0, skipped: 0, alreadySent: 3, failed: [] });

    expect(emailed).toEqual([
      { to: 'frontdoor@northshire.example', reference: batch[0]?.item?.id },
      { to: 'frontdoor@northshire.example', reference: batch[1]?.item?.id },
      { to: 'safeguarding@brookfield.example', reference: batch[2]?.item?.id },
    ]);
  });
});
