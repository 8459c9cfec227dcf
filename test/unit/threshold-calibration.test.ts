import { describe, expect, it } from 'vitest';
import { calibrationStats } from '../../functions/referrals/calibration-stats.ts';
import { calibrationCounterSk } from '../../functions/referrals/keys.ts';
import { ownAgreement } from '../../functions/referrals/own-agreement.ts';
import { isSuppressed, SUPPRESSED } from '../../shared/platform/small-numbers.ts';
import {
  calibrationCounts,
  directionOf,
  directionText,
  type IndicatorCalibration,
  rankOverridden,
  talliesOf,
} from '../../shared/referrals/calibration.ts';

const row = (version: number, agency: string, values: Record<string, number>) => ({
  sk: calibrationCounterSk(version, agency),
  values,
});
/** An agency's tallies for one indicator, as counters: decided, higher, lower. */
const tally = (id: string, decided: number, higher: number, lower: number) => ({
  [`n_${id}`]: decided,
  [`h_${id}`]: higher,
  [`l_${id}`]: lower,
});

describe('what one decision counts', () => {
  it('tells higher, lower and the same level apart', () => {
    expect([directionOf(2, 3), directionOf(3, 2), directionOf(2, 2)]).toEqual(['higher', 'lower', 'same']);
  });

  it('counts each chosen indicator once, with the direction of the decision', () => {
    expect(calibrationCounts(['a', 'b', 'a'], 2, 4)).toEqual({ decided: 1, n_a: 1, h_a: 1, n_b: 1, h_b: 1 });
    expect(calibrationCounts(['a'], 3, 1)).toEqual({ decided: 1, n_a: 1, l_a: 1 });
    expect(calibrationCounts(['a'], 3, 3)).toEqual({ decided: 1, n_a: 1 });
  });

  it('counts nothing without indicators or a suggested level', () => {
    expect(calibrationCounts([], 2, 2)).toEqual({});
    expect(calibrationCounts(['a'], undefined, 2)).toEqual({});
  });

  it('adds at most two attributes per indicator, so sixty fit one update', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `indicator-${i}`);
    expect(Object.keys(calibrationCounts(ids, 1, 4))).toHaveLength(121);
  });

  it('reads the counters back as tallies per indicator', () => {
    expect(talliesOf({ decided: 9, ...tally('a', 9, 2, 1) }).get('a')).toEqual({
      decided: 9,
      higher: 2,
      lower: 1,
    });
  });
});

describe('ranking the most overridden', () => {
  const r = (indicatorId: string, overridden: IndicatorCalibration['overridden'], pct = 50) => ({
    indicatorId,
    decided: 20,
    higher: overridden,
    lower: 0,
    overridden,
    overriddenPct: isSuppressed(overridden) ? SUPPRESSED : pct,
  });

  it('puts larger shown counts first and hidden ones last, by id, never by their true size', () => {
    const ranked = rankOverridden([r('z', SUPPRESSED), r('b', 6), r('a', SUPPRESSED), r('c', 9)]);
    expect(ranked.map((x) => x.indicatorId)).toEqual(['c', 'b', 'a', 'z']);
  });

  it('says the direction in words only when both counts are shown', () => {
    expect(directionText(r('a', 6))).toBe('always higher');
    expect(directionText({ ...r('a', 6), higher: 5, lower: 1 })).toBe('mostly higher');
    expect(directionText(r('a', SUPPRESSED))).toBeNull();
  });
});

