import * as z from 'zod';

/** Board actions, DESIGN.md §3; the full record and its rules arrive with the board issue. */
export const ACTION_STATUSES = ['not_started', 'in_progress', 'blocked', 'complete'] as const;
export const RAG_RATINGS = ['red', 'amber', 'green'] as const;

export const ActionSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(ACTION_STATUSES),
  rag: z.enum(RAG_RATINGS),
  dueDate: z.iso.date(),
  ownerAgencyIds: z.array(z.string()),
  updatedAt: z.iso.datetime(),
});
export type ActionSummary = z.infer<typeof ActionSummarySchema>;
