import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/platform/problem.ts';
import type { Child, Referral, ReferralSummary, TimelineEntry } from '../../shared/referrals/schema.ts';
import { auditTrail, clockedTestApi } from '../support/api.ts';
import { completeReferral, referralRequests } from '../support/referral-fixtures.ts';
import { fieldsBeyond, holdFirstWrite } from '../support/security-harness.ts';

/**
 * One view of a referral per caller, wherever it is answered (functions/referrals/views.ts), and the
 * referral area's audit entries: who, which child (by subject key), which lists showed it, and why.
 */
const { api, at } = clockedTestApi('2026-10-01T09:00:00Z');
const { newKey, create, act, step } = referralRequests(api, 'views');

const RATIONALE = 'Police intelligence about the household weighed with the school’s account.';
const DECISION = {
  levelOfNeed: 2,
  outcome: 'early_help_single_agency',
  rationale: RATIONALE,
  feedback: 'Thank you. The school’s family worker will offer the family a meeting.',
};

const childCalled = (firstName: string, lastName: string, dateOfBirth: string, postcode: string) =>
  ({
    firstName,
    lastName,
    dateOfBirth,
    sex: 'female',
    address: { line1: '3 Sample Lane', town: 'Northtown', postcode },
  }) satisfies Partial<Child>;

async function read(as: string, id: string, headers: Record<string, string> = {}) {
  const res = await api.request('GET', `/api/referrals/${id}`, { as, headers });
  expect(res.status).toBe(200);
  return (await res.json()) as Referral & { timeline: TimelineEntry[] };
}

async function list(as: string, query = '?limit=200') {
  const res = await api.request('GET', `/api/referrals${query}`, { as });
  expect(res.status).toBe(200);
  return {
    requestId: res.headers.get('x-request-id'),
    ...((await res.json()) as { items: ReferralSummary[] }),
  };
}

interface Entry {
  action: string;
  outcome: string;
  requestId: string;
  entity: { type: string; id: string };
  actor: { userId: string; name?: string } | null;
  subjectKey?: string;
  reason?: string;
  ids?: string[];
}

const trail = (type: string, id: string) => auditTrail<Entry>(api, type, id);

/** A police referral of a child, submitted a month before the school's referral of her. */
async function referredByPoliceLastMonth(child: Partial<Child>) {
  at('2026-10-01T09:00:00Z');
  const police = await step('dan', await create('dan', completeReferral({ child })), 'submit');
  at('2026-11-02T09:00:00Z');
  return police;
}

describe('finding: a 409 handed a referrer what only the front door may see', () => {
  it('a double-clicked submission of a child the police referred last month: no 409 names the police referral', async () => {
    const child = childCalled('Ottilie', 'Brackenridge', '2016-03-09', 'NS6 1QT');
    const police = await referredByPoliceLastMonth(child);
    const draft = await create('amira', completeReferral({ child }));
    const submit = () => act('amira', draft, 'submit');
    // The second click is answered in full while the first is on its way to the store, so the first
    // read the draft before the second wrote it and is refused by the store's version check.
    let second: Promise<Response> | undefined;
    const release = holdFirstWrite(
      api.store.db,
      (pk) => pk === `REFERRAL#${draft.id}`,
      () => {
        second = submit();
        return second;
      },
    );
    const first = await submit();
    release();
    const answers = [first, await (second as Promise<Response>)];
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);

    const asSchool = await read('amira', draft.id);
    for (const res of answers) {
      const text = await res.text();
      for (const detail of [police.id, police.reference, 'northshire-police', 'possibleDuplicate'])
        expect(text).not.toContain(detail);
      const body = JSON.parse(text) as Referral | (Problem & { current?: Referral });
      const shown = res.status === 409 ? (body as { current?: Referral }).current : body;
      expect(shown).toMatchObject({ id: draft.id, status: 'submitted' });
      expect(fieldsBeyond(shown, asSchool)).toEqual([]);
    }
    // What was kept from the school is there for the front door.
    expect((await read('grace', draft.id)).possibleDuplicates).toEqual([
      expect.objectContaining({
        referralId: police.id,
        reference: police.reference,
        agencyId: 'northshire-police',
      }),
    ]);
  });

  it('a note racing the front door’s close: the 409 carries the outcome and feedback, never the rationale', async () => {
    at('2026-11-03T09:00:00Z');
    const child = childCalled('Wren', 'Haldane-Pryce', '2019-12-01', 'NS2 8PL');
    const submitted = await step('amira', await create('amira', completeReferral({ child })), 'submit');
    const decided = await step('grace', await step('grace', submitted, 'review'), 'decision', DECISION);
    expect(decided.decision?.rationale).toBe(RATIONALE);
    // The note has read the referral as decided (still open to notes) when the close lands.
    const release = holdFirstWrite(
      api.store.db,
      (pk) => pk === `REFERRAL#${decided.id}`,
      () => step('grace', decided, 'close'),
    );
    const note = await api.request('POST', `/api/referrals/${decided.id}/notes`, {
      as: 'amira',
      body: { text: 'Her brother has started at the school too.' },
    });
    release();
    expect(note.status).toBe(409);
    const text = await note.text();
    expect(text).not.toContain('rationale');
    expect(text).not.toContain(RATIONALE);
    const { current } = JSON.parse(text) as { current?: Referral };
    expect(current).toMatchObject({ status: 'closed', decision: { feedback: DECISION.feedback } });
    expect(fieldsBeyond(current, await read('amira', decided.id))).toEqual([]);
    expect((await read('grace', decided.id)).decision?.rationale).toBe(RATIONALE);
  });
});