describe('calibration figures, suppressed', () => {
  const rows = [
    row(1, 'police', tally('hungry', 12, 6, 2)),
    row(1, 'school', tally('hungry', 9, 7, 0)),
    row(1, 'health', tally('hungry', 6, 2, 0)),
    row(2, 'police', tally('hungry', 5, 5, 0)),
  ];
  const at = '2026-06-01T09:00:00.000Z';

  it('answers the newest version unless asked, and never adds versions together', () => {
    const newest = calibrationStats({ rows, listAgencies: true, generatedAt: at });
    expect(newest.version).toBe(2);
    expect(newest.versions).toEqual([2, 1]);
    expect(newest.indicators).toEqual([
      { indicatorId: 'hungry', decided: 5, higher: 5, lower: 0, overridden: 5, overriddenPct: 100 },
    ]);
  });

  it('hides small counts and what would give them away, in every agency’s slice alike', () => {
    const all = calibrationStats({ rows, version: 1, listAgencies: true, generatedAt: at }).indicators[0];
    // The partnership's 2 lower is small too, so its 15 higher goes with it (17 − 15 would give it).
    expect(all).toMatchObject({ decided: 27, overridden: 17, lower: SUPPRESSED, higher: SUPPRESSED });
    // Police: 2 lower is small; with lower hidden, higher must go too or 8 − 6 gives it.
    const police = calibrationStats({
      rows,
      version: 1,
      agencyId: 'police',
      listAgencies: true,
      generatedAt: at,
    }).indicators[0] as IndicatorCalibration;
    expect(police.lower).toEqual(SUPPRESSED);
    expect(isSuppressed(police.higher) || isSuppressed(police.overridden)).toBe(true);
    // Health: 2 higher and 2 overridden, 4 same (never shown) are all small.
    const health = calibrationStats({
      rows,
      version: 1,
      agencyId: 'health',
      listAgencies: true,
      generatedAt: at,
    }).indicators[0] as IndicatorCalibration;
    expect(health.higher).toEqual(SUPPRESSED);
    expect(health.overridden).toEqual(SUPPRESSED);
    // No shown partnership figure less the other agencies' shown ones gives a hidden one.
    const school = calibrationStats({
      rows,
      version: 1,
      agencyId: 'school',
      listAgencies: true,
      generatedAt: at,
    }).indicators[0] as IndicatorCalibration;
    for (const what of ['higher', 'lower', 'overridden'] as const) {
      const parts = [police[what], school[what], health[what]];
      const total = all?.[what];
      if (parts.some(isSuppressed) && !isSuppressed(total))
        expect(parts.filter(isSuppressed).length).toBeGreaterThan(1);
    }
  });

  it('lists the agencies only for the front door and the board', () => {
    expect(calibrationStats({ rows, listAgencies: false, generatedAt: at }).agencies).toBeUndefined();
    expect(calibrationStats({ rows, version: 1, listAgencies: true, generatedAt: at }).agencies).toEqual([
      'health',
      'police',
      'school',
    ]);
  });

  it('answers nothing decided with no version', () => {
    expect(calibrationStats({ rows: [], listAgencies: true, generatedAt: at })).toMatchObject({
      version: null,
      indicators: [],
    });
  });
});

describe('an agency’s own agreement', () => {
  const q = (quarter: string, agency: string, values: Record<string, number>) => ({
    sk: `Q#${quarter}#AGENCY#${agency}`,
    values,
  });
  const decided = (agreed: number, not: number) => ({ decided: agreed + not, m22: agreed, m23: not });

  it('gives its own quarters only, with the partnership beside it where three agencies decided', () => {
    const mine = ownAgreement({
      agencyId: 'school',
      quarters: [
        q('2026-Q1', 'school', decided(10, 5)),
        q('2026-Q1', 'police', decided(10, 0)),
        q('2026-Q2', 'school', decided(6, 0)),
        q('2026-Q2', 'police', decided(6, 0)),
        q('2026-Q2', 'health', decided(6, 0)),
      ],
      generatedAt: '2026-06-01T09:00:00.000Z',
    });
    expect(JSON.stringify(mine)).not.toMatch(/police|health/);
    expect(mine.quarters.map((x) => x.quarter)).toEqual(['2026-Q1', '2026-Q2']);
    expect(mine.quarters[0]?.agreement).toMatchObject({ n: 15, agreed: 10 });
    expect(mine.quarters[0]?.partnershipAgreementPct).toBeUndefined();
    expect(mine.quarters[1]?.partnershipAgreementPct).toBe(100);
  });
});
