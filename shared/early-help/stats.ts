import { CountSchema, ShareSchema, SmallNumbersSchema } from '../platform/counts-schema.ts';
import * as z from '../platform/zod.ts';
import { CLOSURE_REASONS } from './labels.ts';

/**
 * GET /api/stats/episodes: the early-help figures the dashboard shows, as the early-help function
 * builds them from its counters (functions/early-help/stats.ts). Small counts arrive already hidden,
 * with the totals beside them, exactly as the referral figures do (shared/referrals/stats.ts).
 *
 * An episode is counted under the agency leading it, or asked to, when each thing happened; `null`
 * is "no agency yet" (waiting for one to be asked, or after a decline).
 */

const AgencySchema = z
  .nullable(z.string())
  .check(z.describe('The agency leading the episode or asked to; null while no agency is'));
const ByLevelSchema = z
  .record(z.string(), CountSchema)
  .check(z.describe('By level of need (1 to 4); a level not listed is 0'));

/** One step of the standards: how many were met in the quarter, and how many of them in time. */
const TimelinessSchema = z.object({
  met: CountSchema,
  onTime: CountSchema.check(z.describe('Of those, within the standard’s working days')),
  onTimePct: ShareSchema,
});

const QuarterFiguresSchema = z.object({
  started: CountSchema.check(z.describe('Episodes started (dated by the front door’s decision)')),
  startedByLevel: ByLevelSchema,
  reReferred: CountSchema.check(
    z.describe('Of those, for a child whose earlier episode closed in the 12 months before'),
  ),
  fromStepDown: CountSchema.check(z.describe('Of those, begun as a step-down from social care')),
  allocation: TimelinessSchema.check(z.describe('Lead practitioners accepting the episode')),
  assessment: TimelinessSchema.check(z.describe('Early Help Assessments completed')),
  plan: TimelinessSchema.check(z.describe('Plans agreed')),
  review: TimelinessSchema.check(z.describe('Reviews held')),
  closed: CountSchema,
  closures: z
    .partialRecord(z.enum(CLOSURE_REASONS), CountSchema)
    .check(z.describe('By closure reason (stepped_up: step-ups); a reason not listed is 0')),
});

export const EpisodeStatsSchema = z.object({
  generatedAt: z.string(),
  smallNumbers: SmallNumbersSchema,
  open: z.object({
    total: CountSchema.check(z.describe('Episodes open now')),
    byLevel: ByLevelSchema,
    agencies: z.array(z.object({ agencyId: AgencySchema, open: CountSchema, byLevel: ByLevelSchema })),
  }),
  reviewsOverdue: z.object({
    count: CountSchema.check(z.describe('Open episodes whose next review is past its due date today')),
    atLeast: z
      .boolean()
      .check(z.describe('True when counting stopped at its bound: there are at least this many')),
  }),
  quarters: z.array(z.extend(QuarterFiguresSchema, { quarter: z.string(), agencyId: AgencySchema })),
  quarterTotals: z.array(z.extend(QuarterFiguresSchema, { quarter: z.string() })),
});

export type EpisodeStats = z.infer<typeof EpisodeStatsSchema>;
/** One quarter's figures, an agency's or the partnership's; any count or share may be hidden. */
export type EpisodeQuarterFigures = z.infer<typeof QuarterFiguresSchema>;
export type Timeliness = EpisodeQuarterFigures['allocation'];
