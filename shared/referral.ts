import * as z from 'zod';

/** Lifecycle of DESIGN.md §3; the full record and its rules arrive with the referrals issue. */
export const REFERRAL_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'decided',
  'closed',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** What a list shows: no child's details beyond what the owner or the front door already sees. */
export const ReferralSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  agencyId: z.string(),
  submittedAt: z.iso.datetime().optional(),
  decisionDueAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime(),
});
export type ReferralSummary = z.infer<typeof ReferralSummarySchema>;
