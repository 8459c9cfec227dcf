/**
 * `npm run bench`: measures cold start, warm overhead, scale and page weight side by side in one
 * run, against its own in-memory DynamoDB Local and two local portals on free ports, and writes
 * bench-results/report.md and results.json. It reports; it is not a test: missed budgets still
 * exit 0 (a section that could not run exits 1).
 *
 * Settings (environment): BENCH_SECTIONS=cold,warm,scale,pages · BENCH_SECONDS (each warm run, 3) ·
 * BENCH_IMPORT_RUNS (fresh-process imports per bundle, 21) · BENCH_LARGE (100000 referrals and as
 * many episodes) · BENCH_SMALL (1000 of each) · BENCH_SEED_BUDGET (seconds allowed to seed the large
 * size of each, 300) · BENCH_SERVICES_SMALL / BENCH_SERVICES_LARGE (published services at each size, 100
 * and 10000) · BENCH_LIGHTHOUSE=0 to skip it.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../functions/platform/logger.ts';
import { freePort, type RunningStore, startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { DEFAULT_WEB_DIR, type LocalPortal, startLocalPortal } from '../infra/local/portal.ts';
import { buildWeb } from '../web/build.ts';
import { evaluateBudgets } from './budgets.ts';
import { measureColdStart } from './cold-start.ts';
import { fmtInt } from './lib/format.ts';
import { type LoadWorker, startLoadWorker } from './lib/load.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { REPO_ROOT } from './lib/paths.ts';
import { say, secondsSinceStart } from './lib/progress.ts';
import { CHROMIUM, measurePages } from './pages.ts';
import { writeReport } from './report.ts';
import type { BenchResults, ScaleResult } from './results.ts';
import { measureScale, warmUp } from './scale.ts';
import { type ScaleSizes, seedLargeSizes, seedSmallSizes } from './scale-seeding.ts';
import { CONCURRENCY, sections, settings } from './settings.ts';
import { printSummary } from './summary.ts';
import { measureWarm } from './warm.ts';

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
      const sizes = (referrals: number, episodes: number, services: number): ScaleSizes => ({
        services,
        referrals,
        openReferrals: settings.openReferrals,
        episodes,
        openEpisodes: settings.openEpisodes,
      });
      const smallSizes = small
        ? await seedSmallSizes({
            portal: small,
            endpoint: running.endpoint,
            sizes: sizes(settings.smallReferrals, settings.smallEpisodes, settings.smallServices),
            inFlight: settings.seedInFlight,
            seeding,
          })
        : undefined;
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
      if (small && smallSizes) {
        try {
          const { note, ...largeSizes } = await seedLargeSizes({
            portal: large,
            endpoint: running.endpoint,
            sizes: sizes(settings.largeReferrals, settings.largeEpisodes, settings.largeServices),
            budgetSeconds: settings.seedBudgetSeconds,
            inFlight: settings.seedInFlight,
            seeding,
          });
          starting('scale');
          say('Warming both portals and DynamoDB Local up (every scale endpoint, 4 clients, unrecorded)…');
          await warmUp(small, load, 2);
          await warmUp(large, load, 2);
          say(
            `Scale: ${fmtInt(smallSizes.referrals)} vs ${fmtInt(largeSizes.referrals)} referrals, ${fmtInt(smallSizes.episodes)} vs ${fmtInt(largeSizes.episodes)} episodes, measured in alternation…`,
          );
          const measured = await measureScale({
            small: { portal: small, ...smallSizes },
            large: { portal: large, ...largeSizes },
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
  printSummary(budgets, problems);
  say(
    `Report: bench-results/report.md (and results.json, charts) — ${Math.round(results.durationSeconds)} s in all`,
  );
  return problems.length ? 1 : 0;
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
