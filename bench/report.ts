import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BundleResult, ColdStartResult } from './cold-start.ts';
import { describeMachine, type MachineInfo } from './lib/machine.ts';
import { barChart, unicodeBar } from './lib/svg.ts';
import type { PageResult } from './pages.ts';
import { SCALE_ENDPOINTS, type ScaleSample } from './scale.ts';
import { SCENARIO_LABELS, type WarmResult } from './warm.ts';

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

export interface ScaleResult {
  small: ScaleSample;
  large: ScaleSample;
  /** The size asked for (100,000 by default) and why another was used, if it was. */
  requestedLarge: number;
  note?: string;
  seeding: { referrals: number; seconds: number; perSecond: number; inFlight: number }[];
}

export interface BenchResults {
  date: string;
  machine: MachineInfo;
  loadAverage: { start: number[]; end: number[] };
  /** The 1-minute load average as each section started: how busy the machine was while it ran. */
  sectionLoad: Record<string, number>;
  durationSeconds: number;
  settings: Record<string, number | string | boolean>;
  coldStart?: ColdStartResult;
  warm?: WarmResult;
  scale?: ScaleResult;
  pages?: PageResult[];
  budgets: BudgetCheck[];
  problems: { section: string; message: string }[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 2 : 1)} ms` : 'n/a');
const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a');
const status = (ok: boolean): BudgetStatus => (ok ? 'PASS' : 'MISS');

export function evaluateBudgets(r: Omit<BenchResults, 'budgets'>): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  if (r.coldStart) {
    const { floor } = r.coldStart;
    for (const b of r.coldStart.bundles) {
      const t = b.importMs / floor.importMs;
      checks.push({
        section: 'cold start',
        subject: `${b.name}: import time`,
        measured: `${ms(b.importMs)} = ${x(t)} floor (${ms(floor.importMs)})`,
        limit: `≤ ${BUDGETS.coldStartRatio}×`,
        status: status(t <= BUDGETS.coldStartRatio),
      });
      const raw = b.rawBytes / floor.rawBytes;
      const gz = b.gzipBytes / floor.gzipBytes;
      checks.push({
        section: 'cold start',
        subject: `${b.name}: bytes`,
        measured: `${kb(b.rawBytes)} raw = ${x(raw)}, ${kb(b.gzipBytes)} gzip = ${x(gz)} floor`,
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
        measured: `${ms(row.app.latency.p50)} vs direct ${ms(row.direct.latency.p50)} = ${x(ratio)}`,
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
        subject: `${e.id}: p50 at ${large.referrals.toLocaleString('en-GB')}`,
        measured: `${ms(b.latency.p50)} vs ${ms(a.latency.p50)} at ${small.referrals.toLocaleString('en-GB')} = ${x(ratio)}`,
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
      measured: kb(p.weight.staticGzipBytes),
      limit: `≤ ${kb(BUDGETS.pageGzipBytes)}`,
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

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function coldStartSection(c: ColdStartResult, charts: Map<string, string>): string {
  const all = [c.floor, ...(c.reference ? [c.reference] : []), ...c.bundles];
  const budgeted = (b: BundleResult) => b !== c.floor && b !== c.reference;
  const limit = c.floor.importMs * BUDGETS.coldStartRatio;
  charts.set(
    'cold-start.svg',
    barChart({
      title: `Import time in a fresh Node process (median of ${c.runsPerBundle}, --enable-source-maps)`,
      unit: 'ms',
      bars: all.map((b) => ({
        label: b.name,
        value: b.importMs,
        highlight: budgeted(b) && b.importMs > limit,
      })),
      limit: { value: limit, label: `budget ${BUDGETS.coldStartRatio}× floor` },
    }),
  );
  charts.set(
    'bundle-bytes.svg',
    barChart({
      title: 'Bundle size, raw (gzip below)',
      unit: 'KB',
      legend: ['raw', 'gzip'],
      bars: all.map((b) => ({ label: b.name, value: b.rawBytes / 1024, compare: b.gzipBytes / 1024 })),
      limit: {
        value: (c.floor.rawBytes * BUDGETS.coldStartRatio) / 1024,
        label: `raw budget ${BUDGETS.coldStartRatio}× floor`,
      },
    }),
  );
  const out: string[] = [
    '## 1. Cold start proxy',
    '',
    'Each function bundled as `infra/constructs/portal-function.ts` has CDK bundle it (esbuild, ESM, minified, `node22`, AWS SDK bundled, linked source map without sources, the `createRequire` banner), then `import()`ed in a fresh Node process with the configuration its handler reads. The floor (`bench/floor/handler.ts`) is a Hono app with one route making one GetItem through the document client, built the same way. Beside it, not budgeted, the floor with zod and jose added as the functions use them (`bench/floor/validated-handler.ts`: configuration and one request validated with zod, tokens verified with jose): what it costs over the floor is room in the budget that no function using those libraries can win back. Lambda runs the functions with `NODE_OPTIONS=--enable-source-maps`, so that is the budgeted figure; the figure without (every other round) is beside it.',
    '',
    table(
      [
        'bundle',
        'raw',
        'gzip',
        'bytes × floor (raw / gzip)',
        'import (source maps on)',
        '× floor',
        'import (maps off)',
        'process start → ready',
      ],
      all.map((b) => [
        b === c.reference ? `${b.name} (reference)` : b.name,
        kb(b.rawBytes),
        kb(b.gzipBytes),
        b.name === 'floor'
          ? '—'
          : `${x(b.rawBytes / c.floor.rawBytes)} / ${x(b.gzipBytes / c.floor.gzipBytes)}`,
        ms(b.importMs),
        b.name === 'floor' ? '—' : x(b.importMs / c.floor.importMs),
        ms(b.importMsNoMaps),
        ms(b.readyMs),
      ]),
    ),
    '',
    '![Import time](cold-start.svg)',
    '',
    '![Bundle bytes](bundle-bytes.svg)',
    '',
    '### What is in the bundles (esbuild metafile)',
    '',
    "Bytes each package contributes to the minified output (`bytesInOutput`), largest first, with the modules outside the package that import it. The metafiles are in `bench-results/bundles/<name>/meta.json` (open them in esbuild's bundle analyzer).",
    '',
  ];
  const floorPackages = new Set(c.floor.packages.map((p) => p.name));
  for (const b of c.bundles) {
    const extra = b.packages.filter((p) => !floorPackages.has(p.name)).reduce((n, p) => n + p.bytes, 0);
    out.push(
      `**${b.name}** (${kb(b.rawBytes)}; ${kb(extra)} of it from packages and code the floor does not have)`,
      '',
    );
    out.push(
      table(
        ['package / code', 'bytes', 'share', '', 'imported by'],
        b.packages
          .slice(0, 10)
          .map((p) => [
            `${p.name}${floorPackages.has(p.name) ? '' : ' ★'}`,
            kb(p.bytes),
            `${((p.bytes / b.rawBytes) * 100).toFixed(1)}%`,
            unicodeBar(p.bytes, b.rawBytes, 20),
            p.importedBy.slice(0, 3).join(', '),
          ]),
      ),
      '',
    );
  }
  out.push('★ not in the floor.', '');
  const profiled = all.filter((b) => b.profile);
  if (profiled.length) {
    const names: string[] = [];
    for (const b of profiled)
      for (const p of b.profile?.byPackage.slice(0, 8) ?? []) if (!names.includes(p.name)) names.push(p.name);
    const cell = (b: (typeof all)[number], name: string) => {
      const found = b.profile?.byPackage.find((p) => p.name === name);
      return found ? found.ms.toFixed(1) : '·';
    };
    out.push(
      '### Where the import time goes (CPU profile)',
      '',
      `CPU milliseconds per import, by the module the samples fall in: each entry bundled unminified (so esbuild marks every module) and imported ${profiled[0]?.profile?.runs ?? 0}× under \`node --cpu-prof\`. Top-level work (building zod schemas, registering routes, the SDK's set-up) shows under its package or folder; reading, parsing and compiling the bundle shows as Node's own work. Absolute figures are higher than the timings above (profiling costs time); compare the columns.`,
      '',
      table(
        ['where', ...profiled.map((b) => b.name)],
        [
          ...names.map((name) => [name, ...profiled.map((b) => cell(b, name))]),
          ['**total**', ...profiled.map((b) => `**${(b.profile?.totalMs ?? 0).toFixed(1)}**`)],
        ],
      ),
      '',
    );
  }
  return out.join('\n');
}

