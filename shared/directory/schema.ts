import { text } from '../platform/text.ts';
import * as z from '../platform/zod.ts';
import { AGENCY_KINDS } from './labels.ts';

export type { AgencyKind } from './labels.ts';

// Names follow the one text rule (text.ts); look-alike names are told apart in the directory's store.
const agencyName = text(120, 'name').check(z.minLength(2, 'Enter the agency name'));

export const AgencySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  active: z.boolean(),
  /** The agency's safeguarding mailbox: notifications for its referrers go there (a team address, not a person's). */
  notifyEmail: z.optional(z.email()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Optimistic-concurrency version: sent back as `If-Match` on edits. */
  version: z.int().check(z.positive()),
});
export type Agency = z.infer<typeof AgencySchema>;

const notifyEmail = z
  .email('Enter an email address, like safeguarding@school.example.org')
  .check(z.maxLength(200));

export const AgencyCreateSchema = z.strictObject({
  name: agencyName,
  kind: z.enum(AGENCY_KINDS, { error: 'Choose the kind of agency' }),
  notifyEmail: z.optional(notifyEmail),
});
export type AgencyCreate = z.infer<typeof AgencyCreateSchema>;

/** Agencies are renamed or deactivated, never deleted: records keep pointing at them. */
export const AgencyUpdateSchema = z
  .strictObject({
    name: z.optional(agencyName),
    active: z.optional(z.boolean()),
    /** `null` removes the mailbox: the agency's referrers then get no email, only the portal's Messages. */
    notifyEmail: z.optional(z.nullable(notifyEmail)),
  })
  .check(
    z.refine((u) => u.name !== undefined || u.active !== undefined || u.notifyEmail !== undefined, {
      message: 'Change the name, the status or the email address',
    }),
  );
export type AgencyUpdate = z.infer<typeof AgencyUpdateSchema>;
