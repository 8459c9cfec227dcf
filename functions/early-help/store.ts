import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Review } from '../../shared/early-help/schema.ts';
import type { AuditPut } from '../platform/audit.ts';
import { Conflict } from '../platform/errors.ts';
import type { Page, StoreKey } from '../platform/pagination.ts';
import { type Item, type TransactItem, tableOf, transact, withoutKey } from '../platform/table.ts';
import { cancellationCodes } from '../platform/transaction-errors.ts';
import type { CounterChange } from './counters.ts';
import {
  agencyItemKey,
  agencyListKeys,
  agencyPartition,
  episodeKey,
  frontDoorKeys,
  frontDoorPartition,
  type ListState,
  REVIEW_PREFIX,
  referenceCounterKey,
  referralClaimKey,
  reviewKey,
  reviewsPartition,
  STANDARDS_KEY,
  snapshotKey,
  stepDownClaimKey,
} from './keys.ts';
import {
  type EpisodeRecord,
  type EpisodeSnapshot,
  type Listing,
  listedAgencies,
  type StoredSummary,
} from './records.ts';
import { createStandardsStore, type StandardsStore } from './standards-store.ts';
import {
  childIndexItem,
  counterUpdate,
  createEarlyHelpStatsStore,
  type EarlyHelpStatsStore,
  transactWithCounters,
} from './store-stats.ts';

/** Which list a page is of: one agency's open episodes, or one of the front door's views. */
export type EpisodeList =
  | { of: 'agency'; agencyId: string }
  | { of: 'open' }
  | { of: 'closed' }
  /** Open episodes whose running timer fell due before `today` (a UK date). */
  | { of: 'overdue'; today: string };

/** What is written beside an episode in the same transaction: its counters, and at creation its child's keys. */
export interface Beside {
  counters?: CounterChange[];
  childKeys?: readonly string[];
}

/** The early-help table's store (its keys in keys.ts; the dashboard's reads in store-stats.ts). */
export interface EarlyHelpStore extends EarlyHelpStatsStore, StandardsStore {
  get(id: string): Promise<EpisodeRecord | null>;
  reviews(id: string): Promise<Review[]>;
  snapshot(id: string): Promise<EpisodeSnapshot | null>;
  /** The id of the referral's episode, if it has one. */
  episodeOfReferral(referralId: string): Promise<string | null>;
  /** The next reference of the year, from an atomic counter. */
  nextReference(year: number): Promise<string>;
  /**
   * Creates the episode with its snapshot, its claim (on the referral, or on the step-down's case
   * reference and date), its list items, its child index items and its counters, all or nothing;
   * when the claim is taken already, nothing is written and the id of the episode holding it is returned.
   */
  create(
    episode: EpisodeRecord,
    snapshot: EpisodeSnapshot,
    listing: Listing,
    audit: AuditPut,
    beside?: Beside,
  ): Promise<{ created: true } | { created: false; episodeId: string }>;
  /**
   * Replaces the episode if it is still at `previous.version`, with its list items (an agency no
   * longer working it loses its item), its audit entry, a new review and its counters, all or
   * nothing. Conflict otherwise, without the record: what the caller may see of it is the app's to decide.
   */
  save(
    episode: EpisodeRecord,
    previous: EpisodeRecord,
    listing: Listing,
    audit: AuditPut,
    review?: Review,
    beside?: Pick<Beside, 'counters'>,
  ): Promise<void>;
  list(list: EpisodeList, options: { limit: number; startKey?: StoreKey }): Promise<Page<StoredSummary>>;
  /** One page of the front door's open episodes as stored, each with the standards it was listed under. */
  openEpisodes(options: { limit: number; startKey?: StoreKey }): Promise<Page<ListedEpisode>>;
  /**
   * Rewrites an open episode's list row and sort keys (its own item's and its agencies'), while the
   * episode is still at its version and the standards at `standardsVersion`; its version is kept,
   * so nobody's If-Match is spent. What stopped it otherwise: the episode moved on (that write
   * listed it afresh) or the standards changed again (a newer re-listing has it).
   */
  relist(
    record: EpisodeRecord,
    listing: Listing,
    standardsVersion: number,
  ): Promise<'relisted' | 'moved-on' | 'standards-changed'>;
}

