import {
  type Count,
  checkThreshold,
  DEFAULT_SMALL_NUMBER_THRESHOLD,
  type Figure,
  isSuppressed,
  type Relation,
  SUPPRESSED,
  share,
  suppress,
  suppressedTwoWay,
} from '../../shared/platform/small-numbers.ts';
import { agreementFromMatrix, emptyMatrix, type LevelMatrix } from '../../shared/referrals/consistency.ts';
import type { QuarterFigures, ReferralStats, UnmetNeedQuarter } from '../../shared/referrals/stats.ts';
import { counterAgency, counterPeriod } from './keys.ts';

/**
 * GET /api/stats/referrals, built from the dashboard counters and suppressed before it leaves the
 * function (shared/platform/small-numbers.ts), so no browser ever receives a small count. Every figure here is
 * a count of children's referrals broken down by agency, or a total or share of such counts:
 *
 * - submissions by agency and month, with each agency's year, each month's total and the year's total
 *   (one table, its margins published);
 * - for each quarter, one set of linked tables, because they share each agency's "decided": on time
 *   and late (late is derivable, so it is protected too), outcomes, and threshold agreement (agreed and
 *   disagreed of those with a suggested level; those without one are derivable from decided).
 *
 * The level-by-level agreement matrix is not published: the dashboard shows agreement and kappa, and
 * sixteen cells an agency a quarter would be almost all small. Kappa is computed here from the full
 * counts (never from hidden ones) and shown only where the agreement percentage is.
 */

