import * as z from '../platform/zod.ts';
import { NOTIFICATION_KINDS } from './labels.ts';

/**
 * A notification: submitted → the front door; decided → the referrer's agency; about to be overdue
 * → the front door's manager; an early-help episode's step overdue → the lead agency and the front
 * door. It never carries a child's details: only the referral's (or episode's) reference and a link,
 * which needs a sign-in to follow.
 */
export const NotificationSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  subject: z.string(),
  body: z.string(),
  reference: z.string(),
  link: z.string(),
});
export type Notification = z.infer<typeof NotificationSchema>;
