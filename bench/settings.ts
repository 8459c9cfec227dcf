/** The bench's settings, read once from the environment (the names are listed in bench/run.ts). */

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && process.env[name] !== '' && process.env[name] !== undefined
    ? value
    : fallback;
};

/** The sections asked for in BENCH_SECTIONS: cold, warm, scale, pages. */
export const sections = new Set(
  (process.env.BENCH_SECTIONS ?? 'cold,warm,scale,pages').split(',').map((s) => s.trim()),
);

/** Every setting of the run, as results.json and the report's Settings table show them. */
export const settings = {
  sections: [...sections].join(','),
  warmSeconds: env('BENCH_SECONDS', 3),
  warmupSeconds: 1,
  concurrency: '1, 8, 32',
  importRuns: env('BENCH_IMPORT_RUNS', 21),
  smallReferrals: env('BENCH_SMALL', 1000),
  largeReferrals: env('BENCH_LARGE', 100_000),
  openReferrals: 300,
  // The episodes come in the same two sizes as the referrals.
  smallEpisodes: env('BENCH_SMALL', 1000),
  largeEpisodes: env('BENCH_LARGE', 100_000),
  openEpisodes: 300,
  // The services directory: 100 published entries in all, and 10,000.
  smallServices: env('BENCH_SERVICES_SMALL', 100),
  largeServices: env('BENCH_SERVICES_LARGE', 10_000),
  seedBudgetSeconds: env('BENCH_SEED_BUDGET', 300),
  seedInFlight: 12,
  scaleSeconds: 6,
  lighthouse: process.env.BENCH_LIGHTHOUSE !== '0',
  lighthouseRuns: env('BENCH_LIGHTHOUSE_RUNS', 3),
};

/** The warm runs' client counts (`settings.concurrency` is how the report writes them). */
export const CONCURRENCY = [1, 8, 32];
