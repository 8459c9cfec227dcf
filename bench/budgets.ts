import { fmtKb, fmtMs, fmtRatio } from './lib/format.ts';
import type { BenchResults } from './results.ts';
import { SCALE_ENDPOINTS, sizeOf } from './scale.ts';

/** The budgets; ratios, so they hold on any machine. */
export const BUDGETS = {
  coldStartRatio: 1.3,
  warmP50Ratio: 1.3,
  scaleRatio: 1.2,
  pageGzipBytes: 60 * 1024,
  lighthousePerformance: 95,
  lighthouseAccessibility: 100,
};

export type BudgetStatus = 'PASS' | 'MISS' | 'SKIP';

export interface BudgetCheck {
  section: 'cold start' | 'warm overhead' | 'scale' | 'pages';
  subject: string;
  measured: string;
  limit: string;
  status: BudgetStatus;
}

const status = (ok: boolean): BudgetStatus => (ok ? 'PASS' : 'MISS');

/** Each budget against the run's figures, in report order; a section that did not run has none. */
export function evaluateBudgets(r: Omit<BenchResults, 'budgets'>): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  if (r.coldStart) {
    const { floor } = r.coldStart;
    for (const b of r.coldStart.bundles) {
      const t = b.importMs / floor.importMs;
      checks.push({
        section: 'cold start',
        subject: `${b.name}: import time`,
        measured: `${fmtMs(b.importMs)} = ${fmtRatio(t)} floor (${fmtMs(floor.importMs)})`,
        limit: `≤ ${BUDGETS.coldStartRatio}×`,
        status: status(t <= BUDGETS.coldStartRatio),
      });
      const raw = b.rawBytes / floor.rawBytes;
      const gz = b.gzipBytes / floor.gzipBytes;
      checks.push({
        section: 'cold start',
        subject: `${b.name}: bytes`,
        measured: `${fmtKb(b.rawBytes)} raw = ${fmtRatio(raw)}, ${fmtKb(b.gzipBytes)} gzip = ${fmtRatio(gz)} floor`,
        limit: `≤ ${BUDGETS.coldStartRatio}×`,
        status: status(raw <= BUDGETS.coldStartRatio && gz <= BUDGETS.coldStartRatio),
      });
    }
  }
  if (r.warm) {
    for (const row of r.warm.rows) {
      const ratio = row.app.latency.p50 / row.direct.latency.p50;
      checks.push({
        section: 'warm overhead',
        subject: `${row.scenario} ×${row.connections}: p50`,
        measured: `${fmtMs(row.app.latency.p50)} vs direct ${fmtMs(row.direct.latency.p50)} = ${fmtRatio(ratio)}`,
        limit: `≤ ${BUDGETS.warmP50Ratio}×`,
        status: status(ratio <= BUDGETS.warmP50Ratio),
      });
    }
  }
  if (r.scale) {
    const { small, large } = r.scale;
    for (const e of SCALE_ENDPOINTS) {
      const a = small.results[e.id];
      const b = large.results[e.id];
      if (!a || !b) continue;
      const ratio = b.latency.p50 / a.latency.p50;
      checks.push({
        section: 'scale',
        subject: `${e.id}: p50 at ${sizeOf(large, e).toLocaleString('en-GB')} ${e.of}`,
        measured: `${fmtMs(b.latency.p50)} vs ${fmtMs(a.latency.p50)} at ${sizeOf(small, e).toLocaleString('en-GB')} = ${fmtRatio(ratio)}`,
        limit: `≤ ${BUDGETS.scaleRatio}×`,
        status: status(ratio <= BUDGETS.scaleRatio),
      });
    }
  }
  for (const p of r.pages ?? []) {
    const subject = (what: string) => `${p.target.path}: ${what}`;
    if (p.skipped || !p.weight) {
      for (const what of ['gzip bytes', 'Lighthouse performance', 'Lighthouse accessibility']) {
        checks.push({
          section: 'pages',
          subject: subject(what),
          measured: p.skipped ?? 'not measured',
          limit: '',
          status: 'SKIP',
        });
      }
      continue;
    }
    checks.push({
      section: 'pages',
      subject: subject('gzip bytes'),
      measured: fmtKb(p.weight.staticGzipBytes),
      limit: `≤ ${fmtKb(BUDGETS.pageGzipBytes)}`,
      status: status(p.weight.staticGzipBytes <= BUDGETS.pageGzipBytes),
    });
    const lh = p.lighthouse;
    checks.push({
      section: 'pages',
      subject: subject('Lighthouse performance'),
      measured: lh ? String(lh.performance) : `not measured: ${p.lighthouseError ?? 'Lighthouse off'}`,
      limit: `≥ ${BUDGETS.lighthousePerformance}`,
      status: lh ? status(lh.performance >= BUDGETS.lighthousePerformance) : 'SKIP',
    });
    checks.push({
      section: 'pages',
      subject: subject('Lighthouse accessibility'),
      measured: lh ? String(lh.accessibility) : `not measured: ${p.lighthouseError ?? 'Lighthouse off'}`,
      limit: `= ${BUDGETS.lighthouseAccessibility}`,
      status: lh ? status(lh.accessibility >= BUDGETS.lighthouseAccessibility) : 'SKIP',
    });
  }
  return checks;
}
