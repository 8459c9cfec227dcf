import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { AREAS } from '../shared/deployment/tables.ts';
import { type ImportProfile, profileImport } from './import-profile.ts';
import { fmtKb } from './lib/format.ts';
import { REPO_ROOT } from './lib/paths.ts';
import { say } from './lib/progress.ts';
import { median } from './lib/stats.ts';

/**
 * Cold start proxy: each function bundled as infra/constructs/portal-function.ts has CDK bundle it
 * (esbuild, ESM, minified, node22, AWS SDK bundled, linked source map without sources, the
 * createRequire banner), then imported in fresh Node processes, next to the floor of the
 * architecture (bench/floor/handler.ts) built the same way.
 */
const run = promisify(execFile);

/** Every area's function, as the API stack deploys them (infra/stacks/api-stack.ts). */
export const FUNCTIONS = AREAS;
export const FLOOR = 'floor';
/** The floor plus zod and jose used as the functions use them (bench/floor/validated-handler.ts): reported, not budgeted. */
export const REFERENCE = 'floor+zod+jose';

/** What each handler's configuration needs at import (functions/platform/config.ts); no value is real. */
export const FUNCTION_ENV: Record<string, string> = {
  TABLE_NAME: 'bench-table',
  AUDIT_TABLE_NAME: 'bench-audit',
  AUTH_ISSUER: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_bench',
  AUTH_CLIENT_ID: 'bench-client',
  CURSOR_SECRET: 'bench-cursor-secret-of-at-least-32-characters',
  MATCH_KEY_SECRET: 'bench-match-key-secret-of-at-least-32-characters',
  AUDIT_SUBJECT_SECRET: 'bench-audit-subject-secret-of-at-least-32-characters',
  OUTBOX_TABLE_NAME: 'bench-outbox',
  ATTACHMENTS_BUCKET: 'bench-attachments',
  GUIDANCE_URL: 'https://portal.example/api/guidance',
  SERVICES_URL: 'https://portal.example/api/services',
  REFERRALS_URL: 'https://portal.example',
  PARTNERSHIP_AGENCY_ID: 'bench-partnership',
  DIRECTORY_TABLE_NAME: 'bench-directory',
  AUTH_DOMAIN: 'https://portal.auth.eu-west-2.amazoncognito.com',
  PORTAL_URL: 'https://portal.example',
  WEB_ASSETS: JSON.stringify({
    stylesheets: ['/assets/a.css'],
    jsEnabled: '/assets/j.js',
    modules: { guidance: '/assets/g.js', check: '/assets/c.js' },
  }),
  LOG_LEVEL: 'warn',
  AWS_REGION: 'eu-west-2',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
};

const BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export interface PackageShare {
  name: string;
  bytes: number;
  /** Who brings it in: modules outside the package that import it. */
  importedBy: string[];
}

export interface BundleResult {
  name: string;
  entry: string;
  rawBytes: number;
  gzipBytes: number;
  mapBytes: number;
  /** Median time to `import()` the bundle in a fresh process, as Lambda runs it (--enable-source-maps). */
  importMs: number;
  importSamples: number[];
  /** The same without --enable-source-maps. */
  importMsNoMaps: number;
  /** Median from process start to the handler being ready (Node's own start-up included). */
  readyMs: number;
  packages: PackageShare[];
  topFiles: { path: string; bytes: number }[];
  metafile: string;
  /** CPU at import by package, from --cpu-prof of an unminified build of the same entry. */
  profile?: ImportProfile;
}

export interface ColdStartResult {
  runsPerBundle: number;
  bundles: BundleResult[];
  floor: BundleResult;
  reference?: BundleResult;
}

