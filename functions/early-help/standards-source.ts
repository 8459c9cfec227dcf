import { STANDARDS_SHAPE } from '../../shared/early-help/schema.ts';
import { DEFAULT_STANDARDS, type EarlyHelpStandards } from '../../shared/early-help/standards.ts';
import * as z from '../../shared/platform/zod.ts';
import type { Logger } from '../platform/logger.ts';
import type { StoreKey } from '../platform/pagination.ts';
import type { Item } from '../platform/table.ts';
import type { EarlyHelpStore } from './store.ts';

/** How long an instance keeps the standards it read before it reads them again. */
export const STANDARDS_MAX_AGE_MS = 60_000;

/**
 * How far re-listing the open episodes under changed standards has got (relisting.ts). `after`:
 * once every instance has surely dropped the standards it kept (a write listing an episode under
 * the old ones may land until then), so only a pass begun after it finishes the re-listing.
 */
export interface RelistingState {
  after: string;
  /** Where the pass under way is up to in the front door's open list, and when it began. */
  startKey?: StoreKey;
  passFrom?: string;
}

/** The standards as stored: their version (0: none set, the defaults apply) and the re-listing under way. */
export interface CurrentStandards {
  standards: EarlyHelpStandards;
  version: number;
  changedAt?: string;
  relisting?: RelistingState;
}

const StoredStandards = z.object(STANDARDS_SHAPE);
const StoredVersion = z.object({
  version: z.int().check(z.positive()),
  changedAt: z.optional(z.iso.datetime()),
});
const StoredRelisting = z.object({
  relisting: z.object({
    after: z.iso.datetime(),
    startKey: z.optional(z.record(z.string(), z.unknown())),
    passFrom: z.optional(z.iso.datetime()),
  }),
});

/**
 * The standards item read: its standards where they are sound, the defaults otherwise (a broken
 * item is logged, never a reason to stop the timers); its version, so the board's next change can
 * replace even a broken one.
 */
export function currentStandardsOf(item: Item | undefined, logger: Logger): CurrentStandards {
  if (!item) return { standards: DEFAULT_STANDARDS, version: 0 };
  const standards = z.safeParse(StoredStandards, item);
  if (!standards.success)
    logger.log('warn', 'the early-help standards item is not sound: the defaults apply', {});
  const stamp = z.safeParse(StoredVersion, item);
  const relisting = z.safeParse(StoredRelisting, item);
  return {
    standards: standards.success ? standards.data : DEFAULT_STANDARDS,
    version: stamp.success ? stamp.data.version : 0,
    ...(stamp.success && stamp.data.changedAt ? { changedAt: stamp.data.changedAt } : {}),
    ...(relisting.success ? { relisting: relisting.data.relisting as RelistingState } : {}),
  };
}

/** The standards every timer is worked out by, kept a while; the current item on demand. */
export interface StandardsSource {
  (): Promise<EarlyHelpStandards>;
  /** The standards item read now, with its version (the kept standards are refreshed from it). */
  current(): Promise<CurrentStandards>;
  /** Drops the kept standards: this instance changed them, so its next read must not be the old ones. */
  invalidate(): void;
}

/**
 * The partnership's standards: the early-help table's standards item where one is set and sound,
 * the defaults otherwise. Kept for a minute, so a read of an episode rarely waits on it.
 */
export function createStandardsSource(
  store: Pick<EarlyHelpStore, 'standards'>,
  clock: () => Date,
  logger: Logger,
  maxAgeMs = STANDARDS_MAX_AGE_MS,
): StandardsSource {
  let cached: { at: number; standards: EarlyHelpStandards } | undefined;
  const current = async () => {
    const read = currentStandardsOf(await store.standards(), logger);
    cached = { at: clock().getTime(), standards: read.standards };
    return read;
  };
  const source = async () => {
    const now = clock().getTime();
    if (cached && now - cached.at < maxAgeMs && now >= cached.at) return cached.standards;
    return (await current()).standards;
  };
  return Object.assign(source, {
    current,
    invalidate: () => {
      cached = undefined;
    },
  });
}
