import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../../shared/platform/problem.ts';
import { CONSENT_REFUSAL_REASON } from '../../shared/referrals/rules.ts';
import type { Referral, ReferralSummary, TimelineEntry } from '../../shared/referrals/schema.ts';
import { auditTrail, clockedTestApi } from '../support/api.ts';
import { completeReferral, referralRequests } from '../support/referral-fixtures.ts';

/**
 * Early-help referrals end to end (the referrals issue): create, save, submit with consent, the
 * front door's queue, review, decision, feedback, and what each role may and may not see or do.
 */
// Thursday 2 April 2026, 10:00 BST: Good Friday and Easter Monday follow.
const { api, at, now } = clockedTestApi('2026-04-02T09:00:00Z');
const { newKey, create, act, step } = referralRequests(api, 'test-key');

const decision = {
  levelOfNeed: 3,
  outcome: 'targeted_early_help',
  rationale: 'Hunger and conflict at home together; mum wants help.',
  feedback: 'Thank you. A family support worker from the Early Help Hub will contact Maisie’s mum this week.',
};

const auditFor = (id: string) =>
  auditTrail<{ action: string; outcome: string; actor: { userId: string } }>(api, 'referral', id);

describe('a school’s referral, from draft to feedback', () => {
  let referral: Referral;

  it('starts as a draft with a unique reference, the suggested level and the guidance version', async () => {
    referral = await create('amira', completeReferral({ consent: undefined }));
    expect(referral).toMatchObject({
      status: 'draft',
      agencyId: 'brookfield-primary',
      guidanceVersion: 1,
      suggestedLevel: 2,
    });
    expect(referral.reference).toMatch(/^EH-2026-\d{6}$/);
  });

  it('saves more of the draft with If-Match, and refuses a stale save', async () => {
    const res = await api.request('PATCH', `/api/referrals/${referral.id}`, {
      as: 'amira',
      headers: { 'if-match': '"1"' },
      body: { consent: { status: 'given', byWhom: 'Kerry Fairbrook (mother)', date: '2026-04-01' } },
    });
    expect(res.status).toBe(200);
    referral = (await res.json()) as Referral;
    expect(referral.version).toBe(2);
    const stale = await api.request('PATCH', `/api/referrals/${referral.id}`, {
      as: 'amira',
      headers: { 'if-match': '"1"' },
      body: { concerns: 'overwritten?' },
    });
    expect(stale.status).toBe(409);
  });

  it('is submitted at level 2, standard priority, due three working days later: across Easter, Thursday 17:00', async () => {
    referral = await step('amira', referral, 'submit');
    expect(referral.status).toBe('submitted');
    expect(referral.submittedAt).toBe('2026-04-02T09:00:00.000Z');
    expect(referral.priority).toBe('standard');
    expect(referral.decisionDueAt).toBe('2026-04-09T16:00:00.000Z');
  });

  it('can no longer be edited, only added to', async () => {
    const edit = await api.request('PATCH', `/api/referrals/${referral.id}`, {
      as: 'amira',
      headers: { 'if-match': `"${referral.version}"` },
      body: { concerns: 'changed' },
    });
    expect(edit.status).toBe(409);
    const note = await api.request('POST', `/api/referrals/${referral.id}/notes`, {
      as: 'amira',
      body: { text: 'Maisie was absent today.' },
    });
    expect(note.status).toBe(201);
  });

  it('heads the front door’s queue, and is overdue once its time has passed', async () => {
    const queue = (await (await api.request('GET', '/api/referrals', { as: 'grace' })).json()) as {
      items: ReferralSummary[];
    };
    expect(queue.items.map((r) => r.reference)).toContain(referral.reference);
    expect(queue.items.find((r) => r.id === referral.id)).toMatchObject({
      childName: 'Maisie Fairbrook',
      suggestedLevel: 2,
    });

    const notYet = (await (
      await api.request('GET', '/api/referrals?overdue=true', { as: 'grace' })
    ).json()) as { items: ReferralSummary[] };
    expect(notYet.items.map((r) => r.id)).not.toContain(referral.id);
    at('2026-04-09T16:30:00Z');
    const overdue = (await (
      await api.request('GET', '/api/referrals?overdue=true', { as: 'grace' })
    ).json()) as { items: ReferralSummary[] };
    expect(overdue.items.map((r) => r.id)).toContain(referral.id);
  });

  it('becomes the reviewer’s when opened, then is decided with feedback', async () => {
    referral = await step('grace', referral, 'review');
    expect(referral).toMatchObject({ status: 'in_review', reviewer: { name: 'Grace Obi' } });
    referral = await step('grace', referral, 'decision', decision);
    expect(referral.status).toBe('decided');
    expect(referral.decision).toMatchObject({ ...decision, decidedBy: { name: 'Grace Obi' } });
  });

  it('shows the school the outcome and feedback, with the whole timeline', async () => {
    const res = await api.request('GET', `/api/referrals/${referral.id}`, { as: 'amira' });
    const seen = (await res.json()) as Referral & { timeline: TimelineEntry[] };
    expect(seen.decision?.feedback).toBe(decision.feedback);
    expect(seen.decision?.rationale).toBeUndefined();
    expect(seen.timeline.map((e) => e.kind)).toEqual([
      'created',
      'submitted',
      'note',
      'review_started',
      'decided',
    ]);
    const list = (await (await api.request('GET', '/api/referrals', { as: 'amira' })).json()) as {
      items: ReferralSummary[];
    };
    expect(list.items.find((r) => r.id === referral.id)).toMatchObject({
      status: 'decided',
      outcome: 'targeted_early_help',
    });
  });

  it('is closed by the front door, after which nothing more can be added', async () => {
    referral = await step('grace', referral, 'close');
    expect(referral.status).toBe('closed');
    const note = await api.request('POST', `/api/referrals/${referral.id}/notes`, {
      as: 'amira',
      body: { text: 'More' },
    });
    expect(note.status).toBe(409);
  });

  it('left exactly one audit entry for each read and each write, and one for each list that showed it', async () => {
    const trail = await auditFor(referral.id);
    // The front door's whole queue, its overdue ones once it was due, and the school's own list.
    expect(trail.filter((e) => e.action === 'referral.listed')).toHaveLength(3);
    const actions = trail.map((e) => e.action).filter((a) => a !== 'referral.listed');
    expect(actions).toEqual([
      'referral.create',
      'referral.update',
      'referral.submit',
      'referral.note',
      'referral.review',
      'referral.decide',
      'referral.read',
      'referral.close',
    ]);
  });
});

