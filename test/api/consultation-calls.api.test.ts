import { describe, expect, it } from 'vitest';
import type { Consultation } from '../../shared/referrals/consultation-schema.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { auditTrail, clockedTestApi } from '../support/api.ts';
import { completeReferral, referralRequests } from '../support/referral-fixtures.ts';
import { fieldsOf, problem } from './early-help-fixtures.ts';

/**
 * Consultation calls: a school rings the front door about a child; the front door records the call
 * and asks for a written request, due within 4 hours; when the school's referral arrives it is linked
 * to the call, both ways, and whether it came in time is kept. Monday 2 March 2026, GMT.
 */
const { api, at } = clockedTestApi('2026-03-02T09:00:00Z');
const { create, step } = referralRequests(api, 'calls');
let keys = 0;

const ROWAN = { firstName: 'Rowan', lastName: 'Ashdown', dateOfBirth: '2016-09-21' };
const callAbout = (child: typeof ROWAN | undefined, overrides: Record<string, unknown> = {}) => ({
  calledAt: '2026-03-02T08:50:00Z',
  caller: {
    name: 'Amira Haddad',
    role: 'Designated safeguarding lead',
    agencyId: 'brookfield-primary',
    phone: '01632 960 001',
  },
  ...(child ? { child } : {}),
  levelDiscussed: 4,
  advice:
    'Section 47 threshold likely met: send the written request this morning; do not tell the stepfather.',
  writtenRequest: 'needed',
  ...overrides,
});
const record = (body: unknown, as = 'grace', key = `call-key-${keys++}`) =>
  api.request('POST', '/api/consultations', { as, body, headers: { 'idempotency-key': key } });
const read = async (id: string) =>
  (await (await api.request('GET', `/api/consultations/${id}`, { as: 'grace' })).json()) as Consultation;
const listed = async (view: string) =>
  (
    (await (await api.request('GET', `/api/consultations?view=${view}`, { as: 'grace' })).json()) as {
      items: Consultation[];
    }
  ).items.map((c) => c.id);

/** A submitted referral about `child` from `as`, at the clock's time. */
async function referralAbout(as: string, child: typeof ROWAN): Promise<Referral> {
  const base = completeReferral({
    indicatorIds: ['safety-unexplained-bruising'],
    consent: { status: 'not_sought', notSoughtReason: 'would_increase_risk_to_child' },
  });
  return step(as, await create(as, { ...base, child: { ...base.child, ...child } }), 'submit');
}

describe('recording a call', () => {
  it('records who called and the advice, with the written request due 4 hours after the call; a retry records nothing new', async () => {
    const res = await record(callAbout(ROWAN), 'grace', 'call-rowan-1');
    expect(res.status).toBe(201);
    const call = (await res.json()) as Consultation;
    expect([call.view, call.writtenRequestDueAt, call.recordedBy.name]).toEqual([
      'awaiting',
      '2026-03-02T12:50:00.000Z',
      'Grace Obi',
    ]);
    const again = await record(callAbout(ROWAN), 'grace', 'call-rowan-1');
    expect(again.status).toBe(200);
    expect(((await again.json()) as Consultation).id).toBe(call.id);
    const reused = await problem(
      await record(callAbout(ROWAN, { levelDiscussed: 3 }), 'grace', 'call-rowan-1'),
      422,
    );
    expect(fieldsOf(reused)).toEqual(['Idempotency-Key']);
    expect(await listed('awaiting')).toEqual([call.id]);
    const trail = await auditTrail<{ action: string }>(api, 'consultation', call.id);
    expect(trail.map((e) => e.action)).toEqual(['consultation.create', 'consultation.listed']);
  });

  it('refuses a call in the future, a written request asked for without the child, and no advice, by field', async () => {
    expect(
      fieldsOf(await problem(await record(callAbout(ROWAN, { calledAt: '2026-03-02T10:00:00Z' })), 422)),
    ).toEqual(['calledAt']);
    expect(fieldsOf(await problem(await record(callAbout(undefined)), 422))).toEqual([
      'child.firstName',
      'child.dateOfBirth',
    ]);
    expect(fieldsOf(await problem(await record(callAbout(ROWAN, { advice: '' })), 400))).toEqual(['advice']);
    // A call that needs no written request needs no child either.
    expect(
      (await record(callAbout(undefined, { writtenRequest: 'not_needed', levelDiscussed: 1 }))).status,
    ).toBe(201);
    expect(await listed('not_needed')).toHaveLength(1);
  });

  it('is the front door’s record: a referrer can neither record nor read calls', async () => {
    await problem(await record(callAbout(ROWAN), 'amira'), 403);
    await problem(await api.request('GET', '/api/consultations', { as: 'amira' }), 403);
    const [id] = await listed('awaiting');
    await problem(await api.request('GET', `/api/consultations/${id}`, { as: 'amira' }), 403);
  });
});

describe('the written request, linked to its call', () => {
  it('links the school’s referral to the call, both ways, on time; the school sees nothing of the call', async () => {
    const [callId] = await listed('awaiting');
    at('2026-03-02T11:00:00Z');
    const referral = await referralAbout('amira', ROWAN);
    const forGrace = (await (
      await api.request('GET', `/api/referrals/${referral.id}`, { as: 'grace' })
    ).json()) as Referral;
    expect(forGrace.consultation).toMatchObject({
      consultationId: callId,
      callerName: 'Amira Haddad',
      levelDiscussed: 4,
    });
    expect(referral).not.toHaveProperty('consultation');

    const call = await read(callId as string);
    expect(call.view).toBe('received');
    expect(call.linkedReferral).toMatchObject({
      referralId: referral.id,
      reference: referral.reference,
      onTime: true,
    });
    expect(await listed('awaiting')).toEqual([]);
    expect(await listed('received')).toEqual([callId]);
    const trail = await auditTrail<{ action: string }>(api, 'consultation', callId as string);
    expect(trail.map((e) => e.action)).toContain('consultation.link');
  });

  it('keeps that a request came after its four hours, and links no other agency’s referral', async () => {
    at('2026-03-03T09:00:00Z');
    const ivy = { firstName: 'Ivy', lastName: 'Marchbank', dateOfBirth: '2019-01-30' };
    const late = (await (
      await record(callAbout(ivy, { calledAt: '2026-03-03T08:55:00Z' }))
    ).json()) as Consultation;
    // The police refer Ivy first: the school's call is not answered by it.
    await referralAbout('dan', ivy);
    expect((await read(late.id)).view).toBe('awaiting');
    at('2026-03-03T14:00:00Z');
    await referralAbout('amira', ivy);
    expect((await read(late.id)).linkedReferral?.onTime).toBe(false);
  });
});
