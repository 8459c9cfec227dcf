import { standardsBasis } from '../../shared/early-help/standards.ts';
import type { Logger } from '../platform/logger.ts';
import { listingOf } from './records.ts';
import { currentStandardsOf, type RelistingState, STANDARDS_MAX_AGE_MS } from './standards-source.ts';
import type { EarlyHelpStore } from './store.ts';

/**
 * Re-listing: after the board changes the standards, every open episode's stored list row and sort
 * keys (the running timer's due date, on its own item and its agencies' items) are worked out again
 * under the new ones, so the front door's overdue list and every agency's list follow the change.
 * Views work the timers out on every read already; only what the lists sort by is stored.
 *
 * It pages through the front door's open list and rewrites each episode listed under other
 * standards, while the episode is still at the version read (a write since listed it afresh). The
 * change's own request does what its budget allows; the scheduled drift-alarm run does the rest.
 * Other instances may keep the old standards for up to a minute and list an episode under them, so
 * the re-listing is finished only by a whole pass begun after `after`. Counters already written
 * stay as they are: a change of standards applies from then on.
 */

/** When a change's re-listing may finish: every instance has read the standards again by then. */
export const settledAfter = (changedAt: string) =>
  new Date(Date.parse(changedAt) + 2 * STANDARDS_MAX_AGE_MS).toISOString();

/** How much one run may do: pages of the open list, and milliseconds. */
export interface RelistBudget {
  pages: number;
  ms: number;
}
/** What the change's own request may spend, inside the API's time limit. */
export const IN_REQUEST_BUDGET: RelistBudget = { pages: 10, ms: 1500 };
/** What the hourly run may spend before it sends the alarms, inside the function's time limit. */
export const SCHEDULED_BUDGET: RelistBudget = { pages: 200, ms: 4000 };

const PAGE_SIZE = 100;
/** Episodes rewritten side by side. */
const AT_ONCE = 10;

export interface RelistOutcome {
  /** Episodes whose lists were re-sorted by this run. */
  relisted: number;
  /** Nothing is left to re-list. */
  done: boolean;
}

export function createRelisting(deps: {
  store: Pick<EarlyHelpStore, 'standards' | 'openEpisodes' | 'relist' | 'saveRelisting'>;
  clock: () => Date;
  logger: Logger;
}) {
  const { store, clock, logger } = deps;
  return async (budget: RelistBudget): Promise<RelistOutcome> => {
    const started = performance.now();
    const current = currentStandardsOf(await store.standards(), logger);
    const state = current.relisting;
    if (!state) return { relisted: 0, done: true };
    const basis = standardsBasis(current.standards);
    let { startKey, passFrom } = state;
    let relisted = 0;
    const finish = async (next: RelistingState | null): Promise<RelistOutcome> => {
      await store.saveRelisting(current.version, next);
      logger.log('info', 'early-help episodes re-listed', { relisted, done: next === null });
      return { relisted, done: next === null };
    };

    for (let pages = 0; pages < budget.pages && performance.now() - started < budget.ms; pages++) {
      passFrom ??= clock().toISOString();
      const page = await store.openEpisodes({ limit: PAGE_SIZE, startKey });
      const stale = page.items.filter((e) => e.listedUnder !== basis);
      for (let i = 0; i < stale.length; i += AT_ONCE) {
        const outcomes = await Promise.all(
          stale
            .slice(i, i + AT_ONCE)
            .map(({ record }) => store.relist(record, listingOf(record, current.standards), current.version)),
        );
        relisted += outcomes.filter((o) => o === 'relisted').length;
        // Changed again meanwhile: the newer change's re-listing starts over, and this one stops.
        if (outcomes.includes('standards-changed')) return { relisted, done: false };
      }
      startKey = page.lastKey;
      if (startKey) continue;
      if (passFrom >= state.after) return finish(null);
      // A whole pass, but begun while another instance could still list under the old standards.
      passFrom = undefined;
      if (clock().toISOString() < state.after) break;
    }
    return finish({ after: state.after, ...(startKey && passFrom ? { startKey, passFrom } : {}) });
  };
}