describe('accounting for access (the system owner)', () => {
  it('lets the admin read who viewed and changed a referral, and records that reading too', async () => {
    const [first] = (await (await api.request('GET', '/api/referrals?view=closed', { as: 'grace' })).json())
      .items as { id: string }[];
    if (!first) throw new Error('no closed referral');
    const res = await api.request('GET', `/api/audit?entity=referral&id=${first.id}`, { as: 'sam' });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: { action: string; actor: { userId: string }; at: string }[];
    };
    expect(items.find((e) => e.action === 'referral.read')?.actor.userId).toBe(api.user('amira').sub);
    expect(items.map((e) => e.at)).toEqual([...items.map((e) => e.at)].sort());
    expect(JSON.stringify(items)).not.toContain('Maisie');
    expect((await auditFor(first.id)).at(-1)?.action).toBe('audit.read');
    for (const who of ['amira', 'grace', 'tom']) {
      expect(
        (await api.request('GET', `/api/audit?entity=referral&id=${first.id}`, { as: who })).status,
      ).toBe(403);
    }
  });
});

describe('who may see and do what', () => {
  let police: Referral;
  beforeAll(async () => {
    at('2026-04-08T09:00:00Z');
    police = await create(
      'dan',
      completeReferral({ concerns: 'Attended a domestic incident; children present.' }),
    );
  });

  it('answers 404 to another agency’s referrer, exactly as for one that does not exist, and audits it', async () => {
    const other = await api.request('GET', `/api/referrals/${police.id}`, { as: 'amira' });
    const missing = await api.request('GET', '/api/referrals/01JAAAAAAAAAAAAAAAAAAAAAAA', { as: 'amira' });
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (p: Problem) => ({ ...p, instance: undefined, requestId: undefined });
    expect(strip((await other.json()) as Problem)).toEqual(strip((await missing.json()) as Problem));
    expect((await auditFor(police.id)).filter((e) => e.outcome === 'denied')).toHaveLength(1);
    for (const action of ['submit', 'withdraw', 'review', 'close']) {
      expect(
        (await act('amira', police, action, action === 'withdraw' ? { reason: 'x' } : undefined)).status,
      ).toBe(action === 'review' || action === 'close' ? 403 : 404);
    }
    const list = (await (await api.request('GET', '/api/referrals', { as: 'amira' })).json()) as {
      items: ReferralSummary[];
    };
    expect(list.items.map((r) => r.id)).not.toContain(police.id);
  });

  it('refuses referrals to the board, the guidance editor and the admin', async () => {
    for (const who of ['tom', 'helen', 'sam']) {
      expect((await api.request('GET', `/api/referrals/${police.id}`, { as: who })).status).toBe(403);
      expect(
        (
          await api.request('POST', '/api/referrals', {
            as: who,
            body: {},
            headers: { 'idempotency-key': newKey() },
          })
        ).status,
      ).toBe(403);
    }
  });

  it('lets only the front door review, decide and close, and only the owner submit and withdraw', async () => {
    expect((await act('grace', police, 'submit')).status).toBe(403);
    police = await step('dan', police, 'submit');
    expect((await act('dan', police, 'review')).status).toBe(403);
    expect((await act('dan', police, 'decision', decision)).status).toBe(403);
    expect((await act('grace', police, 'decision', decision)).status).toBe(409);
    expect((await act('grace', police, 'close')).status).toBe(409);
  });

  it('lets the owner withdraw before review, with a reason, and not after', async () => {
    const draft = await create('dan');
    const submitted = await step('dan', draft, 'submit');
    const noReason = await act('dan', submitted, 'withdraw', { reason: '' });
    expect(noReason.status).toBe(400);
    const withdrawn = await step('dan', submitted, 'withdraw', { reason: 'Family moved out of area.' });
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawn: { reason: 'Family moved out of area.' },
    });
    // Dan's second referral about the same child flagged this one too, so its version moved on.
    const flagged = await api.request('GET', `/api/referrals/${police.id}`, { as: 'grace' });
    const reviewed = await step('grace', (await flagged.json()) as Referral, 'review');
    const late = await act('dan', reviewed, 'withdraw', { reason: 'Too late' });
    expect(late.status).toBe(409);
    expect(((await late.json()) as Problem).detail).toMatch(/already reviewing/);
  });

  it('ignores an agency sent in the body: unknown fields are refused', async () => {
    const res = await api.request('POST', '/api/referrals', {
      as: 'amira',
      headers: { 'idempotency-key': newKey() },
      body: { ...completeReferral(), agencyId: 'northshire-police' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors).toEqual([
      { field: 'agencyId', reason: 'is not a field this request accepts' },
    ]);
  });

  it('refuses a body that is not JSON with 415 naming the content type, and makes no draft', async () => {
    const stored = async () =>
      (await api.store.db.send(new ScanCommand({ TableName: api.store.tables.referrals, Select: 'COUNT' })))
        .Count;
    const before = await stored();
    for (const [type, rawBody] of [
      ['text/plain', 'child: Maisie'],
      ['application/x-www-form-urlencoded', 'childFirstName=Maisie'],
      ['multipart/form-data; boundary=x', '--x\r\n\r\n--x--'],
    ] as const) {
      const res = await api.request('POST', '/api/referrals', {
        as: 'amira',
        headers: { 'idempotency-key': newKey(), 'content-type': type },
        rawBody,
      });
      expect(res.status, type).toBe(415);
      expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
      expect(((await res.json()) as Problem).errors).toEqual([
        { field: 'content-type', reason: 'must be application/json' },
      ]);
    }
    expect(await stored()).toBe(before);
  });
});

