import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { ulid } from 'ulid';
import type { Consultation, ReferralConsultation } from '../../shared/referrals/consultation-schema.ts';
import { consultationProblems, writtenRequestDueAt } from '../../shared/referrals/consultations.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { Forbidden, InvalidRequest, NotFound, Unprocessable } from '../platform/errors.ts';
import { type AppContext, type AppEnv, signedIn } from '../platform/http.ts';
import { hasRole } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import type { ReferralsDeps } from './app.ts';
import { consultationEvent } from './audit-events.ts';
import { getConsultation, listConsultations, recordConsultation } from './consultation-routes.ts';
import { person } from './timeline-entries.ts';

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * The front door's consultation calls: recorded (once per Idempotency-Key), listed and read, by the
 * front door only. Every read and write is audited, filed under the child's subject key when the
 * call names her. Linking a call to its written request happens when the referral is submitted
 * (transitions.ts, `linkCalls`).
 */
export function createConsultationRoutes(
  deps: Pick<ReferralsDeps, 'store' | 'audit' | 'clock' | 'cursors' | 'subjectKey' | 'childKeys'>,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, clock, cursors } = deps;

  const frontDoor = (c: AppContext) => {
    const me = signedIn(c);
    if (!hasRole(me, 'triage')) throw new Forbidden('Consultation calls are the front door’s record');
    return me;
  };
  const event = consultationEvent(deps.subjectKey);

  bindRoute(app, recordConsultation, async (c) => {
    const me = frontDoor(c);
    const key = c.req.valid('header')['idempotency-key'];
    if (!key || !IDEMPOTENCY_KEY.test(key))
      throw new InvalidRequest([
        {
          field: 'Idempotency-Key',
          reason: 'Send a unique key of 8 to 128 letters, digits, - or _ with each new call',
        },
      ]);
    const input = c.req.valid('json');
    const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    const replay = async (earlier: { id: string; requestHash: string }) => {
      if (earlier.requestHash !== requestHash)
        throw new Unprocessable('This Idempotency-Key was already used for a different call: use a new key', [
          { field: 'Idempotency-Key', reason: 'was used for a different request' },
        ]);
      const found = await store.getConsultation(earlier.id);
      if (!found) throw new NotFound('Consultation call not found');
      return c.json(found, 200);
    };
    const earlier = await store.consultationIdempotency(me.userId, key);
    if (earlier) return replay(earlier);
    const now = clock();
    const problems = consultationProblems(input, now);
    if (problems.length) throw new Unprocessable('The call was not recorded', problems);
    const needed = input.writtenRequest === 'needed';
    const call: Consultation = {
      ...input,
      id: ulid(now.getTime()),
      view: needed ? 'awaiting' : 'not_needed',
      recordedBy: person(me),
      recordedAt: now.toISOString(),
      ...(needed ? { writtenRequestDueAt: writtenRequestDueAt(input.calledAt) } : {}),
      version: 1,
    };
    // Filed under the child's match keys only while a written request is awaited: that is what links it.
    const childKeys =
      needed && input.child
        ? deps.childKeys({
            firstName: input.child.firstName,
            lastName: input.child.lastName,
            dateOfBirth: input.child.dateOfBirth,
            postcode: input.child.postcode,
          })
        : [];
    const result = await store.createConsultation(
      call,
      childKeys,
      deps.audit.putItem(event(c, me, 'consultation.create', call)),
      {
        userId: me.userId,
        key,
        requestHash,
        expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
      },
    );
    if (!result.created) return replay(result);
    return c.json(call, 201);
  });

  bindRoute(app, listConsultations, async (c) => {
    const me = frontDoor(c);
    const { limit, cursor, view } = c.req.valid('query');
    const list = `consultations:${view}`;
    const page = await store.listConsultations(view, {
      limit,
      startKey: cursors.decode(cursor, me.userId, list),
    });
    await Promise.all([
      deps.audit.append({ ...event(c, me, 'consultation.list', list), ids: page.items.map((i) => i.id) }),
      ...page.items.map((call) => deps.audit.append(event(c, me, 'consultation.listed', call))),
    ]);
    return c.json({ items: page.items, nextCursor: cursors.encode(page.lastKey, me.userId, list) }, 200);
  });

  bindRoute(app, getConsultation, async (c) => {
    const me = frontDoor(c);
    const id = c.req.valid('param').id;
    const call = await store.getConsultation(id);
    if (!call) throw new NotFound('Consultation call not found');
    await deps.audit.append(event(c, me, 'consultation.read', call));
    return c.json(call, 200);
  });

  return app;
}

/**
 * The calls a newly submitted referral answers: each waiting call about the same child, from the
 * referral's agency (or a caller whose agency was not recorded), is linked to it (its view moves to
 * received, one version on), and the referral carries the earliest call.
 */
export function linkCalls(
  waiting: readonly Consultation[],
  referral: Pick<Referral, 'id' | 'reference' | 'agencyId'>,
  at: string,
): { consultations: Consultation[]; consultation?: ReferralConsultation } {
  const calls = waiting.filter((call) => !call.caller.agencyId || call.caller.agencyId === referral.agencyId);
  const consultations = calls.map((call) => ({
    ...call,
    view: 'received' as const,
    linkedReferral: {
      referralId: referral.id,
      reference: referral.reference,
      agencyId: referral.agencyId,
      submittedAt: at,
      onTime: at <= (call.writtenRequestDueAt ?? at),
    },
    version: call.version + 1,
  }));
  const first = calls[0];
  return {
    consultations,
    ...(first
      ? {
          consultation: {
            consultationId: first.id,
            calledAt: first.calledAt,
            callerName: first.caller.name,
            levelDiscussed: first.levelDiscussed,
            advice: first.advice,
            writtenRequestDueAt: first.writtenRequestDueAt ?? first.calledAt,
          },
        }
      : {}),
  };
}
