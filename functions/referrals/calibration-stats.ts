import {
  checkThreshold,
  DEFAULT_SMALL_NUMBER_THRESHOLD,
  type Figure,
  type Relation,
  share,
  suppress,
} from '../../shared/platform/small-numbers.ts';
import {
  type IndicatorCalibration,
  type IndicatorTally,
  rankOverridden,
  talliesOf,
} from '../../shared/referrals/calibration.ts';
import type { Calibration } from '../../shared/referrals/calibration-schema.ts';
import { calibrationVersion, counterAgency } from './keys.ts';
import type { CounterRow } from './stats.ts';

/**
 * GET /api/stats/referrals/calibration, from the calibration counters of every guidance version
 * (keys.ts `calibrationCounterSk`), suppressed before it leaves the function.
 *
 * Each indicator of a version is one table: its agencies and the partnership's total, each split into
 * higher + lower = overridden and overridden + same = decided ("same" is never published but follows).
 * The table is suppressed whole, whichever agency was asked for, so one agency's answer, another's and
 * the partnership's are slices of the same suppressed figures and cannot be subtracted from each other.
 * Indicators are not added to each other (a referral carries several), so their tables are separate.
 */

const ALL = '*';
const PARTS = ['higher', 'lower', 'same'] as const;
const WHAT = ['decided', 'overridden', ...PARTS] as const;

function indicatorTable(
  indicatorId: string,
  byAgency: ReadonlyMap<string, IndicatorTally>,
  threshold: number,
): Map<string, IndicatorCalibration> {
  const agencies = [...byAgency.keys()].sort();
  const tally = (a: string): IndicatorTally =>
    a === ALL
      ? agencies.reduce(
          (t, x) => {
            const v = byAgency.get(x) as IndicatorTally;
            return { decided: t.decided + v.decided, higher: t.higher + v.higher, lower: t.lower + v.lower };
          },
          { decided: 0, higher: 0, lower: 0 },
        )
      : (byAgency.get(a) as IndicatorTally);
  const k = (a: string, what: string) => `${a}|${what}`;
  const figures: Figure[] = [];
  const relations: Relation[] = [];
  for (const a of [...agencies, ALL]) {
    const t = tally(a);
    const value = {
      decided: t.decided,
      higher: t.higher,
      lower: t.lower,
      overridden: t.higher + t.lower,
      same: t.decided - t.higher - t.lower,
    };
    for (const what of WHAT)
      figures.push({ key: k(a, what), value: value[what], published: what !== 'same' });
    relations.push(
      { parts: [k(a, 'higher'), k(a, 'lower')], total: k(a, 'overridden') },
      { parts: [k(a, 'overridden'), k(a, 'same')], total: k(a, 'decided') },
    );
  }
  // Each agency's figures add up to the partnership's (a sum of one part adds nothing, so it is left out).
  if (agencies.length > 1)
    for (const what of WHAT) relations.push({ parts: agencies.map((a) => k(a, what)), total: k(ALL, what) });
  const shown = suppress(figures, relations, threshold);
  const get = (key: string) => shown.get(key) ?? 0;
  return new Map(
    [...agencies, ALL].map((a) => {
      const decided = get(k(a, 'decided'));
      const overridden = get(k(a, 'overridden'));
      return [
        a,
        {
          indicatorId,
          decided,
          higher: get(k(a, 'higher')),
          lower: get(k(a, 'lower')),
          overridden,
          overriddenPct: share(overridden, decided, threshold),
        },
      ];
    }),
  );
}

/** The response for one version (the newest with figures when none is asked for), for everyone or one agency. */
export function calibrationStats(input: {
  rows: readonly CounterRow[];
  version?: number;
  agencyId?: string;
  /** Whether the answer lists the agencies with figures (the front door's and the board's, not an editor's). */
  listAgencies: boolean;
  generatedAt: string;
  threshold?: number;
}): Calibration {
  const threshold = input.threshold ?? DEFAULT_SMALL_NUMBER_THRESHOLD;
  checkThreshold(threshold);
  const versions = [...new Set(input.rows.map((r) => calibrationVersion(r.sk)))].sort((a, b) => b - a);
  const version = input.version ?? versions[0] ?? null;
  const rows = input.rows.filter((r) => calibrationVersion(r.sk) === version);
  // indicator → agency → tally
  const cube = new Map<string, Map<string, IndicatorTally>>();
  for (const row of rows) {
    const agency = counterAgency(row.sk);
    for (const [id, tally] of talliesOf(row.values)) {
      if (tally.decided === 0) continue;
      let byAgency = cube.get(id);
      if (!byAgency) {
        byAgency = new Map();
        cube.set(id, byAgency);
      }
      byAgency.set(agency, tally);
    }
  }
  const slice = input.agencyId ?? ALL;
  const indicators: IndicatorCalibration[] = [];
  for (const [id, byAgency] of cube) {
    if (slice !== ALL && !byAgency.has(slice)) continue;
    const table = indicatorTable(id, byAgency, threshold);
    const row = table.get(slice);
    if (row) indicators.push(row);
  }
  return {
    generatedAt: input.generatedAt,
    smallNumbers: { threshold },
    version,
    versions,
    ...(input.agencyId ? { agencyId: input.agencyId } : {}),
    ...(input.listAgencies ? { agencies: [...new Set(rows.map((r) => counterAgency(r.sk)))].sort() } : {}),
    indicators: rankOverridden(indicators),
  };
}