/** An open episode as its item holds it, and the standards its listing was made under (none before they were named). */
export interface ListedEpisode {
  record: EpisodeRecord;
  listedUnder?: string;
}

/** What makes an episode one of its kind: its referral's, or its step-down's. */
function claimKeyOf(episode: EpisodeRecord) {
  if (episode.referral) return referralClaimKey(episode.referral.id);
  if (episode.stepDown) return stepDownClaimKey(episode.stepDown.socialCareReference, episode.startedOn);
  throw new Error(`Episode ${episode.id} has neither a referral nor a step-down`);
}

const stripEpisode = ({
  pk: _p,
  sk: _s,
  gsi1pk: _a,
  gsi1sk: _b,
  summary: _m,
  listedUnder: _u,
  ...record
}: Item) => record as EpisodeRecord;

/** The episode's own item (on the front door's lists) and one item per agency whose list shows it. */
function listedItems(episode: EpisodeRecord, { summary, sortOn, basis }: Listing) {
  const state: ListState = episode.state === 'closed' ? 'closed' : 'open';
  return {
    episode: {
      ...episodeKey(episode.id),
      ...episode,
      summary,
      listedUnder: basis,
      ...frontDoorKeys(state, sortOn, episode.id),
    },
    agencies: listedAgencies(episode).map((agencyId) => ({
      ...agencyItemKey(episode.id, agencyId),
      episodeId: episode.id,
      agencyId,
      summary,
      ...agencyListKeys(agencyId, state, sortOn, episode.id),
    })),
  };
}

const LIST_QUERIES = {
  agency: (l: { agencyId: string }) => ({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': agencyPartition(l.agencyId, 'open') },
  }),
  open: () => ({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': frontDoorPartition('open') },
  }),
  // `<dueOn>#<id>` sorts before `<today>` exactly when the due date is before today.
  overdue: (l: { today: string }) => ({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :today',
    ExpressionAttributeValues: { ':pk': frontDoorPartition('open'), ':today': l.today },
  }),
  closed: () => ({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': frontDoorPartition('closed') },
    ScanIndexForward: false,
  }),
};

