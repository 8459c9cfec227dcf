/**
 * `npm run bench`: measures cold start, warm overhead, scale and page weight side by side in one
 * run, against its own in-memory DynamoDB Local and two local portals on free ports, and writes
 * bench-results/report.md and results.json. It reports; it is not a test: missed budgets still
 * exit 0 (a section that could not run exits 1).
 *
 * Settings (environment): BENCH_SECTIONS=cold,warm,scale,pages · BENCH_SECONDS (each warm run, 3) ·
 * BENCH_IMPORT_RUNS (fresh-process imports per bundle, 21) · BENCH_LARGE (100000) · BENCH_SMALL (1000)
 * · BENCH_SEED_BUDGET (seconds allowed to seed the large size, 300) · BENCH_LIGHTHOUSE=0 to skip it.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { createLogger } from '../functions/platform/logger.ts';
import { REFERRAL_SK } from '../functions/referrals/keys.ts';
import { freePort, type RunningStore, startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { DEFAULT_WEB_DIR, type LocalPortal, startLocalPortal } from '../infra/local/portal.ts';
import { buildWeb } from '../web/build.ts';
import { measureColdStart } from './cold-start.ts';
import { type LoadWorker, startLoadWorker } from './lib/load.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { REPO_ROOT } from './lib/paths.ts';
import { fmtInt, say, secondsSinceStart } from './lib/progress.ts';
import { unicodeBar } from './lib/svg.ts';
import { CHROMIUM, measurePages } from './pages.ts';
import {
  type BenchResults,
  type BudgetCheck,
  evaluateBudgets,
  type ScaleResult,
  writeReport,
} from './report.ts';
import { measureScale, warmUp } from './scale.ts';
import { seedReferrals } from './seed-referrals.ts';
import { measureWarm } from './warm.ts';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && process.env[name] !== '' && process.env[name] !== undefined
    ? value
    : fallback;
};
const sections = new Set(
  (process.env.BENCH_SECTIONS ?? 'cold,warm,scale,pages').split(',').map((s) => s.trim()),
);
const settings = {
  sections: [...sections].join(','),
  warmSeconds: env('BENCH_SECONDS', 3),
  warmupSeconds: 1,
  concurrency: '1, 8, 32',
  importRuns: env('BENCH_IMPORT_RUNS', 21),
  smallReferrals: env('BENCH_SMALL', 1000),
  largeReferrals: env('BENCH_LARGE', 100_000),
  openReferrals: 300,
  seedBudgetSeconds: env('BENCH_SEED_BUDGET', 300),
  seedInFlight: 12,
  scaleSeconds: 6,
  lighthouse: process.env.BENCH_LIGHTHOUSE !== '0',
  lighthouseRuns: env('BENCH_LIGHTHOUSE_RUNS', 3),
};
const CONCURRENCY = [1, 8, 32];

const resultsDir = join(REPO_ROOT, 'bench-results');
const problems: BenchResults['problems'] = [];
const problem = (section: string, error: unknown) => {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
  problems.push({ section, message });
  say(`!! ${section} could not be measured: ${message}`);
};

let store: RunningStore | undefined;
const portals: LocalPortal[] = [];
let worker: LoadWorker | undefined;
let webDir: string | undefined;

async function cleanUp(): Promise<void> {
  worker?.stop();
  worker = undefined;
  for (const p of portals.splice(0)) await p.stop().catch(() => {});
  await store?.stop().catch(() => {});
  store = undefined;
  if (webDir) await rm(webDir, { recursive: true, force: true });
  webDir = undefined;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`${signal}: stopping what the bench started…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** Referrals already in the table (the demo data's). */
async function countReferrals(endpoint: string, tableName: string): Promise<number> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  let count = 0;
  let start: Record<string, never> | undefined;
  try {
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: tableName,
          Select: 'COUNT',
          FilterExpression: 'sk = :r',
          ExpressionAttributeValues: { ':r': { S: REFERRAL_SK } },
          ExclusiveStartKey: start,
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey as typeof start;
    } while (start);
  } finally {
    client.destroy();
  }
  return count;
}