describe('consent, by level', () => {
  it.each([
    ['refused', { status: 'refused', byWhom: 'Mother', date: '2026-04-01' }],
    ['not sought', { status: 'not_sought', notSoughtReason: 'could_not_contact_family' }],
  ] as const)(
    'refuses a level-2 referral whose consent was %s, saying why and what to do',
    async (_, consent) => {
      const draft = await create('amira', completeReferral({ consent }));
      const res = await act('amira', draft, 'submit');
      expect(res.status).toBe(422);
      expect(((await res.json()) as Problem).errors).toEqual([
        { field: 'consent.status', reason: CONSENT_REFUSAL_REASON },
      ]);
    },
  );

  it('accepts a level-4 referral without consent when the reason is recorded, and asks for it otherwise', async () => {
    const level4 = completeReferral({
      indicatorIds: ['safety-disclosed-hit-with-injury'],
      consent: { status: 'not_sought' },
    });
    const draft = await create('amira', level4);
    expect(draft.suggestedLevel).toBe(4);
    const missing = await act('amira', draft, 'submit');
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as Problem).errors).toEqual([
      { field: 'consent.notSoughtReason', reason: 'Choose why consent was not sought' },
    ]);
    const fixed = await api.request('PATCH', `/api/referrals/${draft.id}`, {
      as: 'amira',
      headers: { 'if-match': '"1"' },
      body: { consent: { status: 'not_sought', notSoughtReason: 'would_increase_risk_to_child' } },
    });
    const submitted = await step('amira', (await fixed.json()) as Referral, 'submit');
    expect(submitted.status).toBe('submitted');
  });

  it('names every missing part of an incomplete referral', async () => {
    const draft = await create('amira', { concerns: 'Only this so far' });
    const res = await act('amira', draft, 'submit');
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as Problem).errors?.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'child.firstName',
        'child.dateOfBirth',
        'household.adults',
        'indicatorIds',
        'childViews',
        'consent.status',
      ]),
    );
  });
});

