import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionSummary } from '../../shared/board/schema.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { completeReferral } from '../support/referral-fixtures.ts';

/** Every list is one Query on the index designed for it, never a Scan, at any table size. */
let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  for (const [as, n] of [
    ['amira', 3],
    ['dan', 2],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const res = await api.request('POST', '/api/referrals', {
        as,
        body: completeReferral(),
        headers: { 'idempotency-key': `lists-${as}-${i}-key` },
      });
      const draft = (await res.json()) as Referral;
      await api.request('POST', `/api/referrals/${draft.id}/submit`, { as, headers: { 'if-match': '"1"' } });
    }
  }
  const action = await api.request('POST', '/api/board/actions', {
    as: 'tom',
    body: {
      reference: 'BA-001',
      title: 'Joint commissioning of early help for exploitation',
      description: 'Commission a joint offer.',
      source: { kind: 'inspection', reference: 'Inspection 2019' },
      theme: 'joint-commissioning',
      ownerAgencyId: 'northshire-council',
      lead: 'Head of Early Help',
      startDate: '2026-09-01',
      dueDate: '2027-01-31',
    },
  });
  expect(action.status).toBe(201);
});
afterAll(async () => api.close());

/** The standing check's GetItem on the directory (agency and person), remembered for 30 s. */
const isStanding = (c: { command: string; table?: string }) =>
  c.command === 'GetItemCommand' && c.table === api.store.tables.directory;

async function readsFor(as: string, path: string) {
  api.storeCalls.length = 0;
  const res = await api.request('GET', path, { as });
  expect(res.status).toBe(200);
  return {
    body: (await res.json()) as { items: { id: string; agencyId?: string }[] },
    // Besides the audit entry the list leaves behind, the caller's standing (access.ts), and the one
    // write that records a member of the front door in its team the first time they read the queue.
    reads: api.storeCalls.filter(
      (c) =>
        c.table !== api.store.tables.audit && !isStanding(c) && c.command !== 'TransactWriteItemsCommand',
    ),
  };
}

describe('referral lists', () => {
  it("gives a referrer their agency's referrals with one Query on the agency index", async () => {
    const { body, reads } = await readsFor('amira', '/api/referrals');
    expect(body.items).toHaveLength(3);
    expect(new Set(body.items.map((r) => r.agencyId))).toEqual(new Set(['brookfield-primary']));
    expect(reads).toEqual([{ command: 'QueryCommand', table: api.store.tables.referrals, index: 'gsi1' }]);
  });

  it('gives the front door its queue with one Query on the triage index, most urgent then soonest due first', async () => {
    const { body, reads } = await readsFor('grace', '/api/referrals');
    expect(body.items).toHaveLength(5);
    expect(reads).toEqual([{ command: 'QueryCommand', table: api.store.tables.referrals, index: 'gsi2' }]);
  });

  it('never scans', () => {
    expect(api.storeCalls.map((c) => c.command)).not.toContain('ScanCommand');
  });
});

describe('GET /api/board/actions', () => {
  it('shows the plan to the board and the front door, with one Query', async () => {
    for (const who of ['tom', 'helen', 'grace']) {
      api.storeCalls.length = 0;
      const res = await api.request('GET', '/api/board/actions', { as: who });
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: ActionSummary[] };
      expect(items.map((a) => a.title)).toEqual(['Joint commissioning of early help for exploitation']);
      expect(api.storeCalls.filter((c) => !isStanding(c))).toEqual([
        { command: 'QueryCommand', table: api.store.tables.board, index: 'gsi1' },
      ]);
    }
  });

  it('refuses referrers and the admin', async () => {
    for (const who of ['amira', 'dan', 'sam']) {
      expect((await api.request('GET', '/api/board/actions', { as: who })).status).toBe(403);
    }
  });
});
