import { randomBytes } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDirectoryStore } from '../../functions/directory/store.ts';
import { findSubjectRecords, SUBJECT_ACCESS_LIMITS } from '../../functions/directory/subject-access.ts';
import { createAuditWriter } from '../../functions/platform/audit.ts';
import { createSubjectKey } from '../../functions/platform/subject-keys.ts';
import { LOCAL_AUDIT_SUBJECT_SECRET } from '../../infra/local/areas.ts';
import { createTableInput, ensureTables, localTableNames } from '../../infra/local/tables.ts';
import { TABLE_IDS, TABLES } from '../../shared/deployment/tables.ts';
import type { Problem } from '../../shared/platform/problem.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { completeReferral } from '../support/referral-fixtures.ts';

/**
 * The audit trail as the system owner reads it: any record's trail (refused routes and lists too),
 * a person's trail, and a subject access search by a child's name and date of birth, as JSON and as
 * a CSV report. Every read of the trail is audited; no audit item holds a child's details.
 */
let api: TestApi;
let now = new Date('2026-03-10T10:00:00Z');
let zoe: Referral;
let maisie: Referral;

/** A child of this file only, with an accent and punctuation in her names. */
const ZOE = { firstName: 'Zoë', lastName: 'O’Brien-Smith', dateOfBirth: '2017-09-03' };
const SAR = { ...ZOE, reason: 'SAR ref 2026-041' };

type Entry = {
  action: string;
  at: string;
  outcome: string;
  entity: { type: string; id: string };
  actor: { userId: string; name?: string; agencyName?: string; roles: string[] } | null;
  reason?: string;
  ids?: string[];
};
type Report = {
  generatedBy: { name: string };
  reason: string;
  records: { entity: { type: string; id: string }; firstSeen: string; lastSeen: string; entries: Entry[] }[];
  truncated: boolean;
};

let keys = 0;
async function refer(as: string, child: Partial<typeof ZOE>): Promise<Referral> {
  const base = completeReferral();
  const res = await api.request('POST', '/api/referrals', {
    as,
    body: { ...base, child: { ...base.child, ...child } },
    headers: { 'idempotency-key': `audit-trail-${keys++}-${Date.now()}` },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const draft = (await res.json()) as Referral;
  const submitted = await api.request('POST', `/api/referrals/${draft.id}/submit`, {
    as,
    headers: { 'if-match': `"${draft.version}"` },
  });
  expect(submitted.status, await submitted.clone().text()).toBe(200);
  return (await submitted.json()) as Referral;
}

async function json<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

const search = (body: unknown, as = 'sam', headers: Record<string, string> = {}) =>
  api.request('POST', '/api/audit/subject-access', { as, body, headers });

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  zoe = await refer('amira', ZOE);
  maisie = await refer('dan', {});
  // Later, the front door lists its queue and opens Zoë's referral, saying why.
  now = new Date('2026-03-20T10:00:00Z');
  await json(await api.request('GET', '/api/referrals?view=open', { as: 'grace' }));
  await json(
    await api.request('GET', `/api/referrals/${zoe.id}`, {
      as: 'grace',
      headers: { 'x-access-reason': 'Screening the new referral' },
    }),
  );
  // A referrer who tries the audit trail is refused, and the refusal is on the route's trail.
  expect((await api.request('GET', `/api/audit?entity=referral&id=${zoe.id}`, { as: 'amira' })).status).toBe(
    403,
  );
  now = new Date('2026-03-25T10:00:00Z');
});
afterAll(async () => api.close());

