import type { Notification } from '../../shared/referrals/notification.ts';
import type { Logger } from '../platform/logger.ts';
import { audienceAgency, FRONT_DOOR_AUDIENCE, outboxAudience } from './keys.ts';

/**
 * Email delivery of the outbox in AWS, through GOV.UK Notify as councils do: DynamoDB streams each new
 * `OUTBOX#…` item of the referrals table to this code, which sends it to the team mailbox of its
 * audience (the front door's, or the referrer's agency's). The email holds the subject, the body and a
 * link, never a child's details. Locally the outbox is read in the portal instead (`/notifications/`).
 */
/**
 * The GOV.UK Notify email template the portal sends through (its id is a deploy-time parameter; the
 * template itself is made in Notify, from this text). Locally, the mail page renders each outbox
 * message with it, so what a team mailbox would receive can be read without Notify.
 */
export const NOTIFY_EMAIL_TEMPLATE = {
  subject: '((subject))',
  body: [
    '((body))',
    '',
    'Open it in the portal (you will be asked to sign in):',
    '((link))',
    '',
    'This is an automatic email from the Northshire Safeguarding Partnership portal. Do not reply to it.',
  ].join('\n'),
} as const;

/** The email Notify makes of the template: each `((name))` replaced by its personalisation. */
export function renderNotifyEmail(
  personalisation: { subject: string; body: string; link: string },
  template: { subject: string; body: string } = NOTIFY_EMAIL_TEMPLATE,
): { subject: string; body: string } {
  const fill = (text: string) =>
    text.replace(
      /\(\((subject|body|link)\)\)/g,
      (_, name: 'subject' | 'body' | 'link') => personalisation[name],
    );
  return { subject: fill(template.subject), body: fill(template.body) };
}

export interface EmailSender {
  /** One email through a Notify template with `subject`, `body` and `link` placeholders. */
  send(
    to: string,
    personalisation: { subject: string; body: string; link: string },
    reference: string,
  ): Promise<void>;
}

export interface OutboxDeliveryDeps {
  sender: EmailSender;
  /** The front door's team mailbox. */
  frontDoorEmail: string;
  /** Agencies' safeguarding mailboxes by agency id. */
  agencyEmails(): Promise<Map<string, string>>;
  /** The portal's origin, so links in emails are absolute. */
  portalUrl: string;
  logger: Logger;
}

/** The parts of a DynamoDB stream record this reads (NEW_IMAGE, already unmarshalled). */
export interface OutboxRecord {
  eventName?: string;
  item?: Record<string, unknown>;
}

export function createOutboxDelivery(deps: OutboxDeliveryDeps) {
  return async (records: readonly OutboxRecord[]): Promise<{ sent: number; skipped: number }> => {
    let sent = 0;
    let skipped = 0;
    for (const record of records) {
      const pk = record.item?.pk;
      const audience = typeof pk === 'string' ? outboxAudience(pk) : null;
      if (record.eventName !== 'INSERT' || audience === null) continue;
      const {
        pk: _pk,
        sk: _sk,
        expiresAt: _e,
        ...notification
      } = record.item as Record<string, unknown> & Notification;
      const to =
        audience === FRONT_DOOR_AUDIENCE
          ? deps.frontDoorEmail
          : (await deps.agencyEmails()).get(audienceAgency(audience) ?? audience);
      if (!to) {
        // An agency with no mailbox set still sees its messages in the portal.
        deps.logger.log('warn', 'no mailbox for a notification', { audience, kind: notification.kind });
        skipped++;
        continue;
      }
      await deps.sender.send(
        to,
        {
          subject: notification.subject,
          body: notification.body,
          link: new URL(notification.link, deps.portalUrl).toString(),
        },
        notification.id,
      );
      sent++;
    }
    deps.logger.log('info', 'notifications emailed', { sent, skipped });
    return { sent, skipped };
  };
}