export interface CounterRow {
  sk: string;
  values: Record<string, number>;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
const ALL = '*';

function months(rows: readonly CounterRow[], threshold: number) {
  const counts = new Map(
    rows.map((r) => [`${counterPeriod(r.sk)}|${counterAgency(r.sk)}`, r.values.submitted ?? 0]),
  );
  const agencies = sorted(rows.map((r) => counterAgency(r.sk)));
  const periods = sorted(rows.map((r) => counterPeriod(r.sk)));
  const table = suppressedTwoWay({
    rows: agencies,
    columns: periods,
    cell: (a, m) => counts.get(`${m}|${a}`) ?? 0,
    threshold,
  });
  return {
    submitted: table.get(null, null),
    months: rows.map((r) => ({
      month: counterPeriod(r.sk),
      agencyId: counterAgency(r.sk),
      submitted: table.get(counterAgency(r.sk), counterPeriod(r.sk)),
    })),
    monthTotals: periods.map((m) => ({ month: m, submitted: table.get(null, m) })),
    agencyTotals: agencies.map((a) => ({ agencyId: a, submitted: table.get(a, null) })),
  };
}

interface QuarterCounts {
  decided: number;
  onTime: number;
  outcomes: Record<string, number>;
  matrix: LevelMatrix;
  /** The referrer's own level against the decided one. */
  referrerMatrix: LevelMatrix;
}

function countsOf(values: Record<string, number>): QuarterCounts {
  return {
    decided: values.decided ?? 0,
    onTime: values.decidedOnTime ?? 0,
    outcomes: Object.fromEntries(
      Object.entries(values)
        .filter(([k]) => k.startsWith('o_'))
        .map(([k, v]) => [k.slice(2), v]),
    ),
    matrix: [1, 2, 3, 4].map((s) => [1, 2, 3, 4].map((d) => values[`m${s}${d}`] ?? 0)),
    referrerMatrix: [1, 2, 3, 4].map((s) => [1, 2, 3, 4].map((d) => values[`r${s}${d}`] ?? 0)),
  };
}

/** Adds one level matrix into another. */
function addInto(total: LevelMatrix, part: LevelMatrix): void {
  part.forEach((line, s) => {
    line.forEach((n, d) => {
      const row = total[s];
      if (row) row[d] = (row[d] ?? 0) + n;
    });
  });
}

/** One quarter: every agency's figures and the partnership's, suppressed together. */
function quarter(rows: readonly CounterRow[], threshold: number) {
  const byAgency = new Map(rows.map((r) => [counterAgency(r.sk), countsOf(r.values)]));
  const agencies = sorted(byAgency.keys());
  const outcomeKeys = sorted(agencies.flatMap((a) => Object.keys(byAgency.get(a)?.outcomes ?? {})));
  const total: QuarterCounts = {
    decided: 0,
    onTime: 0,
    outcomes: {},
    matrix: emptyMatrix(),
    referrerMatrix: emptyMatrix(),
  };
  for (const c of byAgency.values()) {
    total.decided += c.decided;
    total.onTime += c.onTime;
    for (const [k, n] of Object.entries(c.outcomes)) total.outcomes[k] = (total.outcomes[k] ?? 0) + n;
    addInto(total.matrix, c.matrix);
    addInto(total.referrerMatrix, c.referrerMatrix);
  }
  const all = [...agencies, ALL];
  const counts = (a: string) => (a === ALL ? total : (byAgency.get(a) as QuarterCounts));
  const agreementOf = new Map(all.map((a) => [a, agreementFromMatrix(counts(a).matrix)]));
  const referrerAgreementOf = new Map(all.map((a) => [a, agreementFromMatrix(counts(a).referrerMatrix)]));
  const k = (a: string, what: string) => `${a}|${what}`;

  const figures = new Map<string, Figure>();
  const relations: Relation[] = [];
  const add = (key: string, value: number, published = true) => {
    if (!figures.has(key)) figures.set(key, { key, value, published });
  };
  for (const a of all) {
    const c = counts(a);
    const g = agreementOf.get(a);
    const n = g?.n ?? 0;
    const agreed = g?.agreed ?? 0;
    add(k(a, 'decided'), c.decided);
    add(k(a, 'onTime'), c.onTime);
    add(k(a, 'late'), c.decided - c.onTime, false);
    add(k(a, 'n'), n);
    add(k(a, 'agreed'), agreed);
    add(k(a, 'disagreed'), n - agreed, false);
    add(k(a, 'unsuggested'), Math.max(0, c.decided - n), false);
    const r = referrerAgreementOf.get(a);
    add(k(a, 'rn'), r?.n ?? 0);
    add(k(a, 'ragreed'), r?.agreed ?? 0);
    add(k(a, 'rdisagreed'), (r?.n ?? 0) - (r?.agreed ?? 0), false);
    add(k(a, 'rnone'), Math.max(0, c.decided - (r?.n ?? 0)), false);
    for (const o of outcomeKeys) add(k(a, `o_${o}`), c.outcomes[o] ?? 0);
    relations.push(
      { parts: [k(a, 'onTime'), k(a, 'late')], total: k(a, 'decided') },
      { parts: [k(a, 'agreed'), k(a, 'disagreed')], total: k(a, 'n') },
      { parts: [k(a, 'n'), k(a, 'unsuggested')], total: k(a, 'decided') },
      { parts: [k(a, 'ragreed'), k(a, 'rdisagreed')], total: k(a, 'rn') },
      { parts: [k(a, 'rn'), k(a, 'rnone')], total: k(a, 'decided') },
      { parts: outcomeKeys.map((o) => k(a, `o_${o}`)), total: k(a, 'decided') },
    );
  }
  // Each agency's figures add up to the partnership's.
  for (const what of [
    'decided',
    'onTime',
    'late',
    'n',
    'agreed',
    'disagreed',
    'unsuggested',
    'rn',
    'ragreed',
    'rdisagreed',
    'rnone',
    ...outcomeKeys.map((o) => `o_${o}`),
  ])
    relations.push({ parts: agencies.map((a) => k(a, what)), total: k(ALL, what) });

  const shown = suppress([...figures.values()], relations, threshold);
  const get = (key: string): Count => shown.get(key) ?? 0;
  const figuresOf = (a: string): QuarterFigures => {
    const decided = get(k(a, 'decided'));
    const decidedOnTime = get(k(a, 'onTime'));
    const n = get(k(a, 'n'));
    const agreed = get(k(a, 'agreed'));
    const agreementPct = share(agreed, n, threshold);
    const g = agreementOf.get(a);
    const kappaShown = !isSuppressed(agreementPct) && agreementPct !== null;
    const rn = get(k(a, 'rn'));
    const ragreed = get(k(a, 'ragreed'));
    const referrerPct = share(ragreed, rn, threshold);
    const r = referrerAgreementOf.get(a);
    const referrerKappaShown = !isSuppressed(referrerPct) && referrerPct !== null;
    return {
      decided,
      decidedOnTime,
      onTimePct: share(decidedOnTime, decided, threshold),
      outcomes: Object.fromEntries(
        outcomeKeys.filter((o) => (counts(a).outcomes[o] ?? 0) > 0).map((o) => [o, get(k(a, `o_${o}`))]),
      ),
      agreement: {
        n,
        agreed,
        agreementPct,
        kappa: kappaShown ? (g?.kappa ?? null) : isSuppressed(agreementPct) ? SUPPRESSED : null,
        ...(kappaShown && g?.kappaNote ? { kappaNote: g.kappaNote } : {}),
      },
      referrerAgreement: {
        n: rn,
        agreed: ragreed,
        agreementPct: referrerPct,
        kappa: referrerKappaShown ? (r?.kappa ?? null) : isSuppressed(referrerPct) ? SUPPRESSED : null,
        ...(referrerKappaShown && r?.kappaNote ? { kappaNote: r.kappaNote } : {}),
      },
    };
  };
  return { agencies: agencies.map((a) => ({ agencyId: a, ...figuresOf(a) })), total: figuresOf(ALL) };
}

const BREAKDOWNS = { n: 'byNeed', a: 'byArea', b: 'byAgeBand', r: 'byReason' } as const;

/**
 * One quarter's unmet need: the total and each breakdown (need, area, age band, reason) suppressed
 * together, since each breakdown adds up to the same total.
 */
function unmetQuarter(row: CounterRow, threshold: number): UnmetNeedQuarter {
  const figures: Figure[] = [{ key: 'total', value: row.values.total ?? 0, published: true }];
  const relations: Relation[] = [];
  for (const prefix of Object.keys(BREAKDOWNS)) {
    const keys = Object.keys(row.values).filter((k) => k.startsWith(`${prefix}_`));
    for (const key of keys) figures.push({ key, value: row.values[key] ?? 0, published: true });
    if (keys.length) relations.push({ parts: keys, total: 'total' });
  }
  const shown = suppress(figures, relations, threshold);
  const result: UnmetNeedQuarter = {
    quarter: counterPeriod(row.sk),
    total: shown.get('total') ?? 0,
    byNeed: {},
    byArea: {},
    byAgeBand: {},
    byReason: {},
  };
  for (const [prefix, field] of Object.entries(BREAKDOWNS)) {
    for (const f of figures)
      if (f.key.startsWith(`${prefix}_`) && f.value > 0)
        result[field][f.key.slice(prefix.length + 1)] = shown.get(f.key) ?? 0;
  }
  return result;
}

/** The response, from the month, quarter and unmet-need counter rows of one year (keys.ts). */
export function referralStats(input: {
  months: readonly CounterRow[];
  quarters: readonly CounterRow[];
  unmet?: readonly CounterRow[];
  generatedAt: string;
  threshold?: number;
}): ReferralStats {
  const threshold = input.threshold ?? DEFAULT_SMALL_NUMBER_THRESHOLD;
  checkThreshold(threshold);
  const quarters = sorted(input.quarters.map((r) => counterPeriod(r.sk)));
  const perQuarter = quarters.map((q) => ({
    quarter: q,
    ...quarter(
      input.quarters.filter((r) => counterPeriod(r.sk) === q),
      threshold,
    ),
  }));
  return {
    generatedAt: input.generatedAt,
    smallNumbers: { threshold },
    ...months(input.months, threshold),
    quarters: perQuarter.flatMap((q) => q.agencies.map((a) => ({ quarter: q.quarter, ...a }))),
    quarterTotals: perQuarter.map((q) => ({ quarter: q.quarter, ...q.total })),
    unmetNeed: [...(input.unmet ?? [])]
      .sort((a, b) => a.sk.localeCompare(b.sk))
      .map((row) => unmetQuarter(row, threshold)),
  };
}