describe('idempotent creation', () => {
  it('turns 50 concurrent requests with one key into one referral', async () => {
    const key = newKey();
    const body = completeReferral({ concerns: 'Sent fifty times by a flaky connection.' });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.request('POST', '/api/referrals', { as: 'priya', body, headers: { 'idempotency-key': key } }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as Referral).id)));
    expect(ids.size).toBe(1);
    const list = (await (await api.request('GET', '/api/referrals?limit=200', { as: 'priya' })).json()) as {
      items: ReferralSummary[];
    };
    expect(list.items.filter((r) => r.id === [...ids][0])).toHaveLength(1);
  });

  it('refuses the same key with another body, and keeps keys per user', async () => {
    const key = newKey();
    const first = await create('priya', completeReferral(), key);
    const other = await api.request('POST', '/api/referrals', {
      as: 'priya',
      body: completeReferral({ concerns: 'Something else' }),
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(422);
    const someoneElse = await create('amira', completeReferral(), key);
    expect(someoneElse.id).not.toBe(first.id);
  });

  it('asks for an Idempotency-Key', async () => {
    const res = await api.request('POST', '/api/referrals', { as: 'amira', body: completeReferral() });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors?.[0]?.field).toBe('Idempotency-Key');
  });
});

describe('possible duplicates', () => {
  it('flags a re-referral of the same child by another agency to the front door only', async () => {
    at('2026-05-11T09:00:00Z');
    const child = {
      firstName: 'Tyler',
      lastName: "O'Neill-Hart",
      dateOfBirth: '2015-02-03',
      address: { line1: '4 Sample Close', town: 'Northtown', postcode: 'NS4 5CD' },
    };
    const first = await step('dan', await create('dan', completeReferral({ child })), 'submit');
    at('2026-06-15T09:00:00Z');
    const spelledDifferently = {
      ...child,
      firstName: 'tyler',
      lastName: 'ONeill Hart',
      address: { ...child.address, postcode: 'ns45cd' },
    };
    const second = await step(
      'amira',
      await create('amira', completeReferral({ child: spelledDifferently })),
      'submit',
    );

    const asTriage = (await (
      await api.request('GET', `/api/referrals/${second.id}`, { as: 'grace' })
    ).json()) as Referral;
    expect(asTriage.possibleDuplicates).toEqual([
      expect.objectContaining({
        referralId: first.id,
        agencyId: 'northshire-police',
        reason: expect.stringContaining('re-referral within 12 months'),
      }),
    ]);
    const queue = (await (await api.request('GET', '/api/referrals?limit=200', { as: 'grace' })).json()) as {
      items: ReferralSummary[];
    };
    expect(queue.items.find((r) => r.id === second.id)?.possibleDuplicate).toBe(true);

    const asSchool = (await (
      await api.request('GET', `/api/referrals/${second.id}`, { as: 'amira' })
    ).json()) as Referral;
    expect(asSchool.possibleDuplicates).toBeUndefined();
    expect(JSON.stringify(asSchool)).not.toContain(first.reference);
  });
});

