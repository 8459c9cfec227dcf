import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../functions/platform/logger.ts';
import { notificationFor } from '../../functions/referrals/notifications.ts';
import { createOutboxDelivery, renderNotifyEmail } from '../../functions/referrals/notify.ts';

/** Email delivery of the outbox through GOV.UK Notify (AWS only), with a fake sender. */
function setup(
  agencyEmails: Record<string, string> = { 'brookfield-primary': 'safeguarding@brookfield.example.org' },
) {
  const sent: {
    to: string;
    personalisation: { subject: string; body: string; link: string };
    reference: string;
  }[] = [];
  const deliver = createOutboxDelivery({
    sender: {
      async send(to, personalisation, reference) {
        sent.push({ to, personalisation, reference });
      },
    },
    frontDoorEmail: 'frontdoor@northshire.example.org',
    agencyEmails: async () => new Map(Object.entries(agencyEmails)),
    portalUrl: 'https://portal.example.org',
    logger: silentLogger,
    // What was emailed before is the API test's (test/api/notify-delivery.api.test.ts, the real store).
    deliveries: { wasSent: async () => false, recordSent: async () => {} },
  });
  return { deliver, sent };
}

const referral = {
  id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
  reference: 'EH-2026-000123',
  decisionDueAt: '2026-04-07T16:00:00.000Z',
};
const outbox = (audience: string, n: ReturnType<typeof notificationFor.submitted>) => ({
  eventName: 'INSERT',
  item: { pk: `OUTBOX#${audience}`, sk: `${n.at}#${n.id}`, ...n, expiresAt: 1 },
});

describe('emailing the outbox', () => {
  it('sends a submission to the front door’s mailbox and a decision to the agency’s, with absolute links', async () => {
    const { deliver, sent } = setup();
    const result = await deliver([
      outbox('TRIAGE', notificationFor.submitted('2026-04-02T09:00:00.000Z', referral)),
      outbox('AGENCY#brookfield-primary', notificationFor.decided('2026-04-03T09:00:00.000Z', referral)),
    ]);
    expect(result).toEqual({ sent: 2, skipped: 0, alreadySent: 0, failed: [] });
    expect(sent.map((s) => s.to)).toEqual([
      'frontdoor@northshire.example.org',
      'safeguarding@brookfield.example.org',
    ]);
    expect(sent[0]?.personalisation).toEqual({
      subject: 'New early-help referral EH-2026-000123',
      body: expect.stringContaining('A decision is due by 5pm on Tuesday 7 April'),
      link: 'https://portal.example.org/referrals/view/?id=01JAAAAAAAAAAAAAAAAAAAAAAA',
    });
  });

  it('ignores other writes to the table and skips an agency with no mailbox', async () => {
    const { deliver, sent } = setup({});
    const result = await deliver([
      { eventName: 'INSERT', item: { pk: 'REFERRAL#x', sk: 'REFERRAL', child: { firstName: 'Someone' } } },
      { eventName: 'MODIFY', item: { pk: 'OUTBOX#TRIAGE', sk: 'x' } },
      outbox('AGENCY#harbour-family-support', notificationFor.decided('2026-04-03T09:00:00.000Z', referral)),
    ]);
    expect(result).toEqual({ sent: 0, skipped: 1, alreadySent: 0, failed: [] });
    expect(sent).toEqual([]);
  });
});

describe('the Notify template', () => {
  it('fills each placeholder with its personalisation, once, as Notify does', () => {
    const email = renderNotifyEmail({
      subject: 'Referral NSP-2026-0042 was decided',
      body: 'The front door has decided referral NSP-2026-0042. ((link)) stays as written.',
      link: 'https://portal.northshire.example/referrals/view/?id=01J',
    });
    expect(email.subject).toBe('Referral NSP-2026-0042 was decided');
    expect(email.body.split('\n')).toEqual([
      'The front door has decided referral NSP-2026-0042. ((link)) stays as written.',
      '',
      'Open it in the portal (you will be asked to sign in):',
      'https://portal.northshire.example/referrals/view/?id=01J',
      '',
      'This is an automatic email from the Northshire Safeguarding Partnership portal. Do not reply to it.',
    ]);
  });
});