function warmSection(w: WarmResult, charts: Map<string, string>): string {
  charts.set(
    'warm-p50.svg',
    barChart({
      title: 'Warm p50 latency: through the app vs the same DynamoDB calls direct',
      unit: 'ms',
      legend: ['app (local runtime)', 'direct store calls'],
      bars: w.rows.map((r) => ({
        label: `${r.scenario} ×${r.connections}`,
        value: r.app.latency.p50,
        compare: r.direct.latency.p50,
        highlight: r.app.latency.p50 > r.direct.latency.p50 * BUDGETS.warmP50Ratio,
      })),
    }),
  );
  const out = [
    '## 2. Warm overhead',
    '',
    `Against a store holding the demo data. Each run ${w.seconds} s after a ${w.warmupSeconds} s warm-up, in two rounds alternating app and direct, closed loop, from a separate load-generator process (autocannon for HTTP; the app's own store code for the direct baseline, through the same document-client settings). The app path is HTTP → the local runtime → the area's Hono app (token check, validation, JSON) → DynamoDB Local; the direct path is only the DynamoDB calls. With one client the same app is also called in-process (\`app.request()\` in the bench's own process, no HTTP hop), which splits the overhead into the app's own code and the HTTP hop. Latency counts successful responses only.`,
    '',
    'DynamoDB calls per operation, recorded on the clients:',
    '',
    table(
      ['operation', 'the app sends', 'the direct baseline sends'],
      (Object.keys(w.commands) as (keyof typeof w.commands)[]).map((k) => [
        SCENARIO_LABELS[k],
        w.commands[k].app.join(' + '),
        `${w.commands[k].direct.join(' + ')}${w.commands[k].app.join() === w.commands[k].direct.join() ? '' : ' ⚠ differs: the baseline is not the same calls'}`,
      ]),
    ),
    '',
    table(
      [
        'operation',
        'clients',
        'app req/s',
        'app p50',
        'app p99',
        'direct ops/s',
        'direct p50',
        'direct p99',
        'p50 ratio',
        'budget',
        'in-process app p50 (no HTTP)',
      ],
      w.rows.map((r) => {
        const ratio = r.app.latency.p50 / r.direct.latency.p50;
        const errors = r.app.errors + r.app.non2xx + r.direct.errors;
        return [
          r.scenario,
          r.connections,
          r.app.perSecond.toFixed(0),
          ms(r.app.latency.p50),
          ms(r.app.latency.p99),
          r.direct.perSecond.toFixed(0),
          ms(r.direct.latency.p50),
          ms(r.direct.latency.p99),
          x(ratio),
          `${ratio <= BUDGETS.warmP50Ratio ? 'PASS' : 'MISS'}${errors ? ` (${errors} errors)` : ''}`,
          r.inProcess
            ? `${ms(r.inProcess.latency.p50)} (${x(r.inProcess.latency.p50 / r.direct.latency.p50)})`
            : '',
        ];
      }),
    ),
    '',
    '![Warm p50](warm-p50.svg)',
    '',
  ];
  return out.join('\n');
}