describe('simultaneous decisions', () => {
  it('lets exactly one of ten simultaneous decisions win; the rest get 409 with the current record', async () => {
    const reviewed = await step('grace', await step('amira', await create('amira'), 'submit'), 'review');
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => act('grace', reviewed, 'decision', decision)),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const after = (await (
      await api.request('GET', `/api/referrals/${reviewed.id}`, { as: 'grace' })
    ).json()) as Referral & { timeline: TimelineEntry[] };
    expect(after.timeline.filter((e) => e.kind === 'decided')).toHaveLength(1);
  });
});

describe('notifications', () => {
  it('tells the front door of a submission and the referrer of a decision, with no child details', async () => {
    at('2026-07-01T09:00:00Z');
    const submitted = await step('amira', await create('amira'), 'submit');
    const forGrace = (await (await api.request('GET', '/api/notifications', { as: 'grace' })).json()) as {
      items: { kind: string; reference: string; subject: string; body: string; link: string }[];
    };
    const arrival = forGrace.items.find((n) => n.reference === submitted.reference);
    expect(arrival).toMatchObject({
      kind: 'referral.submitted',
      subject: `New early-help referral ${submitted.reference}`,
      link: `/referrals/view/?id=${submitted.id}`,
    });
    expect(arrival?.body).toContain('5pm on Monday 6 July');

    at('2026-07-01T11:00:00Z');
    await step('grace', await step('grace', submitted, 'review'), 'decision', decision);
    const forAmira = (await (await api.request('GET', '/api/notifications', { as: 'amira' })).json()) as {
      items: { kind: string; reference: string }[];
    };
    expect(forAmira.items[0]).toMatchObject({ kind: 'referral.decided', reference: submitted.reference });
    const forDan = (await (await api.request('GET', '/api/notifications', { as: 'dan' })).json()) as {
      items: { reference: string }[];
    };
    expect(forDan.items.map((n) => n.reference)).not.toContain(submitted.reference);
    const everything = JSON.stringify([forGrace, forAmira]);
    for (const detail of ['Maisie', 'Fairbrook', 'NS1 2AB', 'hungry'])
      expect(everything).not.toContain(detail);
    expect((await api.request('GET', '/api/notifications', { as: 'tom' })).status).toBe(403);
  });

  it('reminds the front door once of each referral about to be overdue, however often the job runs', async () => {
    at('2026-07-06T09:00:00Z');
    const submitted = await step('nadia', await create('nadia'), 'submit');
    expect(submitted.decisionDueAt).toBe('2026-07-09T16:00:00.000Z');
    const { createReminderJob } = await import('../../functions/referrals/reminders.ts');
    const { createDynamoReferralStore } = await import('../../functions/referrals/store.ts');
    const { createAuditWriter } = await import('../../functions/platform/audit.ts');
    const { silentLogger } = await import('../../functions/platform/logger.ts');
    const { createMetricWriter } = await import('../../functions/platform/metrics.ts');
    const metricLines: string[] = [];
    const job = createReminderJob({
      store: createDynamoReferralStore(api.store.db, api.store.tables.referrals, api.store.tables.outbox),
      audit: createAuditWriter(api.store.db, api.store.tables.audit, now),
      clock: now,
      logger: silentLogger,
      metrics: createMetricWriter((line) => metricLines.push(line), now),
    });
    /** The last run's count of open referrals past their decision time, as CloudWatch would read it. */
    const overdue = () => {
      const line = JSON.parse(metricLines.at(-1) ?? '{}') as {
        DecisionsOverdue?: number;
        _aws?: { CloudWatchMetrics: { Namespace: string; Metrics: { Name: string }[] }[] };
      };
      expect(line._aws?.CloudWatchMetrics[0]?.Namespace).toBe('PartnershipPortal');
      expect(line._aws?.CloudWatchMetrics[0]?.Metrics.map((m) => m.Name)).toContain('DecisionsOverdue');
      return line.DecisionsOverdue ?? -1;
    };
    const reminders = async () =>
      (
        (await (await api.request('GET', '/api/notifications?limit=100', { as: 'grace' })).json()) as {
          items: { kind: string; reference: string }[];
        }
      ).items.filter((n) => n.kind === 'referral.due_soon' && n.reference === submitted.reference);
    await job();
    expect(await reminders()).toHaveLength(0);
    at('2026-07-09T14:30:00Z');
    expect(await job()).toBeGreaterThanOrEqual(1);
    expect(await job()).toBe(0);
    expect(await reminders()).toHaveLength(1);
    expect((await auditFor(submitted.id)).filter((e) => e.action === 'referral.remind')).toHaveLength(1);
    // Due at 4pm: not overdue at 2:30pm; at 5pm it is, and the metric the overdue alarm reads counts it.
    const before = overdue();
    at('2026-07-09T16:30:00Z');
    await job();
    expect(overdue()).toBe(before + 1);
  });
});

