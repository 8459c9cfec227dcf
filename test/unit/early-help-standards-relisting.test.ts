import { describe, expect, it } from 'vitest';
import { type EpisodeRecord, listingOf } from '../../functions/early-help/records.ts';
import { createRelisting, type RelistBudget, settledAfter } from '../../functions/early-help/relisting.ts';
import type { EarlyHelpStore } from '../../functions/early-help/store.ts';
import { silentLogger } from '../../functions/platform/logger.ts';
import type { StoreKey } from '../../functions/platform/pagination.ts';
import type { Item } from '../../functions/platform/table.ts';
import { DEFAULT_STANDARDS, standardsBasis } from '../../shared/early-help/standards.ts';

/**
 * Re-listing after a change of standards (functions/early-help/relisting.ts), over a store kept in
 * memory: which episodes it rewrites, how a budget splits it into runs that resume where the last
 * stopped, and that only a whole pass begun after the change has settled everywhere finishes it.
 */

const SHORT_LEAD = { ...DEFAULT_STANDARDS, leadWithinWorkingDays: 2 };
const CHANGED_AT = '2026-06-04T10:00:00.000Z';
const AFTER = settledAfter(CHANGED_AT);

/** An episode waiting for its lead since `startedOn`. */
function openRecord(id: string, startedOn = '2026-06-01'): EpisodeRecord {
  return {
    id,
    reference: `EHE-2026-${id.slice(-6)}`,
    version: 1,
    createdAt: `${startedOn}T09:00:00.000Z`,
    updatedAt: `${startedOn}T09:00:00.000Z`,
    state: 'awaiting_lead',
    origin: 'referral_decision',
    level: 3,
    child: { firstName: 'Test', lastName: 'Child' },
    startedOn,
    declined: [],
    team: [],
    reviewsHeldOn: [],
  } as EpisodeRecord;
}

const idOf = (n: number) => `01JAAAAAAAAAAAAAAAAAA${String(n).padStart(5, '0')}`;

/** The store's part re-listing uses, in memory: open episodes by id, and the standards item. */
function memoryStore(count: number, listedUnder = standardsBasis(DEFAULT_STANDARDS)) {
  const episodes = new Map(
    Array.from({ length: count }, (_, i) => {
      const record = openRecord(idOf(i));
      return [record.id, { record, listedUnder, sortOn: listingOf(record, DEFAULT_STANDARDS).sortOn }];
    }),
  );
  let item: Item = { ...SHORT_LEAD, version: 2, changedAt: CHANGED_AT, relisting: { after: AFTER } };
  const calls = { pages: 0, relists: 0, saves: 0 };
  const store: Pick<EarlyHelpStore, 'standards' | 'openEpisodes' | 'relist' | 'saveRelisting'> = {
    standards: async () => structuredClone(item),
    async openEpisodes({ limit, startKey }: { limit: number; startKey?: StoreKey }) {
      calls.pages++;
      const all = [...episodes.values()].filter((e) => !startKey || e.record.id > String(startKey.id));
      const page = all.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((e) => ({ record: structuredClone(e.record), listedUnder: e.listedUnder })),
        ...(all.length > limit && last ? { lastKey: { id: last.record.id } } : {}),
      };
    },
    async relist(record, listing, standardsVersion) {
      calls.relists++;
      if (item.version !== standardsVersion) return 'standards-changed';
      const stored = episodes.get(record.id);
      if (!stored || stored.record.version !== record.version) return 'moved-on';
      Object.assign(stored, { listedUnder: listing.basis, sortOn: listing.sortOn });
      return 'relisted';
    },
    async saveRelisting(version, state) {
      calls.saves++;
      if (item.version !== version) return false;
      const { relisting: _done, ...rest } = item;
      item = state ? { ...rest, relisting: state } : rest;
      return true;
    },
  };
  return {
    store,
    calls,
    episodes,
    relisting: () => item.relisting,
    change: (changes: Item) => {
      item = { ...item, ...changes };
    },
  };
}

function relistingAt(memory: ReturnType<typeof memoryStore>, clock: { now: string }) {
  const run = createRelisting({
    store: memory.store,
    clock: () => new Date(clock.now),
    logger: silentLogger,
  });
  return (budget: RelistBudget = { pages: 100, ms: 60_000 }) => run(budget);
}

