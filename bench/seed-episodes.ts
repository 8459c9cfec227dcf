import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { counterChanges } from '../functions/early-help/counters.ts';
import {
  type EpisodeRecord,
  type EpisodeSnapshot,
  type Listing,
  listingOf,
} from '../functions/early-help/records.ts';
import { createDynamoEarlyHelpStore } from '../functions/early-help/store.ts';
import { counterUpdate } from '../functions/early-help/store-stats.ts';
import type { AuditPut } from '../functions/platform/audit.ts';
import { DEFAULT_STANDARDS } from '../shared/early-help/standards.ts';
import { ukDateOf } from '../shared/platform/working-days.ts';
import {
  addCounts,
  type BulkWriteOptions,
  bulkWrite,
  type Counters,
  writeCounters,
} from './lib/bulk-write.ts';
import { mulberry32 } from './lib/synthetic.ts';
import { type EpisodePlan, syntheticEpisode } from './synthetic-episode.ts';

/**
 * Bulk synthetic early-help episodes for the scale benchmark (synthetic-episode.ts makes each).
 * Their items come from the area's own store: its `create` is run against a client that only
 * records the transaction, and of what it records the items on an index are written: the episode
 * (on the front door's lists) and one list item per agency working it, exactly as the API leaves
 * them for the episode's last state. As with the referrals, what no measured endpoint reads (the
 * snapshot, the claim on the referral, the reviews, the child index, the audit trail) is left out,
 * so 100,000 can be written in the time allowed. The dashboard counters are added up with the
 * area's own `counterChanges` and written at the end.
 */

/** Left out of what is written, as is the snapshot: no list reads either. */
const NO_AUDIT: AuditPut = {
  Put: { TableName: 'bench-unwritten-audit', Item: {}, ConditionExpression: 'attribute_not_exists(pk)' },
};
const NO_SNAPSHOT: EpisodeSnapshot = { child: {}, indicatorIds: [] };

/** The items on an index of what the store's `create` puts in `tableName` for the episode. */
export async function listedEpisodeItems(
  tableName: string,
  record: EpisodeRecord,
  listing: Listing,
): Promise<Record<string, unknown>[]> {
  let recorded: TransactWriteCommandInput['TransactItems'] = [];
  const recorder = {
    send: async (command: { input: TransactWriteCommandInput }) => {
      recorded = command.input.TransactItems ?? [];
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  await createDynamoEarlyHelpStore(recorder, tableName).create(record, NO_SNAPSHOT, listing, NO_AUDIT);
  return recorded.flatMap(({ Put }) =>
    Put?.TableName === tableName && Put.Item && (Put.Item.gsi1pk || Put.Item.gsi2pk) ? [Put.Item] : [],
  );
}

export interface EpisodeSeedResult {
  written: number;
  items: number;
  seconds: number;
  perSecond: number;
  open: number;
  /** Open episodes whose running timer fell due before today: the front door's overdue list. */
  overdue: number;
  counterRows: number;
}

/**
 * Writes `plan.count` episodes in bulk (lib/bulk-write.ts), a few episodes to a request, then the
 * dashboard counters they imply.
 */
export async function seedEpisodes(
  db: DynamoDBDocumentClient,
  tableName: string,
  plan: EpisodePlan,
  options: BulkWriteOptions = {},
): Promise<EpisodeSeedResult> {
  const random = mulberry32(0xe915 + plan.batch);
  const started = performance.now();
  const today = ukDateOf(plan.now);
  const counters: Counters = new Map();
  let overdue = 0;
  const result = await bulkWrite(
    db,
    tableName,
    plan.count,
    (n) => {
      const episode = syntheticEpisode(n, plan, random);
      // The standards the app falls back to when none are set, as in the local portal.
      const listing = listingOf(episode.record, DEFAULT_STANDARDS);
      const running = listing.summary.running;
      if (n < plan.open && running && running.dueOn < today) overdue++;
      // The counters its creation and its later writes move, as the store adds them to each transaction.
      for (const change of [
        ...counterChanges(null, episode.created, DEFAULT_STANDARDS),
        ...counterChanges(episode.created, episode.record, DEFAULT_STANDARDS),
      ])
        addCounts(counters, change.sk, change.add);
      return listedEpisodeItems(tableName, episode.record, listing);
    },
    // About 25 items: one request for most chunks.
    { ...options, chunk: 8 },
  );
  const counterRows = await writeCounters(db, counters, (row) => counterUpdate(tableName, row).Update);
  const seconds = (performance.now() - started) / 1000;
  return {
    ...result,
    seconds,
    perSecond: result.written / seconds,
    counterRows,
    open: Math.min(plan.open, result.written),
    overdue,
  };
}
