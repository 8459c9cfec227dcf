import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { REFERRAL_SK } from '../functions/referrals/keys.ts';
import type { LocalPortal } from '../infra/local/portal.ts';
import { fmtInt } from './lib/format.ts';
import { say } from './lib/progress.ts';
import type { ScaleResult } from './results.ts';
import { type SeedResult, seedReferrals } from './seed-referrals.ts';

/**
 * The scale section's two sizes: synthetic referrals seeded beside the demo data, the large size
 * cut down to what the measured seeding rate can write in the time the bench allows itself.
 */

/** Referrals already in the table (the demo data's). */
export async function countReferrals(endpoint: string, tableName: string): Promise<number> {
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

export interface SeedSizeOptions {
  count: number;
  /** Seeds the generator and the references, so each size gets its own. */
  batch: number;
  open: number;
  inFlight: number;
  deadline?: number;
  limit?: (written: number, seconds: number) => number;
}

/** Seeds one size's referrals table, showing progress, and adds how fast it went to `seeding`. */
export async function seedSize(
  target: LocalPortal,
  options: SeedSizeOptions,
  seeding: ScaleResult['seeding'],
): Promise<SeedResult> {
  const { count, batch, open, inFlight, deadline, limit } = options;
  const r = await seedReferrals(
    target.db,
    target.tables.referrals,
    { count, open, batch, now: new Date() },
    {
      inFlight,
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
    inFlight,
  });
  say(
    `  wrote ${fmtInt(r.written)} referrals and ${r.counterRows} counter rows in ${r.seconds.toFixed(1)} s (${fmtInt(r.perSecond)}/s)`,
  );
  return r;
}

/**
 * Seeds the large size towards `requested` referrals in all. It ends with the size asked for,
 * unless the seeding rate measured in its first seconds says that cannot be written within
 * `budgetSeconds`; then the largest size that can. The note says why when the size is not the one
 * asked for.
 */
export async function seedLargeSize(options: {
  portal: LocalPortal;
  endpoint: string;
  requested: number;
  open: number;
  budgetSeconds: number;
  inFlight: number;
  seeding: ScaleResult['seeding'];
}): Promise<{ total: number; note?: string }> {
  const { portal, requested, budgetSeconds } = options;
  const before = await countReferrals(options.endpoint, portal.tables.referrals);
  const candidates = [requested, 50_000, 20_000, 10_000].filter((n) => n <= requested);
  let planned = requested;
  let decided = false;
  let measuredRate = 0;
  say(
    `Seeding towards ${fmtInt(requested)} referrals (large size; ${fmtInt(before)} there now: the demo data's and the warm runs' drafts; ${budgetSeconds} s allowed)…`,
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
        `  ${fmtInt(measuredRate)} writes/s: ${planned === requested ? `${fmtInt(planned)} fits` : `${fmtInt(requested)} would take about ${Math.round(seconds + (requested - before - written) / measuredRate)} s; seeding to ${fmtInt(planned)} instead`}`,
      );
    }
    return planned - before;
  };
  const deadline = performance.now() + budgetSeconds * 1.25 * 1000;
  const written = await seedSize(
    portal,
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
    note = `${fmtInt(total)} referrals, not the ${fmtInt(requested)} asked for: DynamoDB Local took ${fmtInt(measuredRate)} writes/s here, so ${fmtInt(requested)} would have taken about ${Math.round((requested - before) / measuredRate)} s of seeding, past the ${budgetSeconds} s the bench allows itself for seeding (BENCH_SEED_BUDGET raises it).`;
  } else if (total < planned) {
    note = `${fmtInt(total)} referrals, not ${fmtInt(planned)}: seeding slowed down as the table grew and stopped at its deadline.`;
  }
  if (note) say(`  ${note}`);
  return note ? { total, note } : { total };
}
