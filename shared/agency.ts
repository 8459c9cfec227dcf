import * as z from 'zod';

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

const agencyName = z.string().trim().min(2, 'Enter the agency name').max(120, 'Use 120 characters or fewer');

export const AgencySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Optimistic-concurrency version: sent back as `If-Match` on edits. */
  version: z.number().int().positive(),
});
export type Agency = z.infer<typeof AgencySchema>;

export const AgencyCreateSchema = z.strictObject({
  name: agencyName,
  kind: z.enum(AGENCY_KINDS, { error: 'Choose the kind of agency' }),
});
export type AgencyCreate = z.infer<typeof AgencyCreateSchema>;

/** Agencies are renamed or deactivated, never deleted: records keep pointing at them. */
export const AgencyUpdateSchema = z
  .strictObject({ name: agencyName.optional(), active: z.boolean().optional() })
  .refine((u) => u.name !== undefined || u.active !== undefined, {
    message: 'Change the name or the status',
  });
export type AgencyUpdate = z.infer<typeof AgencyUpdateSchema>;
