import { monotonicFactory } from 'ulid';
import type { Notification } from '../../shared/referrals/notification.ts';

/**
 * The words of each notification. They name the referral by its reference and link to it (a sign-in
 * is needed to follow the link); they never carry a child's name, address or the concerns.
 */
const nextId = monotonicFactory();

export function formatDue(iso: string): string {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  })
    .format(d)
    .replace(':00', '')
    .replace(' ', '');
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(d);
  return `${time} on ${day}`;
}

function message(
  at: string,
  kind: Notification['kind'],
  reference: string,
  id: string,
  subject: string,
  body: string,
): Notification {
  return {
    id: nextId(Date.parse(at)),
    at,
    kind,
    reference,
    subject,
    body,
    link: `/referrals/view/?id=${id}`,
  };
}

export const notificationFor = {
  submitted: (at: string, referral: { id: string; reference: string; decisionDueAt?: string }) =>
    message(
      at,
      'referral.submitted',
      referral.reference,
      referral.id,
      `New early-help referral ${referral.reference}`,
      `A partner agency has submitted referral ${referral.reference}. A decision is due by ${
        referral.decisionDueAt ? formatDue(referral.decisionDueAt) : 'the end of the next working day'
      }. Sign in to the portal to read it.`,
    ),
  decided: (at: string, referral: { id: string; reference: string }) =>
    message(
      at,
      'referral.decided',
      referral.reference,
      referral.id,
      `Decision on referral ${referral.reference}`,
      `The front door has recorded its decision on referral ${referral.reference}, with feedback for you. Sign in to the portal to read it.`,
    ),
  dueSoon: (at: string, referral: { id: string; reference: string; decisionDueAt?: string }) =>
    message(
      at,
      'referral.due_soon',
      referral.reference,
      referral.id,
      `Referral ${referral.reference} is due for a decision soon`,
      `The decision on referral ${referral.reference} is due by ${
        referral.decisionDueAt ? formatDue(referral.decisionDueAt) : 'the end of the working day'
      }. Sign in to the portal to decide it or to see who is reviewing it.`,
    ),
};