describe('any record’s trail', () => {
  it('reads a refused route’s entries, naming the person and agency as they were', async () => {
    const { items } = await json<{ items: Entry[] }>(
      await api.request('GET', `/api/audit?entity=route&id=${encodeURIComponent('/api/audit')}`, {
        as: 'sam',
      }),
    );
    const refused = items.find((e) => e.actor?.userId === api.user('amira').sub);
    expect(refused).toMatchObject({
      outcome: 'denied',
      actor: { name: 'Amira Haddad', agencyName: 'Brookfield Primary School' },
    });
  });

  it('reads a list’s entries with the ids it returned, newest or oldest first, page by page', async () => {
    const path = '/api/audit?entity=referral-list&id=triage:open';
    type Page = { items: Entry[]; nextCursor: string | null };
    const first = await json<Page>(await api.request('GET', `${path}&order=newest&limit=1`, { as: 'sam' }));
    expect(first.items.map((e) => e.action)).toEqual(['referral.list']);
    expect(first.items[0]?.ids).toEqual(expect.arrayContaining([zoe.id, maisie.id]));
    expect(first.items[0]?.actor?.name).toBe('Grace Obi');
    // That read is on the list's trail now, newest; the list itself is on the next page.
    const newest = await json<Page>(await api.request('GET', `${path}&order=newest&limit=1`, { as: 'sam' }));
    expect(newest.items.map((e) => e.action)).toEqual(['audit.read']);
    if (!newest.nextCursor) throw new Error('expected a second page');
    const next = await json<Page>(
      await api.request(
        'GET',
        `${path}&order=newest&limit=1&cursor=${encodeURIComponent(newest.nextCursor)}`,
        {
          as: 'sam',
        },
      ),
    );
    expect(next.items.map((e) => e.action)).toEqual(['referral.list']);
    // A cursor belongs to its order: the oldest-first list refuses it.
    const crossed = await api.request(
      'GET',
      `${path}&limit=1&cursor=${encodeURIComponent(newest.nextCursor)}`,
      { as: 'sam' },
    );
    expect(crossed.status).toBe(400);
    const oldest = await json<Page>(await api.request('GET', path, { as: 'sam' }));
    expect(oldest.items.map((e) => e.action)).toEqual([
      'referral.list',
      'audit.read',
      'audit.read',
      'audit.read',
    ]);
  });

  it('records each read of the trail with the reason given', async () => {
    await json(
      await api.request('GET', `/api/audit?entity=referral&id=${zoe.id}`, {
        as: 'sam',
        headers: { 'x-access-reason': 'Complaint ref C-12' },
      }),
    );
    const { items } = await json<{ items: Entry[] }>(
      await api.request('GET', `/api/audit?entity=referral&id=${zoe.id}&order=newest&limit=1`, { as: 'sam' }),
    );
    expect(items[0]).toMatchObject({ action: 'audit.read', reason: 'Complaint ref C-12' });
  });
});

describe('a person’s trail', () => {
  it('returns everything that person did, with names and agency names, within a time range', async () => {
    const grace = api.user('grace').sub;
    const all = await json<{ items: Entry[] }>(
      await api.request('GET', `/api/audit/actors/${grace}`, { as: 'sam' }),
    );
    expect(all.items.length).toBeGreaterThan(1);
    for (const e of all.items) {
      expect(e.actor).toMatchObject({
        userId: grace,
        name: 'Grace Obi',
        agencyName: "Northshire Children's Front Door",
      });
    }
    expect(all.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['referral.list', 'referral.read']),
    );
    const read = all.items.find((e) => e.action === 'referral.read');
    expect(read).toMatchObject({
      entity: { type: 'referral', id: zoe.id },
      reason: 'Screening the new referral',
    });
    // Amira's referrals were made on the 10th; nothing of Grace's is before the 15th, all of it after.
    const before = await json<{ items: Entry[] }>(
      await api.request('GET', `/api/audit/actors/${grace}?to=2026-03-15`, { as: 'sam' }),
    );
    expect(before.items).toEqual([]);
    const day = await json<{ items: Entry[] }>(
      await api.request('GET', `/api/audit/actors/${grace}?from=2026-03-20&to=2026-03-20`, { as: 'sam' }),
    );
    expect(day.items.length).toBeGreaterThan(1);
    expect(day.items).toEqual(all.items.filter((e) => e.at.startsWith('2026-03-20')));
    const amira = await json<{ items: Entry[] }>(
      await api.request('GET', `/api/audit/actors/${api.user('amira').sub}?to=2026-03-10T23:00:00Z`, {
        as: 'sam',
      }),
    );
    expect(amira.items.map((e) => e.action)).toEqual(['referral.create', 'referral.submit']);
  });

  it('refuses a range that ends before it starts, naming the field', async () => {
    const res = await api.request(
      'GET',
      `/api/audit/actors/${api.user('grace').sub}?from=2026-03-20&to=2026-03-01`,
      {
        as: 'sam',
      },
    );
    const problem = await json<Problem>(res, 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['to']);
  });
});