function scaleSection(s: ScaleResult, charts: Map<string, string>): string {
  const { small, large } = s;
  charts.set(
    'scale.svg',
    barChart({
      title: `p50 latency at ${large.referrals.toLocaleString('en-GB')} referrals (grey: at ${small.referrals.toLocaleString('en-GB')})`,
      unit: 'ms',
      legend: [
        `${large.referrals.toLocaleString('en-GB')} referrals`,
        `${small.referrals.toLocaleString('en-GB')} referrals`,
      ],
      bars: SCALE_ENDPOINTS.map((e) => ({
        label: e.id,
        value: large.results[e.id]?.latency.p50 ?? Number.NaN,
        compare: small.results[e.id]?.latency.p50 ?? Number.NaN,
        highlight:
          (large.results[e.id]?.latency.p50 ?? 0) >
          (small.results[e.id]?.latency.p50 ?? 0) * BUDGETS.scaleRatio,
      })),
    }),
  );
  return [
    '## 3. Scale',
    '',
    `Two sets of tables in the one DynamoDB Local, each behind its own local portal with the demo data: one with ${small.referrals.toLocaleString('en-GB')} referrals, one with ${large.referrals.toLocaleString('en-GB')}. The synthetic referrals are written in bulk straight into the referrals table with the app's own \`referralItem\` (BatchWriteItem, 25 a request, several in flight), with the dashboard counters they imply. The open queue holds ${small.openReferrals} synthetic referrals at both sizes (plus the demo data's); the rest are decided, closed, withdrawn or drafts, spread over up to three years. The large size also holds the drafts the warm runs created. One client; the two sizes are measured in alternation (six rounds each, endpoint by endpoint), so other work on the machine falls on both alike.`,
    '',
    s.note ? `**Size:** ${s.note}\n` : '',
    table(
      ['seeding', 'referrals', 'seconds', 'writes/s', 'batches in flight'],
      s.seeding.map((b, i) => [
        i === 0 ? 'to the small size' : 'to the large size',
        b.referrals.toLocaleString('en-GB'),
        b.seconds.toFixed(1),
        b.perSecond.toFixed(0),
        b.inFlight,
      ]),
    ),
    '',
    table(
      [
        'endpoint',
        'items on page 1',
        `p50 at ${small.referrals.toLocaleString('en-GB')}`,
        `p50 at ${large.referrals.toLocaleString('en-GB')}`,
        'ratio',
        `p99 at ${small.referrals.toLocaleString('en-GB')}`,
        `p99 at ${large.referrals.toLocaleString('en-GB')}`,
        'budget',
      ],
      SCALE_ENDPOINTS.map((e) => {
        const a = small.results[e.id];
        const b = large.results[e.id];
        const ratio = (b?.latency.p50 ?? Number.NaN) / (a?.latency.p50 ?? Number.NaN);
        return [
          `${e.label}: GET ${e.path}`,
          `${a?.items ?? '—'} / ${b?.items ?? '—'}`,
          ms(a?.latency.p50 ?? Number.NaN),
          ms(b?.latency.p50 ?? Number.NaN),
          x(ratio),
          ms(a?.latency.p99 ?? Number.NaN),
          ms(b?.latency.p99 ?? Number.NaN),
          ratio <= BUDGETS.scaleRatio ? 'PASS' : 'MISS',
        ];
      }),
    ),
    '',
    '![Scale](scale.svg)',
    '',
  ].join('\n');
}

