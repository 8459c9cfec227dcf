import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { ulid } from 'ulid';
import { childDateProblems } from '../../shared/referrals/rules.ts';
import type { Referral, ReferralContent } from '../../shared/referrals/schema.ts';
import { Conflict, Forbidden, InvalidRequest, Unprocessable } from '../platform/errors.ts';
import { type AppEnv, ifMatchVersion, signedIn } from '../platform/http.ts';
import { hasRole } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import { accessReason } from './access-reason.ts';
import { referralAnswers, respond } from './answers.ts';
import type { ReferralsDeps } from './app.ts';
import { createReferral, getReferral, updateReferral } from './routes.ts';
import { guidanceSuggestion } from './suggestion.ts';
import { entryFor, person } from './timeline-entries.ts';
import { detailView, referralView } from './views.ts';

/** Idempotency records outlive any sensible retry. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

/** A referral while its agency writes it: made (once per Idempotency-Key), read, and saved as a draft. */
export function createDraftRoutes(
  deps: Pick<ReferralsDeps, 'store' | 'audit' | 'clock' | 'guidance' | 'subjectKey'>,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, clock } = deps;
  const { event, readable, written } = referralAnswers(deps);
  const suggest = guidanceSuggestion(deps.guidance);

  bindRoute(app, createReferral, async (c) => {
    const me = signedIn(c);
    if (!hasRole(me, 'referrer', 'triage'))
      throw new Forbidden('Only referrers and the front door can make referrals');
    if (!me.agencyId)
      throw new Forbidden('Your account belongs to no agency: ask the system owner to set it');
    const key = c.req.valid('header')['idempotency-key'];
    if (!key || !IDEMPOTENCY_KEY.test(key)) {
      throw new InvalidRequest([
        {
          field: 'Idempotency-Key',
          reason: 'Send a unique key of 8 to 128 letters, digits, - or _ with each new referral',
        },
      ]);
    }
    const content: ReferralContent = c.req.valid('json');
    const requestHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
    /** A retry is answered with what the earlier request made; a key reused for another referral is refused. */
    const answerEarlier = async (earlier: { referralId: string; requestHash: string }) => {
      if (earlier.requestHash !== requestHash) {
        throw new Unprocessable(
          'This Idempotency-Key was already used for a different referral: use a new key for a new referral',
          [{ field: 'Idempotency-Key', reason: 'was used for a different request' }],
        );
      }
      const found = await readable(c, me, earlier.referralId, 'referral.create');
      await deps.audit.append(event(c, me, 'referral.create.replayed', found));
      return respond(c, referralView(me, found), 200);
    };
    // Looked up before a reference is taken, so a retry or a refused reuse spends no reference number.
    const earlier = await store.idempotencyRecord(me.userId, key);
    if (earlier) return answerEarlier(earlier);
    const now = clock();
    const at = now.toISOString();
    const suggestion = await suggest(content.indicatorIds);
    const id = ulid(now.getTime());
    const referral: Referral = {
      ...content,
      ...suggestion,
      id,
      reference: await store.nextReference(now.getUTCFullYear()),
      status: 'draft',
      agencyId: me.agencyId,
      createdBy: person(me),
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const result = await store.create(
      referral,
      entryFor(me, 'created', at),
      deps.audit.putItem(event(c, me, 'referral.create', referral)),
      {
        userId: me.userId,
        key,
        requestHash,
        expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
      },
    );
    if (result.created) {
      c.header('location', `/api/referrals/${id}`);
      return respond(c, referralView(me, referral), 201);
    }
    // A concurrent request with the same key won the race.
    return answerEarlier(result);
  });

  bindRoute(app, getReferral, async (c) => {
    const me = signedIn(c);
    if (!hasRole(me, 'referrer', 'triage'))
      throw new Forbidden('Referrals are for referrers and the front door');
    const { id } = c.req.valid('param');
    const reason = accessReason(c.req.valid('header')['x-access-reason']);
    const referral = await readable(c, me, id, 'referral.read');
    const timeline = await store.timeline(id);
    await deps.audit.append(event(c, me, 'referral.read', referral, reason ? { reason } : {}));
    return respond(c, detailView(me, referral, timeline), 200);
  });

  bindRoute(app, updateReferral, async (c) => {
    const me = signedIn(c);
    if (!hasRole(me, 'referrer', 'triage'))
      throw new Forbidden('Referrals are for referrers and the front door');
    const { id } = c.req.valid('param');
    const expected = ifMatchVersion(c);
    const change = c.req.valid('json');
    const dates = childDateProblems(change.child, clock());
    if (dates.length) throw new InvalidRequest(dates);
    const referral = await readable(c, me, id, 'referral.update');
    if (me.agencyId !== referral.agencyId)
      throw new Forbidden('Only the agency that made this referral can change it');
    if (referral.status !== 'draft') {
      throw new Conflict(
        'Only a draft can be changed: add further information as a note instead',
        referralView(me, referral),
      );
    }
    const suggestion = change.indicatorIds ? await suggest(change.indicatorIds) : {};
    const updated: Referral = {
      ...referral,
      ...change,
      ...suggestion,
      updatedAt: clock().toISOString(),
      version: expected + 1,
    };
    if (change.indicatorIds?.length === 0) {
      delete updated.suggestedLevel;
      delete updated.guidanceVersion;
    }
    const audit = deps.audit.putItem(event(c, me, 'referral.update', updated));
    await written(me, id, () => store.update(updated, expected, { audit }));
    return respond(c, referralView(me, updated), 200);
  });

  return app;
}