async function main(): Promise<number> {
  const date = new Date().toISOString();
  const machine = machineInfo();
  const loadStart = loadavg();
  await mkdir(resultsDir, { recursive: true });
  say(`Benchmarks on ${describeMachine(machine)}`);
  say(
    `Load average ${loadStart.map((n) => n.toFixed(2)).join(' / ')}${loadStart[0] && loadStart[0] > 0.5 ? ' — other work is running: absolute figures will be noisier' : ''}`,
  );

  const results: Omit<BenchResults, 'budgets'> = {
    date,
    machine,
    loadAverage: { start: loadStart, end: [] },
    durationSeconds: 0,
    settings,
    sectionLoad: {},
    problems,
  };
  const starting = (section: string) => {
    results.sectionLoad[section] = loadavg()[0] ?? 0;
  };

  // 1. Cold start first, while nothing else the bench starts is using the CPU.
  if (sections.has('cold')) {
    starting('cold');
    try {
      results.coldStart = await measureColdStart({
        outRoot: join(resultsDir, 'bundles'),
        runs: settings.importRuns,
      });
    } catch (error) {
      problem('cold start', error);
    }
  }

  const needPortal = ['warm', 'scale', 'pages'].some((s) => sections.has(s));
  if (needPortal) {
    try {
      if (sections.has('pages')) {
        say('Building the web front end…');
        try {
          webDir = await mkdtemp(join(tmpdir(), 'portal-bench-web-'));
          await buildWeb({ outDir: webDir });
        } catch (error) {
          problem('pages (web build; using web/dist instead)', error);
          if (webDir) await rm(webDir, { recursive: true, force: true });
          webDir = undefined;
        }
      }
      const port = await freePort();
      say(`Starting an in-memory DynamoDB Local on port ${port}…`);
      store = await startDynamoDbLocal({ port, log: (line) => say(`  ${line}`) });
      const running = store;
      // Two portals on two sets of tables in the one DynamoDB Local: the small size and the large
      // one, so the scale section can measure them in alternation.
      const startPortal = async (prefix: string, label: string) => {
        say(`Starting the local portal for the ${label} (tables ${prefix}*) on a free port…`);
        const started = await startLocalPortal({
          port: 0,
          dynamoEndpoint: running.endpoint,
          tablePrefix: prefix,
          webDir: webDir ?? DEFAULT_WEB_DIR,
          logger: createLogger({ level: 'error' }),
          progress: (line) => say(`  ${line}`),
        });
        portals.push(started);
        say(`  at ${started.url}`);
        return started;
      };
      const needScale = sections.has('scale');
      const small = needScale ? await startPortal('bench-s-', 'small size') : undefined;
      const large = await startPortal(
        'bench-l-',
        needScale ? 'large size, warm runs and pages' : 'warm runs and pages',
      );
      worker = startLoadWorker();
      const load = worker;
      const seeding: ScaleResult['seeding'] = [];
      const seed = async (
        target: LocalPortal,
        count: number,
        batch: number,
        open: number,
        deadline?: number,
        limit?: (written: number, seconds: number) => number,
      ) => {
        const r = await seedReferrals(
          target.db,
          target.tables.referrals,
          { count, open, batch, now: new Date() },
          {
            inFlight: settings.seedInFlight,
            ...(deadline ? { deadline } : {}),
            ...(limit ? { limit } : {}),
            progress: (done, rate, goal) =>
              say(
                `  seeded ${fmtInt(done)} / ${fmtInt(goal)} (${fmtInt(rate)}/s${rate > 0 ? `, about ${Math.ceil((goal - done) / rate)} s to go` : ''})`,
              ),
          },
        );
        seeding.push({
          referrals: r.written,
          seconds: r.seconds,
          perSecond: r.perSecond,
          inFlight: settings.seedInFlight,
        });
        say(
          `  wrote ${fmtInt(r.written)} referrals and ${r.counterRows} counter rows in ${r.seconds.toFixed(1)} s (${fmtInt(r.perSecond)}/s)`,
        );
        return r;
      };

      let smallTotal = 0;
      if (small) {
        const demo = await countReferrals(running.endpoint, small.tables.referrals);
        say(
          `Seeding ${fmtInt(settings.smallReferrals)} synthetic referrals (${settings.openReferrals} open) beside the demo data's ${demo} (small size)…`,
        );
        await seed(small, settings.smallReferrals, 1, settings.openReferrals);
        smallTotal = demo + settings.smallReferrals;
      }
      if (sections.has('warm')) {
        starting('warm');
        say(
          `Warm overhead: ${settings.warmSeconds} s runs at ${CONCURRENCY.join(', ')} clients, app vs direct…`,
        );
        try {
          results.warm = await measureWarm({
            portal: large,
            endpoint: running.endpoint,
            worker: load,
            seconds: settings.warmSeconds,
            warmupSeconds: settings.warmupSeconds,
            concurrency: CONCURRENCY,
          });
        } catch (error) {
          problem('warm overhead', error);
        }
      }
      if (small) {
        try {
          // The size: the one asked for, unless the seeding rate measured in its first seconds says it
          // cannot be written in the time the bench allows itself; then the largest that can.
          const before = await countReferrals(running.endpoint, large.tables.referrals);
          const candidates = [settings.largeReferrals, 50_000, 20_000, 10_000].filter(
            (n) => n <= settings.largeReferrals,
          );
          let planned = settings.largeReferrals;
          let decided = false;
          let measuredRate = 0;
          say(
            `Seeding towards ${fmtInt(settings.largeReferrals)} referrals (large size; ${fmtInt(before)} there now: the demo data's and the warm runs' drafts; ${settings.seedBudgetSeconds} s allowed)…`,
          );
          // The rate is read over a window after the first seconds (DynamoDB Local's JVM speeds up as
          // it warms), and what is left is planned from the rate at that point.
          let mark: { written: number; seconds: number } | undefined;
          const limit = (written: number, seconds: number) => {
            if (!mark && seconds >= 8) mark = { written, seconds };
            if (!decided && mark && seconds >= mark.seconds + 12) {
              decided = true;
              measuredRate = (written - mark.written) / (seconds - mark.seconds);
              const fits = (n: number) =>
                seconds + (n - before - written) / measuredRate <= settings.seedBudgetSeconds;
              planned = candidates.find(fits) ?? candidates.at(-1) ?? planned;
              say(
                `  ${fmtInt(measuredRate)} writes/s: ${planned === settings.largeReferrals ? `${fmtInt(planned)} fits` : `${fmtInt(settings.largeReferrals)} would take about ${Math.round(seconds + (settings.largeReferrals - before - written) / measuredRate)} s; seeding to ${fmtInt(planned)} instead`}`,
              );
            }
            return planned - before;
          };
          const deadline = performance.now() + settings.seedBudgetSeconds * 1.25 * 1000;
          const written = await seed(
            large,
            Math.max(0, settings.largeReferrals - before),
            2,
            settings.openReferrals,
            deadline,
            limit,
          );
          const largeTotal = before + written.written;
          let note: string | undefined;
          if (planned < settings.largeReferrals) {
            note = `${fmtInt(largeTotal)} referrals, not the ${fmtInt(settings.largeReferrals)} asked for: DynamoDB Local took ${fmtInt(measuredRate)} writes/s here, so ${fmtInt(settings.largeReferrals)} would have taken about ${Math.round((settings.largeReferrals - before) / measuredRate)} s of seeding, past the ${settings.seedBudgetSeconds} s the bench allows itself for seeding (BENCH_SEED_BUDGET raises it).`;
          } else if (largeTotal < planned) {
            note = `${fmtInt(largeTotal)} referrals, not ${fmtInt(planned)}: seeding slowed down as the table grew and stopped at its deadline.`;
          }
          if (note) say(`  ${note}`);
          starting('scale');
          say('Warming both portals and DynamoDB Local up (every scale endpoint, 4 clients, unrecorded)…');
          await warmUp(small, load, 2);
          await warmUp(large, load, 2);
          say(`Scale: ${fmtInt(smallTotal)} vs ${fmtInt(largeTotal)} referrals, measured in alternation…`);
          const measured = await measureScale({
            small: { portal: small, referrals: smallTotal, openReferrals: settings.openReferrals },
            large: { portal: large, referrals: largeTotal, openReferrals: settings.openReferrals },
            worker: load,
            seconds: settings.scaleSeconds,
            rounds: 6,
          });
          results.scale = {
            ...measured,
            requestedLarge: settings.largeReferrals,
            seeding,
            ...(note ? { note } : {}),
          };
        } catch (error) {
          problem('scale', error);
        }
      }
      if (sections.has('pages')) {
        if (!existsSync(CHROMIUM)) {
          problem('pages', new Error(`${CHROMIUM} is missing: apt-get install -y chromium`));
        } else {
          starting('pages');
          say('Pages: checking which pages exist…');
          try {
            results.pages = await measurePages({
              portal: large,
              reportDir: join(resultsDir, 'lighthouse'),
              lighthouse: settings.lighthouse,
              lighthouseRuns: settings.lighthouseRuns,
            });
          } catch (error) {
            problem('pages', error);
          }
        }
      }
    } catch (error) {
      problem('local portal', error);
    } finally {
      say('Stopping the portal and DynamoDB Local…');
      await cleanUp();
    }
  }

  results.loadAverage.end = loadavg();
  results.durationSeconds = secondsSinceStart();
  const budgets = evaluateBudgets(results);
  await writeReport(resultsDir, { ...results, budgets });
  printSummary(budgets);
  say(
    `Report: bench-results/report.md (and results.json, charts) — ${Math.round(results.durationSeconds)} s in all`,
  );
  return problems.length ? 1 : 0;
}

function printSummary(budgets: BudgetCheck[]): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out();
  out('Budgets');
  let section = '';
  for (const b of budgets) {
    if (b.section !== section) {
      section = b.section;
      out(`  ${section}`);
    }
    out(
      `    ${b.status.padEnd(4)}  ${b.subject.padEnd(40)} ${b.measured}${b.limit ? `  (budget ${b.limit})` : ''}`,
    );
  }
  const pass = budgets.filter((b) => b.status === 'PASS').length;
  const miss = budgets.filter((b) => b.status === 'MISS').length;
  const skip = budgets.filter((b) => b.status === 'SKIP').length;
  out();
  out(`  ${pass} pass ${unicodeBar(pass, budgets.length, 30)}`);
  out(`  ${miss} miss ${unicodeBar(miss, budgets.length, 30)}`);
  out(`  ${skip} skipped`);
  if (problems.length) {
    out();
    out('Could not measure:');
    for (const p of problems) out(`  ${p.section}: ${p.message}`);
  }
  out();
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    process.stderr.write(
      `\nThe bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await cleanUp();
    process.exit(1);
  },
);