function pagesSection(pages: PageResult[], charts: Map<string, string>): string {
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
          kb(w.byKind.html),
          kb(w.byKind.css),
          kb(w.byKind.js),
          kb(w.byKind.font + w.byKind.image + w.byKind.other),
          `**${kb(w.staticGzipBytes)}**`,
          kb(w.apiGzipBytes),
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
            `${new URL(r.url).pathname.replace(/^.*\//, '') || new URL(r.url).pathname} ${kb(r.gzipBytes)}`,
        )
        .join(', ')}.`,
    );
    if (p.lighthouse) {
      const m = p.lighthouse.metrics;
      const sc = p.lighthouse.metricScores;
      const score = (id: string) => `(${Math.round((sc[id] ?? Number.NaN) * 100)})`;
      out.push(
        `Lighthouse (metric, its score out of 100): FCP ${ms(m.firstContentfulPaintMs ?? Number.NaN)} ${score('first-contentful-paint')}, LCP ${ms(m.largestContentfulPaintMs ?? Number.NaN)} ${score('largest-contentful-paint')}, TBT ${ms(m.totalBlockingTimeMs ?? Number.NaN)} ${score('total-blocking-time')}, CLS ${(m.cumulativeLayoutShift ?? Number.NaN).toFixed(3)} ${score('cumulative-layout-shift')}, Speed Index ${ms(m.speedIndexMs ?? Number.NaN)} ${score('speed-index')}` +
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
          `Main-thread time by script (median run): ${scripts.map((s) => `${new URL(s.url, 'http://x').pathname.replace(/^.*\//, '') || s.url} ${ms(s.totalMs)} (scripting ${ms(s.scriptingMs)})`).join(', ')}.`,
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

export function budgetTable(budgets: BudgetCheck[]): string {
  return table(
    ['', 'section', 'what', 'measured', 'budget'],
    budgets.map((b) => [
      b.status === 'PASS' ? '✅ PASS' : b.status === 'MISS' ? '❌ MISS' : '⏭ SKIP',
      b.section,
      b.subject,
      b.measured,
      b.limit,
    ]),
  );
}

export async function writeReport(dir: string, results: BenchResults): Promise<void> {
  const charts = new Map<string, string>();
  const count = (s: BudgetStatus) => results.budgets.filter((b) => b.status === s).length;
  const parts = [
    '# Benchmarks',
    '',
    `Run ${results.date} on ${describeMachine(results.machine)}, in ${Math.round(results.durationSeconds)} s. Load average at start ${results.loadAverage.start.map((n) => n.toFixed(2)).join(' / ')}, at end ${results.loadAverage.end.map((n) => n.toFixed(2)).join(' / ')} (1 / 5 / 15 min): other work on the machine moves absolute figures; the budgets are ratios measured side by side in one run.`,
    '',
    `Budgets: **${count('PASS')} pass, ${count('MISS')} miss, ${count('SKIP')} skipped.** Reproduce with \`npm run bench\`; \`results.json\` beside this file has every figure.`,
    '',
    budgetTable(results.budgets),
    '',
  ];
  if (results.problems.length) {
    parts.push(
      '**Problems during the run:**',
      '',
      ...results.problems.map((p) => `- ${p.section}: ${p.message}`),
      '',
    );
  }
  const busy = (section: string, text: string) => {
    const load = results.sectionLoad[section];
    if (load === undefined) return text;
    const note = `_Load average when this section started: ${load.toFixed(2)} on ${results.machine.cores} cores${load > results.machine.cores ? ' — the machine was busy with other work, so these figures are noisier than usual' : ''}._`;
    return text.replace(/\n\n/, `\n\n${note}\n\n`);
  };
  const overloaded = Object.values(results.sectionLoad).some((l) => l > 2 * results.machine.cores);
  if (overloaded) {
    parts.push(
      `> **The machine was overloaded during this run** (load average above ${2 * results.machine.cores} on ${results.machine.cores} cores in at least one section): other processes competed for the CPU, so latency ratios near a budget and Lighthouse's performance scores (which scale the CPU time they observe) are unreliable. Run again on a quiet machine before acting on a near miss.`,
      '',
    );
  }
  if (results.coldStart) parts.push(busy('cold', coldStartSection(results.coldStart, charts)));
  if (results.warm) parts.push(busy('warm', warmSection(results.warm, charts)));
  if (results.scale) parts.push(busy('scale', scaleSection(results.scale, charts)));
  if (results.pages) parts.push(busy('pages', pagesSection(results.pages, charts)));
  parts.push(
    '## Settings',
    '',
    table(
      ['setting', 'value'],
      Object.entries(results.settings).map(([k, v]) => [k, String(v)]),
    ),
    '',
  );
  for (const [name, svg] of charts) await writeFile(join(dir, name), svg);
  await writeFile(join(dir, 'report.md'), parts.join('\n'));
  await writeFile(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}
