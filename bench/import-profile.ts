import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { REPO_ROOT } from './lib/paths.ts';

/**
 * Where the import time goes: the same entry bundled unminified (esbuild marks where each module's
 * code starts), imported under `--cpu-prof`, and the CPU samples added up by the module they fall in.
 * Top-level work (building zod schemas, registering routes) shows under its package; parsing and
 * compiling the bundle shows as Node's own work.
 */
const run = promisify(execFile);

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; lineNumber: number; functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ImportProfile {
  name: string;
  runs: number;
  /** Milliseconds of CPU per run, by package (or own-code folder), largest first. */
  byPackage: { name: string; ms: number }[];
  totalMs: number;
}

function groupOf(modulePath: string): string {
  const match = modulePath.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)/);
  if (!match?.[1]) return modulePath.split('/').slice(0, 2).join('/');
  if (match[1] === 'zod') return `zod/${(match[2] ?? '').split('/').slice(0, 2).join('/')}`;
  return match[1];
}

export async function profileImport(options: {
  name: string;
  entry: string;
  env: Record<string, string>;
  banner: string;
  workDir: string;
  runs: number;
}): Promise<ImportProfile> {
  const dir = join(options.workDir, `profile-${options.name}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const outfile = join(dir, 'index.mjs');
  await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [join(REPO_ROOT, options.entry)],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    outfile,
    minify: false,
    tsconfig: join(REPO_ROOT, 'tsconfig.json'),
    banner: { js: options.banner },
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  const lines = (await readFile(outfile, 'utf8')).split('\n');
  const starts: [number, string][] = [];
  lines.forEach((line, i) => {
    const m = line.match(/^\/\/ ((?:node_modules|functions|shared|bench)\/\S+)$/);
    if (m?.[1]) starts.push([i, m[1]]);
  });
  const moduleAt = (line: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = '(bundle prelude)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = starts[mid];
      if (start && start[0] <= line) {
        found = start[1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const profiles = join(dir, 'cpu');
  for (let i = 0; i < options.runs; i++) {
    await run(
      process.execPath,
      [
        '--cpu-prof',
        '--cpu-prof-interval',
        '100',
        '--cpu-prof-dir',
        profiles,
        '--input-type=module',
        '-e',
        `await import(${JSON.stringify(pathToFileURL(outfile).href)})`,
      ],
      { env: { PATH: process.env.PATH ?? '', NODE_NO_WARNINGS: '1', ...options.env }, timeout: 30_000 },
    );
  }
  const totals = new Map<string, number>();
  let total = 0;
  const bundleUrl = pathToFileURL(outfile).href;
  for (const file of (await readdir(profiles)).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(await readFile(join(profiles, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      const us = profile.timeDeltas[i] ?? 0;
      if (!node) return;
      const { url, functionName } = node.callFrame;
      const key =
        url === bundleUrl
          ? groupOf(moduleAt(node.callFrame.lineNumber))
          : url.startsWith('node:')
            ? "Node's own work (start-up, module loading, parse and compile)"
            : functionName.startsWith('(')
              ? functionName
              : `(${functionName || 'native'})`;
      if (key === '(idle)') return;
      total += us;
      totals.set(key, (totals.get(key) ?? 0) + us);
    });
  }
  await rm(dir, { recursive: true, force: true });
  const perRun = (us: number) => us / 1000 / options.runs;
  return {
    name: options.name,
    runs: options.runs,
    totalMs: perRun(total),
    byPackage: [...totals]
      .map(([name, us]) => ({ name, ms: perRun(us) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12),
  };
}
