import { CountSchema, ShareSchema, SmallNumbersSchema } from '../platform/counts-schema.ts';
import * as z from '../platform/zod.ts';
import { agreementSchema } from './stats.ts';

/**
 * GET /api/stats/referrals/calibration and GET /api/stats/referrals/agreement/mine, as the referrals
 * function builds them (functions/referrals/calibration-stats.ts, own-agreement.ts). Small counts arrive
 * already hidden (shared/platform/small-numbers.ts).
 */

const IndicatorCalibrationSchema = z.object({
  indicatorId: z.string(),
  decided: CountSchema.check(z.describe('Decided referrals that had this indicator chosen')),
  higher: CountSchema.check(z.describe('Of those, decided at a higher level than the indicators suggested')),
  lower: CountSchema.check(z.describe('Of those, decided at a lower level than the indicators suggested')),
  overridden: CountSchema.check(z.describe('Higher and lower together')),
  overriddenPct: ShareSchema,
});

export const CalibrationSchema = z.object({
  generatedAt: z.string(),
  smallNumbers: SmallNumbersSchema,
  version: z
    .nullable(z.int())
    .check(z.describe('The guidance version these figures are for; null when nothing is decided yet')),
  versions: z.array(z.int()).check(z.describe('The guidance versions with figures, newest first')),
  agencyId: z.optional(z.string()).check(z.describe('The referring agency, when asked for one')),
  agencies: z.optional(
    z.array(z.string()).check(z.describe('The agencies with figures in this version (not for editors)')),
  ),
  indicators: z
    .array(IndicatorCalibrationSchema)
    .check(z.describe('Most overridden first, by the figures as shown; hidden ones after')),
});

export const OwnAgreementSchema = z.object({
  generatedAt: z.string(),
  smallNumbers: SmallNumbersSchema,
  agencyId: z.string(),
  quarters: z.array(
    z.object({
      quarter: z.string(),
      agreement: agreementSchema('the level the indicators suggested'),
      referrerAgreement: agreementSchema('the level the referrer thought'),
      partnershipAgreementPct: z
        .optional(ShareSchema)
        .check(
          z.describe(
            "Every agency's together, beside yours; left out when fewer than three agencies had decisions, since the rest would then be one agency's",
          ),
        ),
    }),
  ),
});

export type Calibration = z.infer<typeof CalibrationSchema>;
export type OwnAgreement = z.infer<typeof OwnAgreementSchema>;