describe('finding: a referrer’s list said the child was referred before', () => {
  it('gives the front door the possible-duplicate flag, and the referrer’s own list item without it', async () => {
    const child = childCalled('Florence', 'Aldous-Kemp', '2014-07-21', 'NS9 4HW');
    await referredByPoliceLastMonth(child);
    const school = await step('amira', await create('amira', completeReferral({ child })), 'submit');

    const queue = await list('grace');
    const forFrontDoor = queue.items.find((i) => i.id === school.id);
    expect(forFrontDoor?.possibleDuplicate).toBe(true);
    const own = await list('amira');
    const { possibleDuplicate: _flag, ...rest } = forFrontDoor as ReferralSummary;
    // The same item, but for the flag.
    expect(own.items.find((i) => i.id === school.id)).toEqual(rest);
    expect(own.items.filter((i) => 'possibleDuplicate' in i)).toEqual([]);
  });
});

describe('the audit trail of a referral', () => {
  const maisie = childCalled('Isolde', 'Farrow-Lynch', '2015-05-30', 'NS3 6DX');
  const plaintext = ['Isolde', 'Farrow', 'Lynch', '2015-05-30', 'NS3 6DX', 'NS36DX'];

  it('names the person, and files every entry about one child under one subject key that is none of her details', async () => {
    at('2026-11-04T09:00:00Z');
    const key = newKey();
    const content = completeReferral({ child: maisie });
    let school = await create('amira', content, key);
    const replay = await api.request('POST', '/api/referrals', {
      as: 'amira',
      body: content,
      headers: { 'idempotency-key': key },
    });
    expect(replay.status).toBe(200);
    const saved = await api.request('PATCH', `/api/referrals/${school.id}`, {
      as: 'amira',
      headers: { 'if-match': '"1"' },
      body: { triedSoFar: 'A place at breakfast club.' },
    });
    expect(saved.status).toBe(200);
    school = (await saved.json()) as Referral;
    school = await step('amira', school, 'submit');
    await read('amira', school.id);
    expect((await api.request('GET', `/api/referrals/${school.id}`, { as: 'dan' })).status).toBe(404);
    school = await step('grace', school, 'review');
    school = await step('grace', school, 'decision', DECISION);
    const note = await api.request('POST', `/api/referrals/${school.id}/notes`, {
      as: 'amira',
      body: { text: 'Attendance is better this week.' },
    });
    expect(note.status).toBe(201);
    await step('grace', school, 'close');
    // Another agency's referral of the same child, typed differently.
    const health = await step(
      'priya',
      await create(
        'priya',
        completeReferral({ child: { ...maisie, firstName: 'isolde', lastName: 'Farrow Lynch' } }),
      ),
      'submit',
    );
    const otherChild = await create(
      'amira',
      completeReferral({ child: childCalled('Isolde', 'Farrow-Lynch', '2015-06-30', 'NS3 6DX') }),
    );

    const entries = [...(await trail('referral', school.id)), ...(await trail('referral', health.id))];
    expect(entries.map((e) => e.action).sort()).toEqual(
      [
        'referral.create',
        'referral.create.replayed',
        'referral.update',
        'referral.submit',
        'referral.read',
        'referral.read',
        'referral.review',
        'referral.decide',
        'referral.note',
        'referral.close',
        'referral.create',
        'referral.submit',
      ].sort(),
    );
    const names = Object.fromEntries(
      ['amira', 'dan', 'grace', 'priya'].map((u) => [api.user(u).sub, api.user(u).name]),
    );
    for (const entry of entries)
      expect(entry.actor?.name, entry.action).toBe(names[entry.actor?.userId ?? '']);
    expect(entries.find((e) => e.outcome === 'denied')?.actor?.userId).toBe(api.user('dan').sub);

    const subjectKeys = new Set(entries.map((e) => e.subjectKey));
    expect(subjectKeys.size).toBe(1);
    const [subjectKey] = [...subjectKeys];
    expect(subjectKey).toMatch(/^s:[\w-]{20,}$/);
    const [otherEntry] = await trail('referral', otherChild.id);
    expect(otherEntry?.subjectKey).toMatch(/^s:/);
    expect(otherEntry?.subjectKey).not.toBe(subjectKey);
    const everything = JSON.stringify(entries);
    for (const detail of plaintext) {
      expect(everything).not.toContain(detail);
      expect(everything.toLowerCase()).not.toContain(detail.toLowerCase().replace(/[^a-z0-9]/g, ''));
    }

    // The subject index finds every one of them.
    const { Items } = await api.store.db.send(
      new QueryCommand({
        TableName: api.store.tables.audit,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': `SUBJECT#${subjectKey}` },
      }),
    );
    expect((Items ?? []).length).toBe(entries.length);
  });

  it('records the ids a list returned, and one entry in each listed referral’s trail', async () => {
    at('2026-11-05T09:00:00Z');
    const page = await list('amira', '?limit=3');
    expect(page.items).toHaveLength(3);
    const ids = page.items.map((i) => i.id);
    const listEntry = (await trail('referral-list', 'agency:brookfield-primary')).find(
      (e) => e.requestId === page.requestId,
    );
    expect(listEntry).toMatchObject({ action: 'referral.list', outcome: 'allowed', ids });
    expect(listEntry?.actor?.name).toBe('Amira Haddad');
    for (const id of ids) {
      const listed = (await trail('referral', id)).filter((e) => e.requestId === page.requestId);
      expect(listed).toEqual([
        expect.objectContaining({ action: 'referral.listed', entity: { type: 'referral', id } }),
      ]);
    }

    const queue = await list('grace', '?limit=200');
    const queueEntry = (await trail('referral-list', 'triage:open')).find(
      (e) => e.requestId === queue.requestId,
    );
    expect(queueEntry?.ids).toEqual(queue.items.map((i) => i.id));
    for (const { id } of queue.items.slice(0, 5))
      expect((await trail('referral', id)).some((e) => e.requestId === queue.requestId)).toBe(true);
  });

  it('records why a referral was opened when the reader says, and refuses a reason it cannot keep', async () => {
    at('2026-11-06T09:00:00Z');
    const referral = await step(
      'amira',
      await create('amira', completeReferral({ child: maisie })),
      'submit',
    );
    const reads = async () =>
      (await trail('referral', referral.id)).filter((e) => e.action === 'referral.read');

    await read('grace', referral.id, { 'x-access-reason': "  Preparing for Thursday's strategy meeting " });
    await read('grace', referral.id);
    expect((await reads()).map((e) => e.reason)).toEqual([
      "Preparing for Thursday's strategy meeting",
      undefined,
    ]);

    for (const reason of ['x'.repeat(201), 'Checking\u0001the file', '']) {
      const res = await api.request('GET', `/api/referrals/${referral.id}`, {
        as: 'grace',
        headers: { 'x-access-reason': reason },
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as Problem).errors?.map((e) => e.field)).toEqual(['X-Access-Reason']);
    }
    expect(await reads()).toHaveLength(2);
    const longest = 'é'.repeat(200);
    await read('grace', referral.id, { 'x-access-reason': longest });
    expect((await reads()).at(-1)?.reason).toBe(longest);

    const doc = (await (await api.request('GET', '/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; in: string; description?: string }[] } }>;
    };
    expect(doc.paths['/api/referrals/{id}']?.get?.parameters).toContainEqual(
      expect.objectContaining({
        name: 'x-access-reason',
        in: 'header',
        description: expect.stringContaining('audit'),
      }),
    );
  });
});
