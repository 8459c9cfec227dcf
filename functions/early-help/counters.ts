import type { TimerKind } from '../../shared/early-help/labels.ts';
import type { EarlyHelpStandards } from '../../shared/early-help/standards.ts';
import { type Timer, timersOf } from '../../shared/early-help/timers.ts';
import { quarterOf } from '../../shared/referrals/consistency.ts';
import { openCounterSk, quarterCounterSk } from './keys.ts';
import { type EpisodeRecord, factsOf } from './records.ts';

/**
 * The dashboard's counters, as each write of an episode moves them (written in the same transaction,
 * so they never disagree with the episodes). A change is worked out from the record before and after
 * the write, so every route moves them alike:
 *
 * - started (by level), re-referred and begun from a step-down: in the quarter of the decision;
 * - each standard met (a lead accepting, the assessment, the plan, each review), and whether in time:
 *   in the quarter it was met;
 * - each closure by its reason (a step-up is a closure as `stepped_up`): in the quarter it closed;
 * - open now, by level: one more when it starts or moves to an agency, one fewer when it closes or
 *   moves away.
 *
 * Each is counted under the agency leading the episode or asked to at that moment (null: none).
 */
export interface CounterChange {
  /** A counter row's sort key under the STATS partition (keys.ts). */
  sk: string;
  add: Record<string, number>;
}

/** The counter of each standard met; `<name>OnTime` counts those met within it. */
export const MET_COUNTERS: Record<TimerKind, string> = {
  lead: 'allocated',
  assessment: 'assessed',
  plan: 'planned',
  review: 'reviewed',
};
export const onTimeCounter = (name: string) => `${name}OnTime`;
export const startedCounter = (level: number) => `started_l${level}`;
export const openCounter = (level: number) => `l${level}`;
export const closedCounter = (reason: string) => `closed_${reason}`;
export const RE_REFERRED = 'reReferred';
export const FROM_STEP_DOWN = 'fromStepDown';

/** The agency an episode is counted under: the one leading it or asked to, not one that declined. */
export const countedAgency = (record: EpisodeRecord): string | null =>
  record.lead && record.lead.answer !== 'declined' ? record.lead.agencyId : null;

const metTimers = (record: EpisodeRecord | null, standards: EarlyHelpStandards) =>
  record ? timersOf(factsOf(record), standards).filter((t): t is Timer & { metOn: string } => !!t.metOn) : [];

/** The counter changes of one write: `previous` is null for a new episode. */
export function counterChanges(
  previous: EpisodeRecord | null,
  next: EpisodeRecord,
  standards: EarlyHelpStandards,
  { reReferred = false }: { reReferred?: boolean } = {},
): CounterChange[] {
  const rows = new Map<string, Record<string, number>>();
  const add = (sk: string, name: string, n = 1) => {
    const row = rows.get(sk) ?? {};
    row[name] = (row[name] ?? 0) + n;
    rows.set(sk, row);
  };
  const agency = countedAgency(next);
  const inQuarterOf = (date: string, name: string, n = 1) =>
    add(quarterCounterSk(quarterOf(date), agency), name, n);

  if (!previous) {
    inQuarterOf(next.startedOn, startedCounter(next.level));
    if (reReferred) inQuarterOf(next.startedOn, RE_REFERRED);
    if (next.origin === 'step_down') inQuarterOf(next.startedOn, FROM_STEP_DOWN);
  }

  const metBefore = new Set(metTimers(previous, standards).map((t) => `${t.kind}#${t.from}`));
  for (const t of metTimers(next, standards)) {
    if (metBefore.has(`${t.kind}#${t.from}`)) continue;
    const name = MET_COUNTERS[t.kind];
    inQuarterOf(t.metOn, name);
    inQuarterOf(t.metOn, onTimeCounter(name), t.metOn <= t.dueOn ? 1 : 0);
  }

  if (next.closure && previous?.state !== 'closed')
    inQuarterOf(next.closure.closedOn, closedCounter(next.closure.reason));

  const openRow = (r: EpisodeRecord | null) =>
    r && r.state !== 'closed' ? { sk: openCounterSk(countedAgency(r)), level: r.level } : null;
  const before = openRow(previous);
  const after = openRow(next);
  if (before?.sk !== after?.sk || before?.level !== after?.level) {
    if (before) add(before.sk, openCounter(before.level), -1);
    if (after) add(after.sk, openCounter(after.level), 1);
  }

  // One update per row: a transaction may not name an item twice (a review that closes the episode
  // is met and closed in the same quarter's row).
  return [...rows].map(([sk, counts]) => ({ sk, add: counts }));
}