describe('re-listing after a change of standards', () => {
  it('does nothing, and reads no episode, when no change is waiting to be re-listed', async () => {
    const memory = memoryStore(3);
    memory.change({ relisting: undefined });
    const run = relistingAt(memory, { now: CHANGED_AT });
    expect(await run()).toEqual({ relisted: 0, done: true });
    expect(memory.calls).toEqual({ pages: 0, relists: 0, saves: 0 });
  });

  it('rewrites each episode listed under other standards, and only those', async () => {
    const memory = memoryStore(5);
    const fresh = memory.episodes.get(idOf(2));
    // Listed under the new standards already, by a write since the change.
    if (fresh) Object.assign(fresh, { listedUnder: standardsBasis(SHORT_LEAD), sortOn: '2026-06-03' });
    const run = relistingAt(memory, { now: CHANGED_AT });
    expect(await run()).toEqual({ relisted: 4, done: false });
    expect(memory.calls.relists).toBe(4);
    for (const { listedUnder, sortOn } of memory.episodes.values()) {
      expect(listedUnder).toBe('2-20-5-30');
      expect(sortOn).toBe('2026-06-03');
    }
  });

  it('is not finished by a pass begun before every instance has the new standards, but by the next', async () => {
    const memory = memoryStore(3);
    const clock = { now: CHANGED_AT };
    const run = relistingAt(memory, clock);
    expect(await run()).toEqual({ relisted: 3, done: false });
    expect(memory.relisting()).toEqual({ after: AFTER });
    clock.now = AFTER;
    expect(await run()).toEqual({ relisted: 0, done: true });
    expect(memory.relisting()).toBeUndefined();
  });

  it('stops at its budget and resumes where it stopped, finishing with a whole pass begun after the change settled', async () => {
    const memory = memoryStore(250);
    const clock = { now: CHANGED_AT };
    const run = relistingAt(memory, clock);
    expect(await run({ pages: 1, ms: 60_000 })).toEqual({ relisted: 100, done: false });
    expect(memory.relisting()).toEqual({ after: AFTER, startKey: { id: idOf(99) }, passFrom: CHANGED_AT });

    clock.now = '2026-06-04T11:00:00.000Z';
    // The rest of the first pass, then a second from the start: nothing left to rewrite in it.
    expect(await run({ pages: 3, ms: 60_000 })).toEqual({ relisted: 150, done: false });
    expect(memory.relisting()).toEqual({ after: AFTER, startKey: { id: idOf(99) }, passFrom: clock.now });
    expect(await run({ pages: 3, ms: 60_000 })).toEqual({ relisted: 0, done: true });
    expect(memory.calls.pages).toBe(6);
    expect([...memory.episodes.values()].every((e) => e.listedUnder === '2-20-5-30')).toBe(true);
  });

  it('leaves an episode that moved on since it was read: that write listed it afresh', async () => {
    const memory = memoryStore(2);
    const original = memory.store.openEpisodes;
    memory.store.openEpisodes = async (options) => {
      const page = await original(options);
      const moved = memory.episodes.get(idOf(0));
      if (moved) moved.record = { ...moved.record, version: 2 };
      return page;
    };
    expect(await relistingAt(memory, { now: CHANGED_AT })()).toEqual({ relisted: 1, done: false });
    expect(memory.episodes.get(idOf(0))?.listedUnder).toBe('5-20-5-30');
  });

  it('stops, saving nothing, once the standards change again: the newer change re-lists from the start', async () => {
    const memory = memoryStore(30);
    const original = memory.store.relist;
    memory.store.relist = async (...args) => {
      memory.change({ version: 3, relisting: { after: '2026-06-04T12:00:00.000Z' } });
      return original(...args);
    };
    const outcome = await relistingAt(memory, { now: CHANGED_AT })();
    expect(outcome.done).toBe(false);
    expect(memory.calls.relists).toBe(10);
    expect(memory.calls.saves).toBe(0);
    expect(memory.relisting()).toEqual({ after: '2026-06-04T12:00:00.000Z' });
  });
});

describe('an episode’s listing', () => {
  it('sorts it by its running timer under the standards given, and names them', () => {
    const record = openRecord(idOf(1));
    expect(listingOf(record, DEFAULT_STANDARDS)).toMatchObject({
      sortOn: '2026-06-08',
      basis: '5-20-5-30',
      summary: { running: { kind: 'lead', dueOn: '2026-06-08' } },
    });
    expect(listingOf(record, SHORT_LEAD)).toMatchObject({ sortOn: '2026-06-03', basis: '2-20-5-30' });
  });
});
