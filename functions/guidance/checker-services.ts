import {
  type CheckerServices,
  type CheckerServicesSearch,
  checkerService,
  findMoreHref,
  SERVICES_LISTED,
  searchFilters,
} from '../../shared/guidance/checker-services.ts';
import type { Logger } from '../platform/logger.ts';
import type { ServicesSource } from '../platform/services-source.ts';

/**
 * The services a level 1 or 2 answer names, from the public directory search. The answer must stand
 * without them: a directory that fails, or is slow, gives "could not be listed", never a failed answer.
 */

/** Longer than the directory's search takes when it is well; short of the function's own time limit. */
export const SERVICES_WAIT_MS = 3000;

class DirectoryTooSlow extends Error {
  override readonly name = 'DirectoryTooSlow';
}

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DirectoryTooSlow('The services directory did not answer in time')),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function servicesForAnswer(
  source: ServicesSource | undefined,
  search: CheckerServicesSearch,
  logger: Logger,
): Promise<CheckerServices> {
  const more = { district: search.district, findMoreHref: findMoreHref(search) };
  if (!source) return { state: 'unavailable', ...more };
  try {
    const matches = await withinTime(source.search(searchFilters(search), SERVICES_LISTED), SERVICES_WAIT_MS);
    return { state: 'listed', items: matches.slice(0, SERVICES_LISTED).map(checkerService), ...more };
  } catch (error) {
    // The error's name only: a message could echo the search, and the search names a child's needs.
    logger.log('warn', 'services directory unavailable to the checker', {
      error: error instanceof Error ? error.name : 'unknown',
    });
    return { state: 'unavailable', ...more };
  }
}
