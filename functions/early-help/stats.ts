import { CLOSURE_REASONS, type TimerKind } from '../../shared/early-help/labels.ts';
import type { EpisodeQuarterFigures, EpisodeStats, Timeliness } from '../../shared/early-help/stats.ts';
import {
  type Count,
  checkThreshold,
  DEFAULT_SMALL_NUMBER_THRESHOLD,
  type Figure,
  type Relation,
  SUPPRESSED,
  share,
  suppress,
  suppressedTwoWay,
} from '../../shared/platform/small-numbers.ts';
import {
  closedCounter,
  FROM_STEP_DOWN,
  MET_COUNTERS,
  onTimeCounter,
  openCounter,
  RE_REFERRED,
  startedCounter,
} from './counters.ts';
import { counterAgency, counterQuarter } from './keys.ts';
import type { CounterRow, OverdueCount } from './store-stats.ts';

/**
 * GET /api/stats/episodes, built from the early-help counters (counters.ts) and suppressed before it
 * leaves the function, exactly as the referral figures are (functions/referrals/stats.ts,
 * shared/platform/small-numbers.ts): every count from 1 to the threshold − 1 is hidden, by agency and
 * in the partnership's totals, and enough others beside it that none can be worked out.
 *
 * Each quarter is suppressed as separate sets of linked figures, one per set that share a total:
 * - the episodes started, by level (adding up to the started), of which re-referred and of which
 *   begun from a step-down (the rest of each is derivable, so protected too);
 * - for each standard (a lead accepting, the assessment, the plan, the reviews): met, and of those
 *   in time (late is derivable);
 * - the closures, by reason (adding up to the closed);
 * and in each, every agency's figure adds up to the partnership's. The sets share no figure, so no
 * sum a reader knows runs from one to another. The episodes open now are one table of agencies by
 * level with its margins; the reviews overdue now, one count.
 */

const ALL = '*';
/** The agency key of "no agency leading or asked to", which no agency id can be. */
const NO_AGENCY = '-';
const LEVELS = [1, 2, 3, 4] as const;
const TIMELINESS: Record<'allocation' | 'assessment' | 'plan' | 'review', TimerKind> = {
  allocation: 'lead',
  assessment: 'assessment',
  plan: 'plan',
  review: 'review',
};

type Values = Record<string, number>;
/** A figure of one agency, from its counter row; a partnership figure is the sum of the agencies'. */
interface Named {
  name: string;
  value: (values: Values) => number;
  published?: boolean;
}

// A counter that predates a change (an episode written before the counters were) can run below 0.
const counted = (values: Values, name: string) => Math.max(0, values[name] ?? 0);
const agencyKey = (sk: string) => counterAgency(sk) ?? NO_AGENCY;
const agencyIdOf = (key: string) => (key === NO_AGENCY ? null : key);

/**
 * One set of linked figures for every agency and the partnership, suppressed together: `sums` are
 * the sums within an agency, by name; every name's agencies also add up to the partnership's.
 */
function linked(
  values: ReadonlyMap<string, Values>,
  names: readonly Named[],
  sums: readonly { parts: string[]; total: string }[],
  threshold: number,
): (agency: string, name: string) => Count {
  const agencies = [...values.keys()];
  const k = (agency: string, name: string) => `${agency}|${name}`;
  const figures: Figure[] = [];
  for (const n of names) {
    let total = 0;
    for (const a of agencies) {
      const value = n.value(values.get(a) ?? {});
      total += value;
      figures.push({ key: k(a, n.name), value, published: n.published ?? true });
    }
    figures.push({ key: k(ALL, n.name), value: total, published: n.published ?? true });
  }
  const relations: Relation[] = [];
  for (const a of [...agencies, ALL]) {
    for (const sum of sums)
      if (sum.parts.length) relations.push({ parts: sum.parts.map((p) => k(a, p)), total: k(a, sum.total) });
  }
  for (const n of names) relations.push({ parts: agencies.map((a) => k(a, n.name)), total: k(ALL, n.name) });
  const shown = suppress(figures, relations, threshold);
  return (agency, name) => shown.get(k(agency, name)) ?? 0;
}