export function createDynamoEarlyHelpStore(db: DynamoDBDocumentClient, tableName: string): EarlyHelpStore {
  const table = tableOf(db, tableName);
  const remove = (key: { pk: string; sk: string }): TransactItem => ({
    Delete: { TableName: tableName, Key: key },
  });

  return {
    ...createEarlyHelpStatsStore(db, tableName),
    ...createStandardsStore(db, tableName),

    async get(id) {
      const item = await table.get(episodeKey(id), { ConsistentRead: true });
      return item ? stripEpisode(item) : null;
    },

    async reviews(id) {
      const items = await table.all({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
        ExpressionAttributeValues: { ':pk': reviewsPartition(id), ':r': REVIEW_PREFIX },
        ConsistentRead: true,
      });
      return items.map((item) => withoutKey(item) as Review);
    },

    async snapshot(id) {
      const item = await table.get(snapshotKey(id), { ConsistentRead: true });
      return item ? (withoutKey(item) as unknown as EpisodeSnapshot) : null;
    },

    async episodeOfReferral(referralId) {
      const item = await table.get(referralClaimKey(referralId), { ConsistentRead: true });
      return item ? String(item.episodeId) : null;
    },

    async nextReference(year) {
      const n = await table.count(referenceCounterKey(year));
      return `EHE-${year}-${String(n).padStart(6, '0')}`;
    },

    async create(episode, snapshot, listing, audit, beside = {}) {
      const items = listedItems(episode, listing);
      const claimKey = claimKeyOf(episode);
      const writes: TransactItem[] = [
        table.putNew({ ...claimKey, episodeId: episode.id }),
        table.putNew(items.episode),
        table.putNew({ ...snapshotKey(episode.id), ...snapshot }),
        ...items.agencies.map((item) => table.put(item)),
        audit,
        ...(beside.childKeys ?? []).map((key) => table.put(childIndexItem(key, episode.id))),
      ];
      const countersFrom = writes.length;
      writes.push(...(beside.counters ?? []).map((change) => counterUpdate(tableName, change)));
      try {
        await transactWithCounters(db, writes, countersFrom);
        return { created: true };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes?.[0] !== 'ConditionalCheckFailed' && codes?.[0] !== 'TransactionConflict') throw error;
        // Another request made the referral's episode first, or is committing it now.
        for (let attempt = 0; attempt < 20; attempt++) {
          const claim = await table.get(claimKey, { ConsistentRead: true });
          if (claim) return { created: false, episodeId: String(claim.episodeId) };
          await new Promise((r) => setTimeout(r, 50 + attempt * 25));
        }
        throw error;
      }
    },

    async save(episode, previous, listing, audit, review, beside = {}) {
      const items = listedItems(episode, listing);
      const kept = new Set(listedAgencies(episode));
      const writes: TransactItem[] = [
        table.putAtVersion(items.episode, previous.version),
        audit,
        ...items.agencies.map((item) => table.put(item)),
        ...listedAgencies(previous)
          .filter((agencyId) => !kept.has(agencyId))
          .map((agencyId) => remove(agencyItemKey(episode.id, agencyId))),
      ];
      if (review) writes.push(table.putNew({ ...reviewKey(episode.id, review.id), ...review }));
      const countersFrom = writes.length;
      for (const change of beside.counters ?? []) writes.push(counterUpdate(tableName, change));
      try {
        await transactWithCounters(db, writes, countersFrom);
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes && (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')))
          throw new Conflict('Someone else changed this episode since you read it');
        throw error;
      }
    },

    async list(list, { limit, startKey }) {
      const query =
        list.of === 'agency'
          ? LIST_QUERIES.agency(list)
          : list.of === 'overdue'
            ? LIST_QUERIES.overdue(list)
            : LIST_QUERIES[list.of]();
      const page = await table.page({
        ...query,
        ProjectionExpression: 'summary',
        Limit: limit,
        ExclusiveStartKey: startKey,
      });
      return { ...page, items: page.items.map((item) => item.summary as StoredSummary) };
    },

    async openEpisodes({ limit, startKey }) {
      const page = await table.page({ ...LIST_QUERIES.open(), Limit: limit, ExclusiveStartKey: startKey });
      return {
        ...page,
        items: page.items.map((item) => ({
          record: stripEpisode(item),
          ...(typeof item.listedUnder === 'string' ? { listedUnder: item.listedUnder } : {}),
        })),
      };
    },

    async relist(record, listing, standardsVersion) {
      const items = listedItems(record, listing);
      const { summary, gsi1sk, listedUnder } = items.episode;
      const writes: TransactItem[] = [
        {
          ConditionCheck: {
            TableName: tableName,
            Key: STANDARDS_KEY,
            ConditionExpression: 'version = :standards',
            ExpressionAttributeValues: { ':standards': standardsVersion },
          },
        },
        {
          Update: {
            TableName: tableName,
            Key: episodeKey(record.id),
            UpdateExpression: 'SET summary = :summary, gsi1sk = :sk, listedUnder = :basis',
            ConditionExpression: 'version = :version AND gsi1pk = :open',
            ExpressionAttributeValues: {
              ':summary': summary,
              ':sk': gsi1sk,
              ':basis': listedUnder,
              ':version': record.version,
              ':open': frontDoorPartition('open'),
            },
          },
        },
        ...items.agencies.map((item) => table.put(item)),
      ];
      // A write of the same episode under way meets this one: a moment later it has landed or failed.
      for (let attempt = 1; ; attempt++) {
        try {
          await transact(db, writes);
          return 'relisted';
        } catch (error) {
          const codes = cancellationCodes(error);
          if (codes?.[0] === 'ConditionalCheckFailed') return 'standards-changed';
          if (codes?.[1] === 'ConditionalCheckFailed') return 'moved-on';
          if (!codes?.includes('TransactionConflict') || attempt >= 3) throw error;
          await new Promise((r) => setTimeout(r, 20 * attempt));
        }
      }
    },
  };
}
