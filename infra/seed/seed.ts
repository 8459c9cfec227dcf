import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { seedMarkerKey } from '../../functions/directory/keys.ts';
import { createDynamoDirectoryStore } from '../../functions/directory/store.ts';
import { createDynamoGuidanceStore } from '../../functions/guidance/store.ts';
import { createAuditWriter } from '../../functions/platform/audit.ts';
import type { Agency } from '../../shared/directory/schema.ts';
import type { EditorRef, GuidanceVersion } from '../../shared/guidance/schema.ts';
import type { TableNames } from '../local/tables.ts';
import { seedDemoActivity } from './demo-activity.ts';
import { DEMO_AGENCIES, DEMO_USERS } from './demo-data.ts';
import { seedDemoEpisodes } from './demo-episodes.ts';
import { seedDemoServices } from './demo-services.ts';
import { illustrativeFramework } from './guidance-framework.ts';

/** Bump when the demo data changes shape, so an old local store is seeded again. */
const SEED_MARKER = seedMarkerKey('demo-v4');
/**
 * A store seeded at an earlier version has that version's records already (made with keys a second
 * run could not reuse): it is given only what came since. demo-v2 had the referrals and the plan,
 * demo-v3 the early-help episodes; demo-v4 adds the services directory.
 */
const ACTIVITY_MARKER = seedMarkerKey('demo-v2');
const EPISODES_MARKER = seedMarkerKey('demo-v3');

/** A demo guidance editor as a version records them. */
function editorRef(username: string): EditorRef {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`No demo user ${username}`);
  return { id: user.sub, name: user.name };
}

/**
 * Seeds the synthetic demo data once: the agencies and the first published guidance. It goes through
 * the same store code the functions use, audited as the system, so the data is what the API would write.
 * Returns false when the store was already seeded.
 */
export async function seedDemoData(
  db: DynamoDBDocumentClient,
  tables: TableNames,
  options: { clock?: () => Date; progress?: (line: string) => void; activity?: boolean } = {},
): Promise<boolean> {
  const clock = options.clock ?? (() => new Date());
  const progress = options.progress ?? (() => {});
  const { Item } = await db.send(new GetCommand({ TableName: tables.directory, Key: SEED_MARKER }));
  if (Item) return false;

  const audit = createAuditWriter(db, tables.audit, clock);
  const seedEvent = (type: string, id: string) =>
    audit.putItem({
      action: `${type}.seed`,
      entity: { type, id },
      outcome: 'allowed',
      actor: null,
      requestId: 'seed',
    });

  const directory = createDynamoDirectoryStore(db, tables.directory, tables.audit);
  const now = clock().toISOString();
  for (const [i, demo] of DEMO_AGENCIES.entries()) {
    progress(`  agencies ${i + 1}/${DEMO_AGENCIES.length}`);
    if (await directory.getAgency(demo.id)) continue;
    const agency: Agency = { ...demo, active: true, createdAt: now, updatedAt: now, version: 1 };
    await directory.createAgency(agency, seedEvent('agency', agency.id));
  }

  progress('  threshold guidance, version 1');
  const guidance = createDynamoGuidanceStore(db, tables.guidance);
  if (!(await guidance.version(1))) {
    const first: GuidanceVersion = {
      version: 1,
      status: 'published',
      framework: illustrativeFramework,
      changeSummary: 'First version of the illustrative threshold guidance.',
      effectiveFrom: '2026-04-01',
      publishedAt: now,
      publishedBy: 'Northshire Safeguarding Partnership',
      // Signed off as every version is: drafted by one guidance editor, approved by a second.
      editedBy: [editorRef('tom')],
      approvedBy: editorRef('femi'),
      approvedAt: now,
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    await guidance.putPublished(first, seedEvent('guidance', '1'));
  }

  if (options.activity !== false) {
    // The directory first: the front door's signposting decisions name its services.
    await seedDemoServices(db, tables, { now: clock(), progress });
    const earlier = await db.send(new GetCommand({ TableName: tables.directory, Key: ACTIVITY_MARKER }));
    if (!earlier.Item) {
      progress('  referrals and the board’s plan');
      await seedDemoActivity(db, tables, { now: clock(), progress });
    }
    const episodes = await db.send(new GetCommand({ TableName: tables.directory, Key: EPISODES_MARKER }));
    if (!episodes.Item) await seedDemoEpisodes(db, tables, { now: clock(), progress });
  }

  await db.send(new PutCommand({ TableName: tables.directory, Item: { ...SEED_MARKER, seededAt: now } }));
  return true;
}
