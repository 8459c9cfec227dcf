import type { Count, Share } from '../platform/small-numbers.ts';
import { isSuppressed } from '../platform/small-numbers.ts';

/**
 * Threshold calibration by indicator: for each indicator chosen on a decided referral, whether the
 * front door set the level the referrer's indicators suggested, a higher one or a lower one. An
 * indicator that keeps coming with overrides is one whose wording or level the next version of the
 * guidance should look at.
 *
 * Counted at the decision, in the decision's own transaction, on one counter item per guidance version
 * and referring agency (functions/referrals/keys.ts `calibrationCounterSk`): `n_<indicator>` decided with it,
 * `h_<indicator>` decided higher than suggested, `l_<indicator>` lower. One item however many indicators
 * a referral carries (at most 60, by its schema), so the transaction grows by one write, not sixty.
 *
 * Figures belong to a guidance version and are never added across versions: an indicator's wording
 * and level can change between versions, so its overrides under one say nothing about the other.
 */

export type Direction = 'higher' | 'lower' | 'same';

/** Where the front door's level stands against the suggested one. */
export function directionOf(suggested: number, decided: number): Direction {
  return decided > suggested ? 'higher' : decided < suggested ? 'lower' : 'same';
}

/** The counter attributes one decision adds: each chosen indicator once, however often it was listed. */
export function calibrationCounts(
  indicatorIds: readonly string[] | undefined,
  suggested: number | undefined,
  decided: number,
): Record<string, number> {
  if (!suggested || !indicatorIds?.length) return {};
  const direction = directionOf(suggested, decided);
  const add: Record<string, number> = { decided: 1 };
  for (const id of new Set(indicatorIds)) {
    add[`n_${id}`] = 1;
    if (direction === 'higher') add[`h_${id}`] = 1;
    if (direction === 'lower') add[`l_${id}`] = 1;
  }
  return add;
}

export interface IndicatorTally {
  decided: number;
  higher: number;
  lower: number;
}

/** A counter item's values, read back as one tally per indicator. */
export function talliesOf(values: Record<string, number>): Map<string, IndicatorTally> {
  const out = new Map<string, IndicatorTally>();
  const of = (id: string) => {
    let t = out.get(id);
    if (!t) {
      t = { decided: 0, higher: 0, lower: 0 };
      out.set(id, t);
    }
    return t;
  };
  for (const [key, value] of Object.entries(values)) {
    const field = ({ n_: 'decided', h_: 'higher', l_: 'lower' } as const)[key.slice(0, 2)];
    if (field && key.length > 2) of(key.slice(2))[field] += value;
  }
  return out;
}

/** One indicator's figures as published: any count or share may be hidden. */
export interface IndicatorCalibration {
  indicatorId: string;
  decided: Count;
  higher: Count;
  lower: Count;
  /** Higher and lower together. */
  overridden: Count;
  overriddenPct: Share;
}

const shown = (c: Count | Share): number | null => (typeof c === 'number' ? c : null);

/**
 * Most overridden first, by the figures as shown only: ordering by a hidden count would tell its size
 * by its place. Shown counts by size, then share; hidden ones after, by indicator id.
 */
export function rankOverridden<T extends IndicatorCalibration>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => {
    const ca = shown(a.overridden);
    const cb = shown(b.overridden);
    if (ca !== null && cb !== null && ca !== cb) return cb - ca;
    if ((ca === null) !== (cb === null)) return ca === null ? 1 : -1;
    const pa = shown(a.overriddenPct) ?? -1;
    const pb = shown(b.overriddenPct) ?? -1;
    if (ca !== null && pa !== pb) return pb - pa;
    return a.indicatorId < b.indicatorId ? -1 : a.indicatorId > b.indicatorId ? 1 : 0;
  });
}

/** Whether a row shows any override at all (the editor's list leaves out the ones never overridden). */
export function everOverridden(row: IndicatorCalibration): boolean {
  return isSuppressed(row.overridden) || row.overridden > 0;
}

/** The main direction of an indicator's overrides, in words, or null when it cannot be told. */
export function directionText(row: IndicatorCalibration): string | null {
  const h = shown(row.higher);
  const l = shown(row.lower);
  if (h === null || l === null) return null;
  if (h === 0 && l === 0) return null;
  if (l === 0) return 'always higher';
  if (h === 0) return 'always lower';
  return h > l ? 'mostly higher' : h < l ? 'mostly lower' : 'as often higher as lower';
}
