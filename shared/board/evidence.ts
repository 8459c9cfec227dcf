import type { Rag } from './labels.ts';

/**
 * The evidence a better RAG needs. Inspectors found the board's ratings over-generous: posting any
 * update made an action fresh, and fresh actions turned green. Now an update lifts the rating only
 * when (a) the action's outcome measure has moved toward its target (its current value against its
 * baseline), or (b) a second board member, not the update's author, has verified the update. Without
 * either, the action keeps the rating it had just before the update. The dates can still make it
 * worse (overdue is red whatever the evidence). Pure: no clock, no store.
 */

const ORDER: Record<Rag, number> = { red: 0, amber: 1, green: 2 };

/** Is `a` a better rating than `b` (green over amber over red)? */
export const isBetterRag = (a: Rag, b: Rag): boolean => ORDER[a] > ORDER[b];

/**
 * The number a measure's value holds: its first number, so "62%" is 62, "1,200 children" 1200 and
 * "-3.5 days" -3.5. Undefined when it holds none, as "not known" does.
 */
export function measureNumber(value: string | undefined): number | undefined {
  const match = /-?\d[\d,]*(?:\.\d+)?/.exec(value ?? '');
  if (!match) return undefined;
  const n = Number(match[0].replaceAll(',', ''));
  return Number.isFinite(n) ? n : undefined;
}

export interface MeasureValues {
  baseline: string;
  target: string;
  current: string;
}

export type Movement = 'toward' | 'none' | 'away' | 'unreadable' | 'absent';

/**
 * How the measure stands against its baseline: toward its target when the current value has moved
 * from the baseline in the target's direction (passing the target counts), away when it moved the
 * other way, none when it is still the baseline (or the baseline already is the target).
 */
export function measureMovement(measure: MeasureValues | undefined): Movement {
  if (!measure) return 'absent';
  const [baseline, target, current] = [measure.baseline, measure.target, measure.current].map(measureNumber);
  if (baseline === undefined || target === undefined || current === undefined) return 'unreadable';
  const wanted = Math.sign(target - baseline);
  const moved = Math.sign(current - baseline);
  if (wanted === 0 || moved === 0) return 'none';
  return moved === wanted ? 'toward' : 'away';
}

/** The latest progress update, as far as evidence goes. */
export interface LatestUpdate {
  /** The rating the rules gave just before the update was added (without any override). */
  ragBefore: Rag;
  byUserId: string;
  verified?: { byUserId: string; byName: string } | undefined;
}

/** Can `verifierId` verify an update `authorId` posted? A second pair of eyes: never the author. */
export function canVerify(
  update: { byUserId: string; verified?: unknown },
  verifierId: string,
): { ok: true } | { ok: false; reason: string } {
  if (update.byUserId === verifierId) {
    return {
      ok: false,
      reason: 'You added this progress update: a second board member must verify it, not its author',
    };
  }
  if (update.verified) return { ok: false, reason: 'This progress update has already been verified' };
  return { ok: true };
}

const measureWords = (m: MeasureValues) =>
  `(baseline ${m.baseline.trim()}, now ${m.current.trim()}, target ${m.target.trim()})`;

/** Why the measure does not count as evidence, in words that follow "Stays amber: ". */
function noMovementWords(movement: Movement, measure: MeasureValues | undefined): string {
  switch (movement) {
    case 'absent':
      return 'the action has no outcome measure to show movement';
    case 'unreadable':
      return 'the outcome measure’s baseline, target and current value are not all numbers, so movement cannot be seen';
    case 'away':
      return `the outcome measure has moved away from its target ${measureWords(measure as MeasureValues)}`;
    default:
      return `the outcome measure has not moved toward its target ${measureWords(measure as MeasureValues)}`;
  }
}

/**
 * The rating after the evidence rule, given what the dates give (`dated`). No latest update (or one
 * recorded before this rule) leaves the dates' rating as it is; so does a rating no better than the
 * one before the update. A better one stands only with evidence, and says which.
 */
export function withEvidence(
  dated: { rag: Rag; reason: string },
  latest: LatestUpdate | undefined,
  measure: MeasureValues | undefined,
): { rag: Rag; reason: string } {
  if (!latest || !isBetterRag(dated.rag, latest.ragBefore)) return dated;
  const movement = measureMovement(measure);
  if (movement === 'toward') {
    return {
      rag: dated.rag,
      reason: `${dated.reason}; the outcome measure has moved toward its target ${measureWords(measure as MeasureValues)}`,
    };
  }
  // A verification by the update's own author is no second pair of eyes (the API refuses one anyway).
  const verified = latest.verified && latest.verified.byUserId !== latest.byUserId ? latest.verified : null;
  if (verified) {
    return { rag: dated.rag, reason: `${dated.reason}; ${verified.byName} verified the latest update` };
  }
  return {
    rag: latest.ragBefore,
    reason: `Stays ${latest.ragBefore}: ${noMovementWords(movement, measure)} and no second board member has verified the update`,
  };
}
