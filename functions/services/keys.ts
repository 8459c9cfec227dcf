import { DISTRICT_IDS, type District, kilometresBetween } from '../../shared/services/districts.ts';
import { searchText } from '../../shared/services/rules.ts';
import type { ServiceFields } from '../../shared/services/schema.ts';

/**
 * Every key of the services table, made and read here only.
 *
 * - One entry: `SERVICE#<id> / SERVICE`. On it, its owner's list (gsi1 `OWNER#<agencyId>`) and the
 *   partnership's list of every entry (gsi2 `EVERY`), both sorted `<lastCheckedOn>#<id>`, so the
 *   longest unchecked (the check-due) come first.
 * - A published entry's listing, for search: small items (the entry's id, the version they were
 *   written for and the attributes a search filters on, the districts covered among them), each
 *   sorted `<name>#<id>`, in partitions a search reads with one Query each, never a Scan:
 *     `LIST#ALL`; `LIST#N#<need>` for each need it meets;
 *     `LIST#B#<base district>` and `LIST#N#<need>#B#<base district>`, where it is delivered from.
 *   A search near a district reads the base districts' partitions nearest first (every entry in one
 *   is the same distance away), so `Query … Limit` gives the nearest first; coverage is a filter.
 *   An entry has 2 + 2 × needs listing items, so a write and its whole listing fit one transaction.
 *   Its sort key is the same in every partition, so a search of several needs merges them in one
 *   order and meets a service listed under two needs side by side.
 */
type Key = { pk: string; sk: string };

export const serviceKey = (id: string): Key => ({ pk: `SERVICE#${id}`, sk: 'SERVICE' });

/** Oldest check first, so check-due entries lead an editor's list. */
const checkedOrder = (lastCheckedOn: string, id: string) => `${lastCheckedOn}#${id}`;

export const ownerPartition = (agencyId: string) => `OWNER#${agencyId}`;
export const EVERY_PK = 'EVERY';

export const listKeys = (service: { id: string; ownerAgencyId: string; lastCheckedOn: string }) => ({
  gsi1pk: ownerPartition(service.ownerAgencyId),
  gsi1sk: checkedOrder(service.lastCheckedOn, service.id),
  gsi2pk: EVERY_PK,
  gsi2sk: checkedOrder(service.lastCheckedOn, service.id),
});

/** A listing partition a search reads, and what its place in the merged order starts with. */
export interface ListingScope {
  pk: string;
  /** The distance from the district searched for, `ddd#`, when ordered by it; else empty. */
  prefix: string;
}

const kilometres = (base: District, district: District) =>
  `${String(kilometresBetween(base, district)).padStart(3, '0')}#`;

/** Which listing partitions a search reads: with a district, one per base district (and need). */
export function searchScopes(needs: readonly string[], district: District | undefined): ListingScope[] {
  if (district) {
    const wanted = needs.length ? needs : [undefined];
    return wanted.flatMap((need) =>
      DISTRICT_IDS.map((base) => ({
        pk: need ? needBasePartition(need, base) : basePartition(base),
        prefix: kilometres(base, district),
      })),
    );
  }
  if (needs.length) return needs.map((need) => ({ pk: needPartition(need), prefix: '' }));
  return [{ pk: ALL_PK, prefix: '' }];
}

const needPartition = (need: string) => `LIST#N#${need}`;
const basePartition = (base: District) => `LIST#B#${base}`;
const needBasePartition = (need: string, base: District) => `LIST#N#${need}#B#${base}`;
export const ALL_PK = 'LIST#ALL';

/** The name as sorted: folded, so "Árbol" sorts with "arbol", and short enough for a key. */
const nameOrder = (fields: ServiceFields) => searchText(fields.name).slice(0, 80);

/** Every listing key of a published entry with these fields. */
export function listingKeys(id: string, fields: ServiceFields): Key[] {
  const sk = `${nameOrder(fields)}#${id}`;
  const keys: Key[] = [
    { pk: ALL_PK, sk },
    { pk: basePartition(fields.baseDistrict), sk },
  ];
  for (const need of new Set(fields.needs)) {
    keys.push({ pk: needPartition(need), sk });
    keys.push({ pk: needBasePartition(need, fields.baseDistrict), sk });
  }
  return keys;
}

/** The key a search resumes after, in one of its partitions (the cursor holds only its place). */
export const resumeKey = (partition: string, after: string): Key => ({ pk: partition, sk: after });

/** Where a listing item stands in its partition's order. */
export const listingPosition = (item: Record<string, unknown>) => String(item.sk);
