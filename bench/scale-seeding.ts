import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { episodeKey } from '../functions/early-help/keys.ts';
import { referralKey } from '../functions/referrals/keys.ts';
import { serviceKey } from '../functions/services/keys.ts';
import type { LocalPortal } from '../infra/local/portal.ts';
import { fmtInt } from './lib/format.ts';
import { say } from './lib/progress.ts';
import type { ScaleResult } from './results.ts';
import type { ScaleSample } from './scale.ts';
import { seedEpisodes } from './seed-episodes.ts';
import { seedReferrals } from './seed-referrals.ts';
import { seedServices } from './seed-services.ts';

/**
 * The scale section's two sizes of referrals, of early-help episodes and of published services: synthetic records seeded
 * beside the demo data, the large size cut down to what the measured seeding rate can write in
 * the time the bench allows itself.
 */

export type SeedKind = 'referrals' | 'episodes' | 'services';

interface SeedRun {
  written: number;
  seconds: number;
  perSecond: number;
  /** What was written, for the progress line. */
  wrote: string;
}

/** Each kind: its table, how its records are told from its other items, and its seeder. */
const KINDS: Record<
  SeedKind,
  {
    table: (portal: LocalPortal) => string;
    /** A record's key with an empty id: its partition key's prefix and its sort key. */
    key: { pk: string; sk: string };
    seed: (portal: LocalPortal, options: SeedSizeOptions, progress: Progress) => Promise<SeedRun>;
  }
> = {
  referrals: {
    table: (portal) => portal.tables.referrals,
    key: referralKey(''),
    async seed(portal, { count, batch, open, ...options }, progress) {
      const r = await seedReferrals(
        portal.db,
        portal.tables.referrals,
        { count, open, batch, now: new Date() },
        { ...options, progress },
      );
      return { ...r, wrote: `${fmtInt(r.written)} referrals and ${r.counterRows} counter rows` };
    },
  },
  episodes: {
    table: (portal) => portal.tables['early-help'],
    key: episodeKey(''),
    async seed(portal, { count, batch, open, ...options }, progress) {
      const r = await seedEpisodes(
        portal.db,
        portal.tables['early-help'],
        { count, open, batch, now: new Date() },
        { ...options, progress },
      );
      return {
        ...r,
        wrote: `${fmtInt(r.written)} episodes (${fmtInt(r.open)} open, ${fmtInt(r.overdue)} of them overdue) in ${fmtInt(r.items)} items, and ${r.counterRows} counter rows`,
      };
    },
  },
  services: {
    table: (portal) => portal.tables.services,
    key: serviceKey(''),
    async seed(portal, { count, batch, open: _open, ...options }, progress) {
      const r = await seedServices(
        portal.db,
        portal.tables.services,
        { count, batch, now: new Date() },
        { ...options, progress },
      );
      return { ...r, wrote: `${fmtInt(r.written)} published services in ${fmtInt(r.items)} items` };
    },
  },
};

/** The kinds each size holds, seeded in this order. */
const SEEDED_KINDS = ['referrals', 'episodes', 'services'] as const;

/** How many are open: referrals and episodes have an open queue; a service is not opened or closed. */
const openOf = (kind: SeedKind, sizes: ScaleSizes) =>
  kind === 'referrals' ? sizes.openReferrals : kind === 'episodes' ? sizes.openEpisodes : 0;

type Progress = (done: number, perSecond: number, target: number) => void;

