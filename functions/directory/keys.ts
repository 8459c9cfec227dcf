import { confusableSkeleton } from '../../shared/platform/confusables.ts';

/**
 * The directory table's keys, but for the agency and person items every function reads for access,
 * whose keys are the platform's (functions/platform/access.ts: agencies are `AGENCY / AGENCY#<id>`,
 * listed by one Query on pk). Each agency's name is claimed by `AGENCYNAME#<normalised name>` so two
 * agencies cannot share a name.
 */

/** Names that look the same claim the same key: case, spacing, invisible characters and look-alike letters aside. */
export function normaliseName(name: string): string {
  return confusableSkeleton(name);
}

export const agencyNameKey = (name: string) => ({ pk: `AGENCYNAME#${normaliseName(name)}`, sk: 'NAME' });

/** A key that is never written, read to see that the table answers. */
export const PING_KEY = { pk: 'HEALTH', sk: 'PING' } as const;

/** The marker the demo seed leaves once it has run (infra/seed/seed.ts), by the version of the data. */
export const seedMarkerKey = (version: string) => ({ pk: 'SEED', sk: version });