/** Package (or own-code folder) of an input path in esbuild's metafile. */
export function packageOf(path: string): string {
  const match = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (match?.[1]) {
    const name = match[1];
    // zod's parts tell a full import (locales, classic API) from a core one.
    const zod =
      name === 'zod' ? path.match(/node_modules\/zod\/(?:v4\/)?(?:[^/]*\/)?(v4\/[^/]+|v3|mini)/) : null;
    return zod?.[1] ? `zod (${zod[1]})` : name;
  }
  const parts = path.split('/');
  return parts[0] === 'functions' || parts[0] === 'bench' ? parts.slice(0, 2).join('/') : (parts[0] ?? path);
}

/** Shortens a module path for the report: no node_modules prefix, no dist folders. */
const short = (path: string) =>
  path
    .replace(/^.*node_modules\//, '')
    .replace(/\/dist(?:-es|-cjs)?\//, '/')
    .replace(/\/(?:submodules|lib|esm)\//, '/');

function analyse(
  metafile: Metafile,
  output: string,
): { packages: PackageShare[]; topFiles: BundleResult['topFiles'] } {
  const out = metafile.outputs[output];
  if (!out) throw new Error(`esbuild wrote no ${output}`);
  // Only modules that made it into the output count as importers (the rest were tree-shaken away).
  const kept = new Set(
    Object.entries(out.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([p]) => p),
  );
  // Keyed by the package itself (`zod`, not `zod (v4/core)`): who outside it brings it in.
  const base = (name: string) => name.replace(/ \(.*\)$/, '');
  const importers = new Map<string, Set<string>>();
  for (const [path, input] of Object.entries(metafile.inputs)) {
    if (!kept.has(path)) continue;
    for (const imported of input.imports) {
      const target = base(packageOf(imported.path));
      if (target === base(packageOf(path))) continue;
      const set = importers.get(target) ?? new Set<string>();
      set.add(short(path));
      importers.set(target, set);
    }
  }
  const bytes = new Map<string, number>();
  const files: BundleResult['topFiles'] = [];
  for (const [path, input] of Object.entries(out.inputs)) {
    const pkg = packageOf(path);
    bytes.set(pkg, (bytes.get(pkg) ?? 0) + input.bytesInOutput);
    files.push({ path: short(path), bytes: input.bytesInOutput });
  }
  // Own code first among importers: it is what a change here can act on.
  const ordered = (set: Set<string> | undefined) =>
    [...(set ?? [])].sort(
      (a, b) => Number(/^(functions|shared|bench)\//.test(b)) - Number(/^(functions|shared|bench)\//.test(a)),
    );
  const packages = [...bytes]
    .map(([name, n]) => ({ name, bytes: n, importedBy: ordered(importers.get(base(name))).slice(0, 4) }))
    .sort((a, b) => b.bytes - a.bytes);
  files.sort((a, b) => b.bytes - a.bytes);
  return { packages, topFiles: files.slice(0, 15) };
}

async function bundle(name: string, entry: string, outRoot: string) {
  const dir = join(outRoot, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const outfile = join(dir, 'index.mjs');
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [join(REPO_ROOT, entry)],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    outfile,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    tsconfig: join(REPO_ROOT, 'tsconfig.json'),
    banner: { js: BANNER },
    mainFields: ['module', 'main'],
    metafile: true,
    logLevel: 'silent',
  });
  const metaPath = join(dir, 'meta.json');
  await writeFile(metaPath, JSON.stringify(result.metafile));
  const code = await readFile(outfile);
  const map = await readFile(`${outfile}.map`);
  const output = relative(REPO_ROOT, outfile);
  return {
    outfile,
    rawBytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    mapBytes: map.length,
    metaPath: relative(REPO_ROOT, metaPath),
    ...analyse(result.metafile, output),
  };
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const PROBE = [
  'const t0 = performance.now();',
  'const m = await import(process.env.BENCH_MODULE_URL);',
  'const t1 = performance.now();',
  "if (typeof m.handler !== 'function') throw new Error('the bundle exports no handler');",
  'process.stdout.write(JSON.stringify({ importMs: t1 - t0, readyMs: t1 }));',
].join('\n');

async function importOnce(
  outfile: string,
  sourceMaps: boolean,
): Promise<{ importMs: number; readyMs: number }> {
  const { stdout } = await run(
    process.execPath,
    [...(sourceMaps ? ['--enable-source-maps'] : []), '--input-type=module', '-e', PROBE],
    {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_NO_WARNINGS: '1',
        ...FUNCTION_ENV,
        BENCH_MODULE_URL: pathToFileURL(outfile).href,
      },
      timeout: 30_000,
    },
  );
  return JSON.parse(stdout) as { importMs: number; readyMs: number };
}

export async function measureColdStart(options: { outRoot: string; runs: number }): Promise<ColdStartResult> {
  const targets = [
    { name: FLOOR, entry: 'bench/floor/handler.ts' },
    { name: REFERENCE, entry: 'bench/floor/validated-handler.ts' },
    ...FUNCTIONS.map((name) => ({ name, entry: `functions/${name}/handler.ts` })),
  ];
  say(`Cold start: bundling ${targets.length} entries as CDK does (esbuild, ESM, minified, SDK bundled)…`);
  const built = [];
  for (const target of targets) {
    const b = await bundle(target.name, target.entry, options.outRoot);
    say(
      `  ${target.name.padEnd(14)} ${fmtKb(b.rawBytes).padStart(9)} raw, ${fmtKb(b.gzipBytes).padStart(8)} gzip`,
    );
    built.push({ ...target, ...b });
  }
  const samples = new Map<string, { maps: number[]; noMaps: number[]; ready: number[] }>(
    built.map((b) => [b.name, { maps: [], noMaps: [], ready: [] }]),
  );
  const total = options.runs + 1;
  say(
    `Cold start: importing each bundle in a fresh Node process, ${options.runs}× (and ${Math.ceil(options.runs / 2)}× without source maps)…`,
  );
  for (let round = 0; round < total; round++) {
    // Round-robin in a fresh order each round, so drift in the machine's speed (large on a shared
    // virtual machine: the floor alone ranges over ±25%) falls on every bundle alike; round 0 warms the disk cache.
    for (const b of shuffled(built)) {
      // The figure without source maps is for information: every other round is enough for it.
      for (const sourceMaps of round % 2 === 1 || round === 0 ? [true, false] : [true]) {
        const sample = await importOnce(b.outfile, sourceMaps);
        if (round === 0) continue;
        const s = samples.get(b.name);
        if (!s) continue;
        if (sourceMaps) {
          s.maps.push(sample.importMs);
          s.ready.push(sample.readyMs);
        } else s.noMaps.push(sample.importMs);
      }
    }
    if (round > 0 && (round % 4 === 0 || round === total - 1)) say(`  round ${round}/${options.runs}`);
  }
  const results: BundleResult[] = built.map((b) => {
    const s = samples.get(b.name) ?? { maps: [], noMaps: [], ready: [] };
    return {
      name: b.name,
      entry: b.entry,
      rawBytes: b.rawBytes,
      gzipBytes: b.gzipBytes,
      mapBytes: b.mapBytes,
      importMs: median(s.maps),
      importSamples: s.maps,
      importMsNoMaps: median(s.noMaps),
      readyMs: median(s.ready),
      packages: b.packages,
      topFiles: b.topFiles,
      metafile: b.metaPath,
    };
  });
  say('Cold start: profiling where import time goes (--cpu-prof of unminified builds)…');
  for (const r of results) {
    try {
      r.profile = await profileImport({
        name: r.name,
        entry: r.entry,
        env: FUNCTION_ENV,
        banner: BANNER,
        workDir: options.outRoot,
        runs: 3,
      });
    } catch (error) {
      say(
        `  ${r.name}: could not profile (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      );
    }
  }
  const floor = results.find((r) => r.name === FLOOR);
  if (!floor) throw new Error('the floor was not measured');
  return {
    runsPerBundle: options.runs,
    floor,
    reference: results.find((r) => r.name === REFERENCE),
    bundles: results.filter((r) => r.name !== FLOOR && r.name !== REFERENCE),
  };
}
