import { BUDGETS } from '../budgets.ts';
import type { BundleResult, ColdStartResult } from '../cold-start.ts';
import { fmtKb, fmtMs, fmtRatio } from '../lib/format.ts';
import { barChart, unicodeBar } from '../lib/svg.ts';
import { table } from './markdown.ts';

/** Section 1 of the report; adds its charts to `charts`. */
export function coldStartSection(c: ColdStartResult, charts: Map<string, string>): string {
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
        fmtKb(b.rawBytes),
        fmtKb(b.gzipBytes),
        b.name === 'floor'
          ? '—'
          : `${fmtRatio(b.rawBytes / c.floor.rawBytes)} / ${fmtRatio(b.gzipBytes / c.floor.gzipBytes)}`,
        fmtMs(b.importMs),
        b.name === 'floor' ? '—' : fmtRatio(b.importMs / c.floor.importMs),
        fmtMs(b.importMsNoMaps),
        fmtMs(b.readyMs),
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
      `**${b.name}** (${fmtKb(b.rawBytes)}; ${fmtKb(extra)} of it from packages and code the floor does not have)`,
      '',
    );
    out.push(
      table(
        ['package / code', 'bytes', 'share', '', 'imported by'],
        b.packages
          .slice(0, 10)
          .map((p) => [
            `${p.name}${floorPackages.has(p.name) ? '' : ' ★'}`,
            fmtKb(p.bytes),
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
