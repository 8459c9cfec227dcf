import * as z from 'zod';
import { lazySchema } from '../platform/lazy-schema.ts';
import { text } from '../text.ts';

export const AGENCY_KINDS = ['school', 'health', 'police', 'local-authority', 'voluntary', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  school: 'School or setting',
  health: 'Health',
  police: 'Police',
  'local-authority': 'Local authority',
  voluntary: 'Voluntary sector',
  other: 'Other',
};

// Names follow the one text rule (text.ts); look-alike names are told apart in the directory's store.
const agencyName = lazySchema(() => text(120, 'name').min(2, 'Enter the agency name'));

export const AgencySchema = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    name: z.string(),
    kind: z.enum(AGENCY_KINDS),
    active: z.boolean(),
    /** The agency's safeguarding mailbox: notifications for its referrers go there (a team address, not a person's). */
    notifyEmail: z.email().optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** Optimistic-concurrency version: sent back as `If-Match` on edits. */
    version: z.number().int().positive(),
  }),
);
export type Agency = z.infer<typeof AgencySchema>;

const notifyEmail = lazySchema(() =>
  z.email('Enter an email address, like safeguarding@school.example.org').max(200),
);

export const AgencyCreateSchema = lazySchema(() =>
  z.strictObject({
    name: agencyName,
    kind: z.enum(AGENCY_KINDS, { error: 'Choose the kind of agency' }),
    notifyEmail: notifyEmail.optional(),
  }),
);
export type AgencyCreate = z.infer<typeof AgencyCreateSchema>;

/** Agencies are renamed or deactivated, never deleted: records keep pointing at them. */
export const AgencyUpdateSchema = lazySchema(() =>
  z
    .strictObject({
      name: agencyName.optional(),
      active: z.boolean().optional(),
      /** `null` removes the mailbox: the agency's referrers then get no email, only the portal's Messages. */
      notifyEmail: notifyEmail.nullable().optional(),
    })
    .refine((u) => u.name !== undefined || u.active !== undefined || u.notifyEmail !== undefined, {
      message: 'Change the name, the status or the email address',
    }),
);
export type AgencyUpdate = z.infer<typeof AgencyUpdateSchema>;
