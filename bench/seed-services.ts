import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { publishedServiceItems } from '../functions/services/store.ts';
import { illustrativeFramework } from '../infra/seed/guidance-framework.ts';
import { DISTRICT_IDS } from '../shared/services/districts.ts';
import { ACCESS_ROUTES, SERVICE_LEVELS } from '../shared/services/labels.ts';
import type { Service, ServiceFields } from '../shared/services/schema.ts';
import { type BulkWriteOptions, type BulkWriteResult, bulkWrite } from './lib/bulk-write.ts';
import { DAY, mulberry32 } from './lib/synthetic.ts';

/**
 * Bulk synthetic published services for the scale benchmark: each entry's items are the services
 * store's own (`publishedServiceItems`: the entry and its whole search listing), written with
 * BatchWriteItem, so search reads exactly what the API would have left. Names, needs, levels, ages,
 * districts and access are drawn from a seeded generator, so every run seeds the same directory.
 */

const NEEDS = illustrativeFramework.domains.flatMap((d) => d.subDomains.map((s) => s.id));
const KINDS = ['family hub', 'drop-in', 'group', 'helpline', 'club', 'clinic', 'advice service'];
const PLACES = ['Ashgrove', 'Fenwick Moor', 'Harbourside', 'Oldcastle', 'Saltmarsh', 'Highfold'];

function pick<T>(random: () => number, from: readonly T[]): T {
  return from[Math.floor(random() * from.length)] as T;
}

/** Up to `most` different members of `from`, at least one. */
function some<T>(random: () => number, from: readonly T[], most: number): T[] {
  const n = 1 + Math.floor(random() * most);
  return [...new Set(Array.from({ length: n }, () => pick(random, from)))];
}

/** Synthetic service n of a batch: published, checked within the last six months. */
export function syntheticService(n: number, batch: number, now: Date): Service {
  const random = mulberry32(batch * 1_000_003 + n);
  const place = pick(random, PLACES);
  const from = Math.floor(random() * 12);
  const wholeCounty = random() < 0.3;
  const base = pick(random, DISTRICT_IDS);
  const fields: ServiceFields = {
    name: `${place} ${pick(random, KINDS)} ${batch}-${n}`,
    provider: { name: `${place} Community Trust` },
    summary: 'A synthetic service written by the benchmark to fill the directory: it reaches no one.',
    needs: some(random, NEEDS, 3),
    levels: some(random, SERVICE_LEVELS, 2).sort(),
    ages: { from, to: Math.min(25, from + 2 + Math.floor(random() * 12)) },
    area: {
      wholeCounty,
      districts: wholeCounty ? [] : [...new Set([base, ...some(random, DISTRICT_IDS, 3)])],
    },
    baseDistrict: base,
    cost: { free: random() < 0.7 },
    access: some(random, ACCESS_ROUTES, 2),
    contact: { howToRefer: 'Ring the synthetic number.', phone: '01632 960 999' },
    openingTimes: 'Monday to Friday, 9am to 5pm',
    languages: ['English'],
  };
  const at = new Date(now.getTime() - Math.floor(random() * 150) * DAY).toISOString();
  return {
    id: `BENCHSVC${batch}${String(n).padStart(8, '0')}`,
    fields,
    status: 'published',
    ownerAgencyId: 'northshire-partnership',
    lastCheckedOn: at.slice(0, 10),
    lastCheckedBy: { userId: 'bench-seeder', name: 'Bench Seeder' },
    publishedAt: at,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

export async function seedServices(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: { count: number; batch: number; now: Date },
  write: BulkWriteOptions,
): Promise<BulkWriteResult> {
  return bulkWrite(
    db,
    tableName,
    options.count,
    (n) => publishedServiceItems(syntheticService(n, options.batch, options.now)),
    { ...write, chunk: 4 },
  );
}
