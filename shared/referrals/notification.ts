import * as z from 'zod';
import { lazySchema } from '../platform/lazy-schema.ts';

/**
 * A notification (the referrals issue, item 8): submitted → the front door; decided → the referrer's
 * agency; about to be overdue → the front door's manager. It never carries a child's details: only
 * the referral's reference and a link, which needs a sign-in to follow.
 */
export const NOTIFICATION_KINDS = ['referral.submitted', 'referral.decided', 'referral.due_soon'] as const;

export const NotificationSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    at: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    subject: z.string(),
    body: z.string(),
    reference: z.string(),
    link: z.string(),
  }),
);
export type Notification = z.infer<typeof NotificationSchema>;