/** Records of a kind already in its table (the demo data's, and what the warm runs made). */
export async function countRecords(endpoint: string, portal: LocalPortal, kind: SeedKind): Promise<number> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const { key, table } = KINDS[kind];
  let count = 0;
  let start: Record<string, never> | undefined;
  try {
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: table(portal),
          Select: 'COUNT',
          FilterExpression: 'sk = :sk AND begins_with(pk, :pk)',
          ExpressionAttributeValues: { ':sk': { S: key.sk }, ':pk': { S: key.pk } },
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

export interface SeedSizeOptions {
  count: number;
  /** Seeds the generator and the references, so each size gets its own. */
  batch: number;
  open: number;
  inFlight: number;
  deadline?: number;
  limit?: (written: number, seconds: number) => number;
}

/** Seeds one size of one kind, showing progress, and adds how fast it went to `seeding`. */
export async function seedSize(
  target: LocalPortal,
  kind: SeedKind,
  size: 'small' | 'large',
  options: SeedSizeOptions,
  seeding: ScaleResult['seeding'],
): Promise<SeedRun> {
  const r = await KINDS[kind].seed(target, options, (done, rate, goal) =>
    say(
      `  seeded ${fmtInt(done)} / ${fmtInt(goal)} ${kind} (${fmtInt(rate)}/s${rate > 0 ? `, about ${Math.ceil((goal - done) / rate)} s to go` : ''})`,
    ),
  );
  seeding.push({
    kind,
    size,
    records: r.written,
    seconds: r.seconds,
    perSecond: r.perSecond,
    inFlight: options.inFlight,
  });
  say(`  wrote ${r.wrote} in ${r.seconds.toFixed(1)} s (${fmtInt(r.perSecond)} ${kind}/s)`);
  return r;
}

/**
 * Seeds the large size of one kind towards `requested` records in all. It ends with the size asked
 * for, unless the seeding rate measured in its first seconds says that cannot be written within
 * `budgetSeconds`; then the largest size that can. The note says why when the size is not the one
 * asked for.
 */
export async function seedLargeSize(options: {
  portal: LocalPortal;
  kind: SeedKind;
  endpoint: string;
  requested: number;
  open: number;
  budgetSeconds: number;
  inFlight: number;
  seeding: ScaleResult['seeding'];
}): Promise<{ total: number; note?: string }> {
  const { portal, kind, requested, budgetSeconds } = options;
  const before = await countRecords(options.endpoint, portal, kind);
  const candidates = [requested, 50_000, 20_000, 10_000].filter((n) => n <= requested);
  let planned = requested;
  let decided = false;
  let measuredRate = 0;
  say(
    `Seeding towards ${fmtInt(requested)} ${kind} (large size; ${fmtInt(before)} there now${kind === 'referrals' ? ": the demo data's and the warm runs' drafts" : ''}; ${budgetSeconds} s allowed)…`,
  );
  // The rate is read over a window after the first seconds (DynamoDB Local's JVM speeds up as
  // it warms), and what is left is planned from the rate at that point.
  let mark: { written: number; seconds: number } | undefined;
  const limit = (written: number, seconds: number) => {
    if (!mark && seconds >= 8) mark = { written, seconds };
    if (!decided && mark && seconds >= mark.seconds + 12) {
      decided = true;
      measuredRate = (written - mark.written) / (seconds - mark.seconds);
      const fits = (n: number) => seconds + (n - before - written) / measuredRate <= budgetSeconds;
      planned = candidates.find(fits) ?? candidates.at(-1) ?? planned;
      say(
        `  ${fmtInt(measuredRate)} ${kind}/s: ${planned === requested ? `${fmtInt(planned)} fits` : `${fmtInt(requested)} would take about ${Math.round(seconds + (requested - before - written) / measuredRate)} s; seeding to ${fmtInt(planned)} instead`}`,
      );
    }
    return planned - before;
  };
  const deadline = performance.now() + budgetSeconds * 1.25 * 1000;
  const written = await seedSize(
    portal,
    kind,
    'large',
    {
      count: Math.max(0, requested - before),
      batch: 2,
      open: options.open,
      inFlight: options.inFlight,
      deadline,
      limit,
    },
    options.seeding,
  );
  const total = before + written.written;
  let note: string | undefined;
  if (planned < requested) {
    note = `${fmtInt(total)} ${kind}, not the ${fmtInt(requested)} asked for: DynamoDB Local took ${fmtInt(measuredRate)} ${kind}/s here, so ${fmtInt(requested)} would have taken about ${Math.round((requested - before) / measuredRate)} s of seeding, past the ${budgetSeconds} s the bench allows itself for seeding each kind (BENCH_SEED_BUDGET raises it).`;
  } else if (total < planned) {
    note = `${fmtInt(total)} ${kind}, not ${fmtInt(planned)}: seeding slowed down as the table grew and stopped at its deadline.`;
  }
  if (note) say(`  ${note}`);
  return note ? { total, note } : { total };
}

/** How many of each kind a size's tables hold. */
export type ScaleSizes = Omit<ScaleSample, 'results'>;

/** Seeds the small size of both kinds beside the demo data's; what its tables then hold. */
export async function seedSmallSizes(options: {
  portal: LocalPortal;
  endpoint: string;
  sizes: ScaleSizes;
  inFlight: number;
  seeding: ScaleResult['seeding'];
}): Promise<ScaleSizes> {
  const { portal, endpoint, sizes, inFlight, seeding } = options;
  const totals = { ...sizes };
  for (const kind of SEEDED_KINDS) {
    const open = openOf(kind, sizes);
    const demo = await countRecords(endpoint, portal, kind);
    // The services' small size is the whole directory (100 with the demo's); the others' sit beside the demo data.
    const count = kind === 'services' ? Math.max(0, sizes.services - demo) : sizes[kind];
    say(
      `Seeding ${fmtInt(count)} synthetic ${kind}${open ? ` (${open} open)` : ''} beside the demo data's ${demo} (small size)…`,
    );
    await seedSize(portal, kind, 'small', { count, batch: 1, open, inFlight }, seeding);
    totals[kind] = demo + count;
  }
  return totals;
}

/** Seeds the large size of both kinds (seedLargeSize); what its tables then hold, and why not all that was asked for. */
export async function seedLargeSizes(options: {
  portal: LocalPortal;
  endpoint: string;
  sizes: ScaleSizes;
  budgetSeconds: number;
  inFlight: number;
  seeding: ScaleResult['seeding'];
}): Promise<ScaleSizes & { note?: string }> {
  const { sizes } = options;
  const totals = { ...sizes };
  const notes: string[] = [];
  for (const kind of SEEDED_KINDS) {
    const { total, note } = await seedLargeSize({
      ...options,
      kind,
      requested: sizes[kind],
      open: openOf(kind, sizes),
    });
    totals[kind] = total;
    if (note) notes.push(note);
  }
  return notes.length ? { ...totals, note: notes.join(' ') } : totals;
}
