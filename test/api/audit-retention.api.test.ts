import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDirectoryStore } from '../../functions/directory/store.ts';
import { auditEntityPartition, createAuditWriter } from '../../functions/platform/audit.ts';
import { createTestStore, type TestStore } from '../support/store.ts';

/**
 * The audit trail's retention, against the real store: each entry carries its own expiry (the audit
 * table's TTL), seven years after it was written unless the partnership sets another, and the trail
 * a reader is shown does not carry it.
 */
let store: TestStore;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.drop());

const event = (id: string) => ({
  action: 'referral.read',
  entity: { type: 'referral', id },
  outcome: 'allowed' as const,
  actor: { userId: 'u-1', roles: ['triage' as const], agencyId: 'northshire-front-door' },
  requestId: `req-${id}`,
});

async function storedExpiry(id: string): Promise<number> {
  const directory = createDynamoDirectoryStore(store.db, store.tables.directory, store.tables.audit);
  const page = await directory.auditTrail({ type: 'referral', id }, { limit: 5 });
  expect(page.items).toHaveLength(1);
  // What a reader of the trail is shown says nothing of the expiry.
  expect(page.items[0]).not.toHaveProperty('expiresAt');
  const raw = await store.db.send(
    new GetCommand({
      TableName: store.tables.audit,
      Key: {
        pk: auditEntityPartition({ type: 'referral', id }),
        sk: `${page.items[0]?.at}#${page.items[0]?.id}`,
      },
    }),
  );
  return raw.Item?.expiresAt as number;
}

describe('how long the audit trail is kept', () => {
  it('gives each entry an expiry seven years after it was written', async () => {
    const at = new Date('2026-12-04T10:00:00.000Z');
    await createAuditWriter(store.db, store.tables.audit, () => at).append(event('seven-years'));
    expect(await storedExpiry('seven-years')).toBe(Date.parse('2033-12-04T10:00:00.000Z') / 1000);
  });

  it('keeps it as long as the partnership sets', async () => {
    const at = new Date('2024-02-29T08:30:00.000Z');
    await createAuditWriter(store.db, store.tables.audit, () => at, { retentionYears: 10 }).append(
      event('ten-years'),
    );
    // 29 February 2034 does not exist: the entry is kept to 1 March.
    expect(await storedExpiry('ten-years')).toBe(Date.parse('2034-03-01T08:30:00.000Z') / 1000);
  });
});
