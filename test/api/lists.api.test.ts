import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionSummary } from '../../shared/board.ts';
import type { ReferralSummary } from '../../shared/referral.ts';
import { createTestApi, type TestApi } from '../support/api.ts';

/**
 * The referral and board lists of the skeleton: each one Query on the index designed for it, and a
 * referrer never sees another agency's referral. Items are written as the referrals issue will write them.
 */
let api: TestApi;

const referral = (id: string, agencyId: string, due: string) => ({
  pk: `REFERRAL#${id}`,
  sk: 'REFERRAL',
  gsi1pk: `AGENCY#${agencyId}`,
  gsi1sk: `2026-11-20T09:00:00.000Z#${id}`,
  gsi2pk: 'QUEUE#OPEN',
  gsi2sk: `${due}#${id}`,
  id,
  reference: `EH-2026-${id.padStart(6, '0')}`,
  status: 'submitted',
  agencyId,
  submittedAt: '2026-11-20T09:00:00.000Z',
  decisionDueAt: due,
  updatedAt: '2026-11-20T09:00:00.000Z',
});

beforeAll(async () => {
  api = await createTestApi();
  await api.store.db.send(
    new BatchWriteCommand({
      RequestItems: {
        [api.store.tables.referrals]: [
          referral('1', 'brookfield-primary', '2026-11-23T09:00:00.000Z'),
          referral('2', 'northshire-police', '2026-11-21T09:00:00.000Z'),
          referral('3', 'brookfield-primary', '2026-11-24T09:00:00.000Z'),
        ].map((Item) => ({ PutRequest: { Item } })),
        [api.store.tables.board]: [
          {
            pk: 'ACTION#a1',
            sk: 'ACTION',
            gsi1pk: 'PLAN',
            gsi1sk: '2027-01-31#a1',
            id: 'a1',
            reference: 'BA-001',
            title: 'Joint commissioning of early help for exploitation',
            status: 'in_progress',
            rag: 'amber',
            dueDate: '2027-01-31',
            ownerAgencyIds: ['northshire-council'],
            updatedAt: '2026-11-01T10:00:00.000Z',
          },
        ].map((Item) => ({ PutRequest: { Item } })),
      },
    }),
  );
});
afterAll(async () => api.close());

const ids = async (res: Response) =>
  ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);

describe('GET /api/referrals', () => {
  it("shows a referrer their own agency's referrals only, newest first", async () => {
    const res = await api.request('GET', '/api/referrals', { as: 'amira' });
    expect(res.status).toBe(200);
    expect((await ids(res)).sort()).toEqual(['1', '3']);
    expect(await ids(await api.request('GET', '/api/referrals', { as: 'dan' }))).toEqual(['2']);
  });

  it('shows the front door every open referral, the soonest due first', async () => {
    const res = await api.request('GET', '/api/referrals', { as: 'grace' });
    expect(await ids(res)).toEqual(['2', '1', '3']);
  });

  it('carries no child details in the list', async () => {
    const res = await api.request('GET', '/api/referrals', { as: 'grace' });
    const { items } = (await res.json()) as { items: ReferralSummary[] };
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(
      ['agencyId', 'decisionDueAt', 'id', 'reference', 'status', 'submittedAt', 'updatedAt'].sort(),
    );
  });

  it('refuses roles that neither refer nor triage', async () => {
    for (const who of ['tom', 'helen', 'sam']) {
      expect((await api.request('GET', '/api/referrals', { as: who })).status).toBe(403);
    }
  });
});

describe('GET /api/board/actions', () => {
  it('shows the plan to the board and the front door', async () => {
    for (const who of ['tom', 'helen', 'grace']) {
      const res = await api.request('GET', '/api/board/actions', { as: who });
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: ActionSummary[] };
      expect(items.map((a) => a.title)).toEqual(['Joint commissioning of early help for exploitation']);
    }
  });

  it('refuses referrers and the admin', async () => {
    for (const who of ['amira', 'dan', 'sam']) {
      expect((await api.request('GET', '/api/board/actions', { as: who })).status).toBe(403);
    }
  });
});
