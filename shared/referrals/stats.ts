import {
  CountSchema,
  MaybeSuppressedNumberSchema,
  ShareSchema,
  SmallNumbersSchema,
} from '../platform/counts-schema.ts';
import * as z from '../platform/zod.ts';

/**
 * GET /api/stats/referrals: the referral figures the dashboard shows, as the referrals function
 * builds them (functions/referrals/stats.ts) and the board's pages read them. Small counts arrive
 * already hidden (shared/platform/small-numbers.ts); the totals come with them, because a total
 * cannot be added up from hidden counts.
 */

export const agreementSchema = (of: string) =>
  z.object({
    n: CountSchema.check(z.describe(`Decided, with ${of}`)),
    agreed: CountSchema.check(z.describe(`Of those, decided at ${of}`)),
    agreementPct: ShareSchema,
    kappa: MaybeSuppressedNumberSchema("Cohen's kappa, from the full counts"),
    kappaNote: z.optional(z.string()).check(z.describe('Why kappa is null')),
  });

const QuarterFiguresSchema = z.object({
  decided: CountSchema,
  decidedOnTime: CountSchema,
  onTimePct: ShareSchema,
  outcomes: z.record(z.string(), CountSchema).check(z.describe('By outcome; an outcome not listed is 0')),
  agreement: agreementSchema('the level the indicators suggested'),
  /** The referrer's own view of the level against the front door's decision. */
  referrerAgreement: agreementSchema('the level the referrer thought'),
});

const breakdown = (what: string) =>
  z.record(z.string(), CountSchema).check(z.describe(`By ${what}; one not listed is 0`));

/** A quarter's "no service fitted" decisions, the partnership's: each breakdown adds up to the total. */
const UnmetNeedQuarterSchema = z.object({
  quarter: z.string(),
  total: CountSchema,
  byNeed: breakdown('need (a sub-domain of the guidance)'),
  byArea: breakdown('postcode district, or `outside` the county, or `unknown`'),
  byAgeBand: breakdown('age band at the decision, or `unknown`'),
  byReason: breakdown('why no service fitted'),
});

export const ReferralStatsSchema = z.object({
  generatedAt: z.string(),
  smallNumbers: SmallNumbersSchema,
  submitted: CountSchema.check(z.describe('Referrals sent in the year')),
  months: z.array(z.object({ month: z.string(), agencyId: z.string(), submitted: CountSchema })),
  monthTotals: z.array(z.object({ month: z.string(), submitted: CountSchema })),
  agencyTotals: z.array(z.object({ agencyId: z.string(), submitted: CountSchema })),
  quarters: z.array(z.extend(QuarterFiguresSchema, { quarter: z.string(), agencyId: z.string() })),
  quarterTotals: z.array(z.extend(QuarterFiguresSchema, { quarter: z.string() })),
  /** The needs the front door found no service for, by quarter, for the board to commission against. */
  unmetNeed: z.array(UnmetNeedQuarterSchema),
});

export type ReferralStats = z.infer<typeof ReferralStatsSchema>;
/** One quarter's figures, an agency's or the partnership's; any count or share may be suppressed. */
export type QuarterFigures = z.infer<typeof QuarterFiguresSchema>;
export type Agreement = QuarterFigures['agreement'];
export type UnmetNeedQuarter = z.infer<typeof UnmetNeedQuarterSchema>;
