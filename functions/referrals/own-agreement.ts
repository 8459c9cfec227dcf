import type { OwnAgreement } from '../../shared/referrals/calibration-schema.ts';
import { type CounterRow, referralStats } from './stats.ts';

/**
 * GET /api/stats/referrals/agreement/mine: a referring agency's own threshold agreement by quarter.
 *
 * Built as a slice of the partnership's figures (stats.ts), suppressed with every agency's together,
 * so what a referrer reads is exactly what the board reads for that agency: nothing here can be set
 * against the board's figures to give a hidden count. No other agency is named or counted. The
 * partnership's share sits beside it only where at least three agencies had decisions in the quarter:
 * with two, "everyone but us" would be one agency's figure.
 */
const MIN_AGENCIES_FOR_PARTNERSHIP = 3;

export function ownAgreement(input: {
  agencyId: string;
  quarters: readonly CounterRow[];
  generatedAt: string;
  threshold?: number;
}): OwnAgreement {
  const stats = referralStats({
    months: [],
    quarters: input.quarters,
    generatedAt: input.generatedAt,
    ...(input.threshold === undefined ? {} : { threshold: input.threshold }),
  });
  const agenciesIn = (quarter: string) => stats.quarters.filter((q) => q.quarter === quarter).length;
  return {
    generatedAt: stats.generatedAt,
    smallNumbers: stats.smallNumbers,
    agencyId: input.agencyId,
    quarters: stats.quarters
      .filter((q) => q.agencyId === input.agencyId)
      .map((q) => {
        const total = stats.quarterTotals.find((t) => t.quarter === q.quarter);
        return {
          quarter: q.quarter,
          agreement: q.agreement,
          referrerAgreement: q.referrerAgreement,
          ...(total && agenciesIn(q.quarter) >= MIN_AGENCIES_FOR_PARTNERSHIP
            ? { partnershipAgreementPct: total.agreement.agreementPct }
            : {}),
        };
      })
      .sort((a, b) => a.quarter.localeCompare(b.quarter)),
  };
}
