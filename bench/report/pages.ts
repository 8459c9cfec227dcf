import { BUDGETS } from '../budgets.ts';
import { fmtKb, fmtMs } from '../lib/format.ts';
import { barChart } from '../lib/svg.ts';
import type { PageResult } from '../pages.ts';
import { table } from './markdown.ts';

/** Section 4 of the report; adds its chart to `charts` when a page was measured. */
export function pagesSection(pages: PageResult[], charts: Map<string, string>): string {
  const measured = pages.filter((p) => p.weight);
  if (measured.length) {
    charts.set(
      'pages.svg',
      barChart({
        title: 'First visit, gzip bytes (HTML + CSS + JS + fonts + images)',
        unit: 'KB',
        bars: measured.map((p) => ({
          label: p.target.path,
          value: (p.weight?.staticGzipBytes ?? 0) / 1024,
          highlight: (p.weight?.staticGzipBytes ?? 0) > BUDGETS.pageGzipBytes,
        })),
        limit: { value: BUDGETS.pageGzipBytes / 1024, label: 'budget 60 KB' },
      }),
    );
  }
  const out = [
    '## 4. Pages',
    '',
    "Each page loaded once in a fresh browser context (empty cache and storage) in Debian's Chromium through playwright-core, waiting for the network to go idle; every response the browser asked for is counted at its gzip size (level 9; images and fonts at their stored size when gzip would not shrink them). API data the page fetches is shown apart and not in the budget. Signed-in pages get a demo user's token in `sessionStorage` (`portal.session`) before the page's scripts run. Lighthouse 12.8 runs in the same Chromium with its default mobile preset (simulated slow 4G, 4× CPU slowdown), the token put in place by a script that runs before each document (puppeteer's `evaluateOnNewDocument`), storage reset off. Each page is run several times (`BENCH_LIGHTHOUSE_RUNS`, 3 by default; round-robin over the pages) and the median run by performance score is kept; accessibility is the worst of the runs. Full Lighthouse reports: `bench-results/lighthouse/<page>-<run>.html`.",
    '',
    table(
      [
        'page',
        'as',
        'HTML',
        'CSS',
        'JS',
        'fonts + images',
        'total (gzip)',
        'API data',
        'Lighthouse perf.',
        'a11y',
        'page shows (h1)',
      ],
      pages.map((p) => {
        if (!p.weight)
          return [
            p.target.path,
            p.target.username ?? 'public',
            p.skipped ?? 'not measured',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
          ];
        const w = p.weight;
        return [
          p.target.path,
          p.target.username ?? 'public',
          fmtKb(w.byKind.html),
          fmtKb(w.byKind.css),
          fmtKb(w.byKind.js),
          fmtKb(w.byKind.font + w.byKind.image + w.byKind.other),
          `**${fmtKb(w.staticGzipBytes)}**`,
          fmtKb(w.apiGzipBytes),
          p.lighthouse
            ? `${p.lighthouse.performance}${p.lighthouse.performanceRuns.length > 1 ? ` (runs: ${p.lighthouse.performanceRuns.join(', ')})` : ''}`
            : (p.lighthouseError ?? '—'),
          p.lighthouse ? String(p.lighthouse.accessibility) : '—',
          w.heading ?? '—',
        ];
      }),
    ),
    '',
  ];
  if (measured.length) out.push('![Page weight](pages.svg)', '');
  for (const p of measured) {
    const w = p.weight;
    if (!w) continue;
    const biggest = [...w.resources].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 6);
    out.push(
      `**${p.target.path}**: ${w.resources.length} responses; largest: ${biggest
        .map(
          (r) =>
            `${new URL(r.url).pathname.replace(/^.*\//, '') || new URL(r.url).pathname} ${fmtKb(r.gzipBytes)}`,
        )
        .join(', ')}.`,
    );
    if (p.lighthouse) {
      const m = p.lighthouse.metrics;
      const sc = p.lighthouse.metricScores;
      const score = (id: string) => `(${Math.round((sc[id] ?? Number.NaN) * 100)})`;
      out.push(
        `Lighthouse (metric, its score out of 100): FCP ${fmtMs(m.firstContentfulPaintMs ?? Number.NaN)} ${score('first-contentful-paint')}, LCP ${fmtMs(m.largestContentfulPaintMs ?? Number.NaN)} ${score('largest-contentful-paint')}, TBT ${fmtMs(m.totalBlockingTimeMs ?? Number.NaN)} ${score('total-blocking-time')}, CLS ${(m.cumulativeLayoutShift ?? Number.NaN).toFixed(3)} ${score('cumulative-layout-shift')}, Speed Index ${fmtMs(m.speedIndexMs ?? Number.NaN)} ${score('speed-index')}` +
          (p.lighthouse.failedAccessibilityAudits.length
            ? `; accessibility audits failing: ${p.lighthouse.failedAccessibilityAudits.map((a) => `\`${a.id}\` (${a.title})`).join(', ')}`
            : '') +
          '.',
      );
    }
    if (p.lighthouse && p.lighthouse.performance < BUDGETS.lighthousePerformance) {
      const { scripts, layoutShifts } = p.lighthouse;
      if (scripts.length)
        out.push(
          `Main-thread time by script (median run): ${scripts.map((s) => `${new URL(s.url, 'http://x').pathname.replace(/^.*\//, '') || s.url} ${fmtMs(s.totalMs)} (scripting ${fmtMs(s.scriptingMs)})`).join(', ')}.`,
        );
      if (layoutShifts.length)
        out.push(
          `Layout shifts: ${layoutShifts.map((l) => `\`${l.element}\` ${l.score.toFixed(3)}`).join(', ')}.`,
        );
    }
    if (w.consoleErrors.length) out.push(`Console errors: ${w.consoleErrors.slice(0, 3).join(' · ')}`);
    out.push('');
  }
  return out.join('\n');
}
