import type { Notification } from '../../shared/referrals/notification.ts';
import type { Logger } from '../platform/logger.ts';
import { type MetricWriter, noMetrics } from '../platform/metrics.ts';
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
  /** Each batch's counts (`NotificationsSent`, `NotificationsFailed`, which an alarm watches); none unless given. */
  metrics?: MetricWriter;
}

/** The parts of a DynamoDB stream record this reads (NEW_IMAGE, already unmarshalled). */
export interface OutboxRecord {
  eventName?: string;
  item?: Record<string, unknown>;
  /** The record's place in its shard: what a partial batch failure reports. */
  sequenceNumber?: string;
}

/**
 * Which notifications have been emailed, by id (Notify's `reference`): a batch that is retried after
 * a failure skips the ones already sent, so nobody gets the same email twice.
 */
export interface DeliveryLog {
  wasSent(notificationId: string): Promise<boolean>;
  recordSent(notificationId: string): Promise<void>;
}

export interface DeliveryResult {
  sent: number;
  skipped: number;
  /** Already emailed by an earlier try of the same batch. */
  alreadySent: number;
  /** The sequence number of the record that failed: the stream retries from it, and nothing after it is sent now. */
  failed: string[];
}

export function createOutboxDelivery(deps: OutboxDeliveryDeps & { deliveries: DeliveryLog }) {
  return async (records: readonly OutboxRecord[]): Promise<DeliveryResult> => {
    const result: DeliveryResult = { sent: 0, skipped: 0, alreadySent: 0, failed: [] };
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
      try {
        if (await deps.deliveries.wasSent(notification.id)) {
          result.alreadySent++;
          continue;
        }
        const to =
          audience === FRONT_DOOR_AUDIENCE
            ? deps.frontDoorEmail
            : (await deps.agencyEmails()).get(audienceAgency(audience) ?? audience);
        if (!to) {
          // An agency with no mailbox set still sees its messages in the portal.
          deps.logger.log('warn', 'no mailbox for a notification', { audience, kind: notification.kind });
          result.skipped++;
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
      } catch (error) {
        // Stop here: the stream retries from this record, in order, and the log skips what was sent.
        deps.logger.log('warn', 'a notification could not be emailed', {
          kind: notification.kind,
          error: error instanceof Error ? error.name : 'unknown',
        });
        result.failed.push(record.sequenceNumber ?? notification.id);
        break;
      }
      result.sent++;
      // Sent: a failure to record it is logged, not retried (a retry would email it again).
      await deps.deliveries.recordSent(notification.id).catch((error: unknown) =>
        deps.logger.log('error', 'an emailed notification could not be recorded as sent', {
          kind: notification.kind,
          error: error instanceof Error ? error.name : 'unknown',
        }),
      );
    }
    deps.logger.log('info', 'notifications emailed', {
      sent: result.sent,
      skipped: result.skipped,
      alreadySent: result.alreadySent,
      failed: result.failed.length,
    });
    (deps.metrics ?? noMetrics)({
      NotificationsSent: result.sent,
      NotificationsFailed: result.failed.length,
    });
    return result;
  };
}