/** One quarter: every agency's figures and the partnership's. */
function quarter(rows: readonly CounterRow[], threshold: number) {
  const values = new Map(rows.map((r) => [agencyKey(r.sk), r.values]));
  const raw = (agency: string, name: string) =>
    agency === ALL
      ? [...values.values()].reduce((sum, v) => sum + counted(v, name), 0)
      : counted(values.get(agency) ?? {}, name);
  const levels = LEVELS.filter((level) => raw(ALL, startedCounter(level)) > 0);
  const reasons = CLOSURE_REASONS.filter((reason) => raw(ALL, closedCounter(reason)) > 0);
  const startedOf = (v: Values) => levels.reduce((sum, level) => sum + counted(v, startedCounter(level)), 0);

  const started = linked(
    values,
    [
      ...levels.map((level) => ({
        name: `l${level}`,
        value: (v: Values) => counted(v, startedCounter(level)),
      })),
      { name: 'started', value: startedOf },
      { name: 're', value: (v) => Math.min(startedOf(v), counted(v, RE_REFERRED)) },
      {
        name: 'notRe',
        value: (v) => startedOf(v) - Math.min(startedOf(v), counted(v, RE_REFERRED)),
        published: false,
      },
      { name: 'down', value: (v) => Math.min(startedOf(v), counted(v, FROM_STEP_DOWN)) },
      {
        name: 'notDown',
        value: (v) => startedOf(v) - Math.min(startedOf(v), counted(v, FROM_STEP_DOWN)),
        published: false,
      },
    ],
    [
      { parts: levels.map((level) => `l${level}`), total: 'started' },
      { parts: ['re', 'notRe'], total: 'started' },
      { parts: ['down', 'notDown'], total: 'started' },
    ],
    threshold,
  );

  const timeliness = Object.fromEntries(
    Object.entries(TIMELINESS).map(([measure, kind]) => {
      const met = MET_COUNTERS[kind];
      const onTime = (v: Values) => Math.min(counted(v, met), counted(v, onTimeCounter(met)));
      const shown = linked(
        values,
        [
          { name: 'met', value: (v) => counted(v, met) },
          { name: 'onTime', value: onTime },
          { name: 'late', value: (v) => counted(v, met) - onTime(v), published: false },
        ],
        [{ parts: ['onTime', 'late'], total: 'met' }],
        threshold,
      );
      return [measure, shown];
    }),
  ) as Record<keyof typeof TIMELINESS, ReturnType<typeof linked>>;

  const closures = linked(
    values,
    [
      ...reasons.map((reason) => ({ name: reason, value: (v: Values) => counted(v, closedCounter(reason)) })),
      {
        name: 'closed',
        value: (v) => reasons.reduce((sum, reason) => sum + counted(v, closedCounter(reason)), 0),
      },
    ],
    [{ parts: [...reasons], total: 'closed' }],
    threshold,
  );

  const timelinessOf = (measure: keyof typeof TIMELINESS, agency: string): Timeliness => {
    const shown = timeliness[measure];
    const met = shown(agency, 'met');
    const onTime = shown(agency, 'onTime');
    return { met, onTime, onTimePct: share(onTime, met, threshold) };
  };
  const figuresOf = (agency: string): EpisodeQuarterFigures => ({
    started: started(agency, 'started'),
    startedByLevel: Object.fromEntries(
      levels
        .filter((level) => raw(agency, startedCounter(level)) > 0)
        .map((level) => [String(level), started(agency, `l${level}`)]),
    ),
    reReferred: started(agency, 're'),
    fromStepDown: started(agency, 'down'),
    allocation: timelinessOf('allocation', agency),
    assessment: timelinessOf('assessment', agency),
    plan: timelinessOf('plan', agency),
    review: timelinessOf('review', agency),
    closed: closures(agency, 'closed'),
    closures: Object.fromEntries(
      reasons
        .filter((reason) => raw(agency, closedCounter(reason)) > 0)
        .map((reason) => [reason, closures(agency, reason)]),
    ),
  });
  const agencies = [...values.keys()].sort();
  return {
    agencies: agencies.map((a) => ({ agencyId: agencyIdOf(a), ...figuresOf(a) })),
    total: figuresOf(ALL),
  };
}

/** The episodes open now: agencies by level, with each agency's total, each level's and the whole. */
function openNow(rows: readonly CounterRow[], threshold: number): EpisodeStats['open'] {
  const values = new Map(rows.map((r) => [agencyKey(r.sk), r.values]));
  const cell = (agency: string, level: number) => counted(values.get(agency) ?? {}, openCounter(level));
  const agencies = [...values.keys()].filter((a) => LEVELS.some((level) => cell(a, level) > 0)).sort();
  const levels = LEVELS.filter((level) => agencies.some((a) => cell(a, level) > 0));
  const table = suppressedTwoWay({
    rows: agencies,
    columns: levels.map(String),
    cell: (a, level) => cell(a, Number(level)),
    threshold,
  });
  const byLevel = (agency: string | null) =>
    Object.fromEntries(
      levels
        .filter((level) => agency === null || cell(agency, level) > 0)
        .map((level) => [String(level), table.get(agency, String(level))]),
    );
  return {
    total: table.get(null, null),
    byLevel: byLevel(null),
    agencies: agencies.map((a) => ({
      agencyId: agencyIdOf(a),
      open: table.get(a, null),
      byLevel: byLevel(a),
    })),
  };
}

/** The response, from one year's quarter rows, the open rows and the overdue count (keys.ts). */
export function episodeStats(input: {
  quarters: readonly CounterRow[];
  open: readonly CounterRow[];
  reviewsOverdue: OverdueCount;
  generatedAt: string;
  threshold?: number;
}): EpisodeStats {
  const threshold = input.threshold ?? DEFAULT_SMALL_NUMBER_THRESHOLD;
  checkThreshold(threshold);
  const quarters = [...new Set(input.quarters.map((r) => counterQuarter(r.sk)))].sort();
  const perQuarter = quarters.map((q) => ({
    quarter: q,
    ...quarter(
      input.quarters.filter((r) => counterQuarter(r.sk) === q),
      threshold,
    ),
  }));
  const overdue = input.reviewsOverdue.count;
  return {
    generatedAt: input.generatedAt,
    smallNumbers: { threshold },
    open: openNow(input.open, threshold),
    reviewsOverdue: {
      count: overdue > 0 && overdue < threshold ? SUPPRESSED : overdue,
      atLeast: input.reviewsOverdue.atLeast,
    },
    quarters: perQuarter.flatMap((q) => q.agencies.map((a) => ({ quarter: q.quarter, ...a }))),
    quarterTotals: perQuarter.map((q) => ({ quarter: q.quarter, ...q.total })),
  };
}