describe('partnership figures', () => {
  it('counts submissions by month and decisions by quarter, for triage and the board only', async () => {
    const res = await api.request('GET', '/api/stats/referrals?year=2026', { as: 'helen' });
    expect(res.status).toBe(200);
    const stats = (await res.json()) as {
      months: { month: string; agencyId: string; submitted: unknown }[];
      quarters: { quarter: string; agencyId: string; decided: unknown }[];
    };
    expect(stats.months).toEqual(
      expect.arrayContaining([
        { month: '2026-04', agencyId: 'brookfield-primary', submitted: expect.anything() },
      ]),
    );
    // This file's handful of referrals is below the small-number threshold, so the count is not shown
    // (test/api/stats-suppression.api.test.ts shows the suppression).
    const q2 = stats.quarters.find((q) => q.quarter === '2026-Q2' && q.agencyId === 'brookfield-primary');
    expect(q2?.decided).toEqual({ suppressed: true });
    expect(JSON.stringify(stats)).not.toContain('Maisie');
    expect((await api.request('GET', '/api/stats/referrals', { as: 'amira' })).status).toBe(403);
  });
});

describe('narrowing a list to one agency or one level', () => {
  type ListPage = { items: ReferralSummary[]; nextCursor: string | null };
  const list = async (as: string, query: string): Promise<ListPage> => {
    const res = await api.request('GET', `/api/referrals?${query}`, { as });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as ListPage;
  };
  let pageSizes: number[] = [];
  /** Every item of a list, following its cursors (the size of each page in `pageSizes`). */
  const everything = async (as: string, query: string): Promise<ReferralSummary[]> => {
    const items: ReferralSummary[] = [];
    let cursor: string | null = null;
    pageSizes = [];
    do {
      const page: ListPage = await list(
        as,
        `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      items.push(...page.items);
      pageSizes.push(page.items.length);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };
  const submitted: Referral[] = [];

  beforeAll(async () => {
    const levelThree = completeReferral({ indicatorIds: ['health-condition-poorly-managed'] });
    for (const [who, content] of [
      ['amira', completeReferral()],
      ['dan', completeReferral()],
      ['priya', levelThree],
      ['amira', levelThree],
    ] as const) {
      submitted.push(await step(who, await create(who, content), 'submit'));
    }
  });

  it('gives the front door every open referral of one agency, across pages, and only those', async () => {
    const all = await everything('grace', 'view=open&limit=200');
    const brookfield = all.filter((r) => r.agencyId === 'brookfield-primary').map((r) => r.id);
    expect(brookfield.length).toBeGreaterThanOrEqual(2);
    // One a page: the filter is the store's, so paging finds every match and nothing else.
    const paged = await everything('grace', 'view=open&agency=brookfield-primary&limit=1');
    expect(paged.map((r) => r.id)).toEqual(brookfield);
    // Each page is full (the store reads on past other agencies' referrals), bar perhaps the last.
    expect(pageSizes.slice(0, brookfield.length)).toEqual(brookfield.map(() => 1));
    expect(paged.map((r) => r.id)).toEqual(expect.arrayContaining([submitted[0]?.id, submitted[3]?.id]));
  });

  it('gives one suggested level, alone or with an agency', async () => {
    const three = await everything('grace', 'view=open&level=3&limit=2');
    expect(three.every((r) => r.suggestedLevel === 3)).toBe(true);
    expect(three.map((r) => r.id)).toEqual(expect.arrayContaining([submitted[2]?.id, submitted[3]?.id]));
    const both = await everything('grace', 'view=open&level=3&agency=brookfield-primary');
    expect(both.map((r) => r.id)).toContain(submitted[3]?.id);
    expect(both.every((r) => r.suggestedLevel === 3 && r.agencyId === 'brookfield-primary')).toBe(true);
  });

  it('names a bad filter, refuses a cursor from the unfiltered list, and never widens a referrer’s list', async () => {
    const bad = await api.request('GET', '/api/referrals?level=5&agency=Not%20An%20Agency', { as: 'grace' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors).toEqual(
      expect.arrayContaining([
        { field: 'level', reason: 'must be 1, 2, 3 or 4' },
        { field: 'agency', reason: 'is not an agency id' },
      ]),
    );
    const unfiltered = await list('grace', 'view=open&limit=1');
    expect(unfiltered.nextCursor).not.toBeNull();
    const reused = await api.request(
      'GET',
      `/api/referrals?view=open&level=3&limit=1&cursor=${encodeURIComponent(unfiltered.nextCursor ?? '')}`,
      { as: 'grace' },
    );
    expect(reused.status).toBe(400);
    // A referrer's list is their agency's, whatever agency they ask for.
    expect((await everything('amira', 'agency=northshire-police')).map((r) => r.id)).toEqual([]);
    const own = await everything('amira', 'level=3');
    expect(own.map((r) => r.id)).toContain(submitted[3]?.id);
    expect(own.every((r) => r.agencyId === 'brookfield-primary' && r.suggestedLevel === 3)).toBe(true);
  });
});