describe('a subject access search', () => {
  it('finds the child’s referral however her names are typed, with everyone who saw it', async () => {
    const report = await json<Report>(
      await search({
        firstName: 'ZOE',
        lastName: "o'brien smith",
        dateOfBirth: ZOE.dateOfBirth,
        reason: SAR.reason,
      }),
    );
    expect(report.records.map((r) => r.entity)).toEqual([{ type: 'referral', id: zoe.id }]);
    const [record] = report.records;
    const who = new Set(record?.entries.map((e) => e.actor?.name));
    expect(who).toEqual(new Set(['Amira Haddad', 'Grace Obi', 'Sam Patel']));
    const actions = record?.entries.map((e) => e.action) ?? [];
    expect(actions).toEqual(
      expect.arrayContaining(['referral.create', 'referral.submit', 'referral.listed', 'referral.read']),
    );
    expect(record?.entries.find((e) => e.action === 'referral.read')?.reason).toBe(
      'Screening the new referral',
    );
    expect(record?.firstSeen.startsWith('2026-03-10')).toBe(true);
    expect(record?.lastSeen.startsWith('2026-03-2')).toBe(true);
    expect(report).toMatchObject({
      reason: SAR.reason,
      truncated: false,
      generatedBy: { name: 'Sam Patel' },
    });
  });

  it('finds nothing for another child: a different date of birth, or a different name', async () => {
    for (const other of [
      { ...SAR, dateOfBirth: '2017-09-04' },
      { ...SAR, firstName: 'Zara' },
    ]) {
      expect((await json<Report>(await search(other))).records).toEqual([]);
    }
    const fairbrook = await json<Report>(
      await search({
        firstName: 'Maisie',
        lastName: 'Fairbrook',
        dateOfBirth: '2018-05-14',
        reason: 'SAR 2',
      }),
    );
    expect(fairbrook.records.map((r) => r.entity.id)).toEqual([maisie.id]);
  });

  it('requires a reason, and the child’s names and date of birth, naming each field', async () => {
    const problem = await json<Problem>(await search({ ...ZOE }), 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['reason']);
    const empty = await json<Problem>(await search({ reason: '  ' }), 400);
    expect(empty.errors?.map((e) => e.field).sort()).toEqual([
      'dateOfBirth',
      'firstName',
      'lastName',
      'reason',
    ]);
  });

  it('is refused to every role but the admin', async () => {
    for (const who of ['amira', 'dan', 'grace', 'tom', 'helen']) {
      const res = await search(SAR, who);
      expect(res.status, who).toBe(403);
    }
    expect((await api.request('POST', '/api/audit/subject-access', { body: SAR })).status).toBe(401);
  });

  it('is itself audited, with its reason and the records it found, and never the child’s details', async () => {
    await json(await search({ ...SAR, reason: 'SAR ref 2026-077' }));
    const { items } = await json<{ items: Entry[] }>(
      await api.request('GET', `/api/audit/actors/${api.user('sam').sub}?order=newest&limit=2`, {
        as: 'sam',
      }),
    );
    // Newest first: this read of Sam's trail is not in it yet; the search is.
    const entry = items.find((e) => e.action === 'audit.subject-access');
    expect(entry).toMatchObject({
      outcome: 'allowed',
      reason: 'SAR ref 2026-077',
      ids: [`referral:${zoe.id}`],
      actor: { name: 'Sam Patel' },
    });
    expect(JSON.stringify(entry)).not.toMatch(/Zo[eë]|Brien|2017-09-03/);
  });

  it('downloads as a CSV report: a header block saying what it covers, then one row per entry', async () => {
    const json = (await (await search(SAR)).json()) as Report;
    const expectedRows = json.records.reduce((n, r) => n + r.entries.length, 0);
    const ways: { query: string; headers: Record<string, string> }[] = [
      { query: '?format=csv', headers: {} },
      { query: '', headers: { accept: 'text/csv' } },
    ];
    for (const how of ways) {
      const res = await api.request('POST', `/api/audit/subject-access${how.query}`, {
        as: 'sam',
        body: SAR,
        headers: how.headers,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="subject-access-${now.toISOString().slice(0, 10)}.csv"`,
      );
      const text = await res.text();
      const lines = text.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[0]).toContain('Subject access report');
      for (const said of [
        'Generated by,Sam Patel (Northshire County Council)',
        'Reason for the search,SAR ref 2026-041',
        'first name, last name and date of birth',
        'supplies it separately',
        `Record,referral,${zoe.id}`,
      ])
        expect(text).toContain(said);
      const header = lines.findIndex((l) => l.startsWith('Record type,Record id,When'));
      expect(header).toBeGreaterThan(0);
      const rows = lines.slice(header + 1).filter(Boolean);
      // The search just made is on Sam's trail, not the referral's: the same entries as the JSON had,
      // plus none (the download is audited after it is read).
      expect(rows).toHaveLength(expectedRows);
      expect(rows.every((r) => r.startsWith(`referral,${zoe.id},`))).toBe(true);
      expect(rows.some((r) => r.includes('Opened the referral') && r.includes('Grace Obi'))).toBe(true);
    }
  });

  it('leaves no child’s name or date of birth in any audit item', async () => {
    const { Items = [] } = await api.store.db.send(new ScanCommand({ TableName: api.store.tables.audit }));
    expect(Items.length).toBeGreaterThan(20);
    const text = JSON.stringify(Items);
    for (const detail of [
      'Zoë',
      'Zoe',
      'Brien',
      '2017-09-03',
      'Maisie',
      'Fairbrook',
      '2018-05-14',
      'NS1 2AB',
    ])
      expect(text, detail).not.toContain(detail);
    // Her entries are filed under a hashed key.
    expect(Items.some((i) => String(i.gsi2pk ?? '').startsWith('SUBJECT#s:'))).toBe(true);
  });
});

describe('the search’s bounds', () => {
  it('reports at most so many records and entries per record, saying so, with Queries only', async () => {
    const audit = createAuditWriter(api.store.db, api.store.tables.audit, () => now);
    const subjectKey = createSubjectKey(LOCAL_AUDIT_SUBJECT_SECRET)({
      firstName: 'Bounded',
      lastName: 'Child',
      dateOfBirth: '2015-01-01',
    });
    for (const id of ['b1', 'b2', 'b3'])
      for (let n = 0; n < 4; n++)
        await audit.append({
          action: 'referral.read',
          entity: { type: 'referral', id },
          outcome: 'allowed',
          actor: null,
          requestId: `r-${id}-${n}`,
          ...(n === 0 ? { subjectKey } : {}),
        });
    const store = createDynamoDirectoryStore(
      api.store.db,
      api.store.tables.directory,
      api.store.tables.audit,
    );
    const before = api.storeCalls.length;
    const small = { ...SUBJECT_ACCESS_LIMITS, records: 2, entriesPerRecord: 3, page: 2 };
    const found = await findSubjectRecords(store, subjectKey, small);
    expect(found.truncated).toBe(true);
    expect(found.records.map((r) => r.entity.id)).toEqual(['b1', 'b2']);
    expect(found.records.map((r) => [r.entries.length, r.truncated])).toEqual([
      [3, true],
      [3, true],
    ]);
    expect(new Set(api.storeCalls.slice(before).map((c) => c.command))).toEqual(new Set(['QueryCommand']));
    const all = await findSubjectRecords(store, subjectKey);
    expect(all.truncated).toBe(false);
    expect(all.records.map((r) => [r.entity.id, r.entries.length, r.truncated])).toEqual([
      ['b1', 4, false],
      ['b2', 4, false],
      ['b3', 4, false],
    ]);
  });
});

describe('a local audit table made before the subject index', () => {
  it('gains the index at the next start', async () => {
    const names = localTableNames(`old${randomBytes(3).toString('hex')}-`);
    const { indexes, ...rest } = TABLES.audit;
    const before = { ...rest, indexes: indexes.filter((i) => i.name !== 'gsi2') };
    await api.store.raw.send(new CreateTableCommand(createTableInput(before, names.audit)));
    try {
      await ensureTables(api.store.raw, names);
      const { Table } = await api.store.raw.send(new DescribeTableCommand({ TableName: names.audit }));
      expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['gsi1', 'gsi2']);
    } finally {
      for (const id of TABLE_IDS) await api.store.raw.send(new DeleteTableCommand({ TableName: names[id] }));
    }
  });
});
