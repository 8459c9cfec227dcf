import {
  DEFAULT_STANDARDS,
  type EarlyHelpStandards,
  STANDARD_MAX_WORKING_DAYS,
  STANDARD_MIN_WORKING_DAYS,
} from '../../shared/early-help/standards.ts';
import * as z from '../../shared/platform/zod.ts';
import type { Logger } from '../platform/logger.ts';
import type { EarlyHelpStore } from './store.ts';

const days = z.int().check(z.minimum(STANDARD_MIN_WORKING_DAYS), z.maximum(STANDARD_MAX_WORKING_DAYS));
const StoredStandards = z.object({
  leadWithinWorkingDays: days,
  assessmentWithinWorkingDays: days,
  planWithinWorkingDays: days,
  reviewEveryWorkingDays: days,
});

/**
 * The partnership's standards: the early-help table's standards item where one is set and sound,
 * the defaults otherwise (a broken item is logged, never a reason to stop the timers). Kept for a
 * minute, so a read of an episode rarely waits on it.
 */
export function createStandardsSource(
  store: Pick<EarlyHelpStore, 'standards'>,
  clock: () => Date,
  logger: Logger,
  maxAgeMs = 60_000,
): () => Promise<EarlyHelpStandards> {
  let cached: { at: number; standards: EarlyHelpStandards } | undefined;
  return async () => {
    const now = clock().getTime();
    if (cached && now - cached.at < maxAgeMs && now >= cached.at) return cached.standards;
    const item = await store.standards();
    let standards = DEFAULT_STANDARDS;
    if (item) {
      const parsed = z.safeParse(StoredStandards, item);
      if (parsed.success) standards = parsed.data;
      else logger.log('warn', 'the early-help standards item is not sound: the defaults apply', {});
    }
    cached = { at: now, standards };
    return standards;
  };
}
