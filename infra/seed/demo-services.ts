import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAuditWriter } from '../../functions/platform/audit.ts';
import { createDynamoServiceStore } from '../../functions/services/store.ts';
import type { Service, ServiceView } from '../../shared/services/schema.ts';
import type { TableNames } from '../local/tables.ts';
import { DEMO_USERS } from './demo-data.ts';
import { CHILD_SERVICES } from './demo-services-children.ts';
import { FAMILY_SERVICES } from './demo-services-families.ts';
import type { DemoService } from './demo-services-spec.ts';
import { createSeedCaller, type SeedCaller } from './seed-caller.ts';

export type { DemoService } from './demo-services-spec.ts';

/**
 * The demo services directory: made-up early-help services across every need in the seeded guidance
 * and levels 1 to 3, some checked long enough ago that their check is due, one or two not published.
 */
export const DEMO_SERVICES: readonly DemoService[] = [...CHILD_SERVICES, ...FAMILY_SERVICES];

const HOUR = 3_600_000;

/** The directory editor who keeps an entry: the provider's own, or else the partnership's. */
function editorFor(service: DemoService): string {
  const editors = DEMO_USERS.filter((u) => u.roles.includes('directory-editor'));
  const own = editors.find((u) => u.agencyId === service.fields.provider.agencyId);
  const partnership = editors.find((u) => u.agencyId === 'northshire-partnership');
  const editor = own ?? partnership;
  if (!editor) throw new Error('No demo directory editor at the partnership');
  return editor.username;
}

/** `months` calendar months before `from`, less a few hours so entries are not all made at once. */
function monthsBefore(from: Date, months: number, n: number): number {
  const at = new Date(from);
  at.setUTCMonth(at.getUTCMonth() - months);
  return at.getTime() - (1 + (n % 20)) * HOUR;
}

async function seedOne(
  seed: SeedCaller,
  markIllustrative: (saved: ServiceView) => Promise<Service>,
  demo: DemoService,
  n: number,
): Promise<void> {
  const as = editorFor(demo);
  // Made (and so last checked) that long ago: the check-due flag is what the API works out today.
  seed.at(monthsBefore(seed.realNow, demo.checkedMonthsAgo, n));
  const draft = await seed.call<ServiceView>(as, 'POST', '/api/services', demo.fields);
  let saved: { id: string; version: number } = await markIllustrative(draft);
  const change = async (action: 'publish' | 'unpublish') => {
    saved = await seed.call<ServiceView>(as, 'POST', `/api/services/${saved.id}/${action}`, undefined, {
      'if-match': `"${saved.version}"`,
    });
  };
  if (demo.status === 'draft') return;
  seed.at(seed.now().getTime() + 10 * 60_000);
  await change('publish');
  if (demo.status === 'unpublished') {
    seed.at(seed.now().getTime() + 24 * HOUR);
    await change('unpublish');
  }
}

/**
 * Creates the demo directory through the services API as its directory editors would, each entry on
 * the seed's clock at the time it was last checked. The API takes no "illustrative" flag from an
 * editor (no real entry should carry it), so the seed sets it on each new draft through the store,
 * audited as the system, as the other seeded records are.
 */
export async function seedDemoServices(
  db: DynamoDBDocumentClient,
  tables: TableNames,
  options: { now?: Date; progress?: (line: string) => void } = {},
): Promise<void> {
  const progress = options.progress ?? (() => {});
  const seed = await createSeedCaller(db, tables, options.now ?? new Date());
  const store = createDynamoServiceStore(db, tables.services);
  const audit = createAuditWriter(db, tables.audit, () => seed.now());
  const markIllustrative = async (draft: ServiceView): Promise<Service> => {
    const stored = await store.get(draft.id);
    if (!stored) throw new Error(`Seeding: the new service ${draft.id} is not in the store`);
    const next: Service = {
      ...stored.service,
      illustrative: true,
      updatedAt: seed.now().toISOString(),
      version: stored.service.version + 1,
    };
    await store.save(
      next,
      stored,
      audit.putItem({
        action: 'service.seed',
        entity: { type: 'service', id: next.id },
        outcome: 'allowed',
        actor: null,
        requestId: 'seed',
        detail: 'marked illustrative',
      }),
    );
    return next;
  };
  for (const [n, demo] of DEMO_SERVICES.entries()) {
    progress(`  directory services ${n + 1}/${DEMO_SERVICES.length}`);
    await seedOne(seed, markIllustrative, demo, n);
  }
  seed.at(seed.realNow.getTime());
}
