import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { isReReferral } from '../../shared/duplicates.ts';
import type { LevelNumber } from '../../shared/guidance.ts';
import { checkIndicators } from '../../shared/guidance-check.ts';
import type { Referral, ReferralContent, TimelineEntry } from '../../shared/referral.ts';
import {
  canAddNote,
  canRead,
  canTransition,
  type ReferralRef,
  type Refusal,
  type Transition,
} from '../../shared/referral-lifecycle.ts';
import { decisionProblems, submissionProblems } from '../../shared/referral-rules.ts';
import { quarterOf } from '../../shared/threshold-consistency.ts';
import { decisionDueAt } from '../../shared/working-days.ts';
import type { AuditEvent } from '../platform/audit.ts';
import { Conflict, Forbidden, InvalidRequest, NotFound, Unprocessable } from '../platform/errors.ts';
import {
  type AppContext,
  type AreaApp,
  createAreaApp,
  etag,
  ifMatchVersion,
  type PlatformDeps,
  signedIn,
  sourceIp,
} from '../platform/http.ts';
import { hasRole, type Principal } from '../platform/identity.ts';
import type { SubjectKey } from '../platform/subject-keys.ts';
import type { ChildKeys } from './child-keys.ts';
import type { GuidanceSource } from './guidance-source.ts';
import { notificationFor } from './notifications.ts';
import {
  addNote,
  closeReferral,
  createReferral,
  decideReferral,
  getReferral,
  listNotifications,
  listReferrals,
  referralStats,
  reviewReferral,
  submitReferral,
  updateReferral,
  withdrawReferral,
} from './routes.ts';
import type { CounterChange, OutboxMessage, ReferralStore } from './store.ts';

export interface ReferralsDeps extends PlatformDeps {
  store: ReferralStore;
  guidance: GuidanceSource;
  /** The keys a submitted referral is filed under for duplicate detection (hashed: child-keys.ts). */
  childKeys: ChildKeys;
  /** The key the audit trail files a child's entries under, for subject access (subject-keys.ts). */
  subjectKey: SubjectKey;
}

/**
 * What a referral that does not exist is checked as: a draft of no agency, which nobody may read. The
 * lifecycle then refuses what the caller's roles can never do (403) before "not found" (404), exactly
 * as for another agency's referral, so a 403 never reveals that a referral exists.
 */
const NOBODYS_REFERRAL: ReferralRef = { status: 'draft', agencyId: '' };

/** Idempotency records outlive any sensible retry. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

export function createReferralsApp(deps: ReferralsDeps): AreaApp {
  const app = createAreaApp(deps);
  const { store, cursors, clock } = deps;

  const person = (me: Principal) => ({ userId: me.userId, name: me.name });
  const event = (
    c: AppContext,
    me: Principal,
    action: string,
    id: string,
    outcome: AuditEvent['outcome'] = 'allowed',
    detail?: string,
  ): AuditEvent => ({
    action,
    entity: { type: 'referral', id },
    outcome,
    actor: me,
    requestId: c.get('requestId'),
    sourceIp: sourceIp(c),
    ...(detail ? { detail } : {}),
  });

  /** Turns a lifecycle refusal into the answer; another agency's referral is audited and answers 404. */
  const refuse = async (
    c: AppContext,
    me: Principal,
    id: string,
    action: string,
    refusal: Refusal,
    current?: Referral,
  ): Promise<never> => {
    if (refusal.reason === 'not-found') {
      await deps.audit.append(event(c, me, action, id, 'denied', 'not readable by this user'));
      throw new NotFound(refusal.message);
    }
    if (refusal.reason === 'forbidden') throw new Forbidden(refusal.message);
    throw new Conflict(refusal.message, current ? visibleTo(me, current) : undefined);
  };

  /** The referral if it exists and the caller may read it; 404 (audited) otherwise. */
  const readable = async (c: AppContext, me: Principal, id: string, action: string): Promise<Referral> => {
    const referral = await store.get(id);
    if (!referral || !canRead(me, referral)) {
      return refuse(c, me, id, action, { ok: false, reason: 'not-found', message: 'Referral not found' });
    }
    return referral;
  };

  /** Only the front door sees possible duplicates: they name other agencies' referrals. */
  const visibleTo = (me: Principal, referral: Referral): Referral => {
    if (hasRole(me, 'triage')) return referral;
    const { possibleDuplicates: _hidden, ...rest } = referral;
    if (!rest.decision) return rest;
    // The rationale is the front door's record and may weigh what other agencies said: the referrer
    // reads the outcome and the feedback written for them.
    const { rationale: _rationale, ...decision } = rest.decision;
    return { ...rest, decision: decision as NonNullable<Referral['decision']> };
  };

  const respond = (c: AppContext, me: Principal, referral: Referral) => {
    c.header('etag', etag(referral.version));
    return c.json(visibleTo(me, referral), 200);
  };

  /** The level the chosen indicators suggest in the current guidance; unknown ids are refused by name. */
  const suggest = async (
    indicatorIds: readonly string[] | undefined,
  ): Promise<{ guidanceVersion?: number; suggestedLevel?: LevelNumber }> => {
    if (!indicatorIds?.length) return {};
    const { version, framework } = await deps.guidance.current();
    const outcome = checkIndicators(framework, indicatorIds);
    if (outcome.unknownIds.length) {
      throw new InvalidRequest(
        indicatorIds.flatMap((id, i) =>
          outcome.unknownIds.includes(id)
            ? [
                {
                  field: `indicatorIds.${i}`,
                  reason: `is not an indicator in version ${version} of the guidance`,
                },
              ]
            : [],
        ),
      );
    }
    return { guidanceVersion: version, ...(outcome.level ? { suggestedLevel: outcome.level } : {}) };
  };

  const entryFor = (
    me: Principal,
    kind: TimelineEntry['kind'],
    at: string,
    text?: string,
  ): TimelineEntry => ({
    at,
    kind,
    by: { ...person(me), agencyId: me.agencyId },
    ...(text ? { text } : {}),
  });

  app.openapi(listReferrals, async (c) => {
    const me = signedIn(c);
    const { limit, cursor, view, overdue, agency, level } = c.req.valid('query');
    // A cursor pages through the list it came from: this view, with these filters.
    const list = `referrals:${view}:${overdue ?? ''}:${agency ?? ''}:${level ?? ''}`;
    const startKey = cursors.decode(cursor, me.userId, list);
    const narrowed = { ...(agency ? { agencyId: agency } : {}), ...(level ? { level: Number(level) } : {}) };
    let page: Awaited<ReturnType<ReferralStore['listForAgency']>>;
    let listed: string;
    if (hasRole(me, 'triage')) {
      const overdueAt = overdue === 'true' && view === 'open' ? clock().toISOString() : undefined;
      page = await store.listForTriage(view, {
        limit,
        startKey,
        ...narrowed,
        ...(overdueAt ? { overdueAt } : {}),
      });
      listed = `triage:${view}`;
    } else if (hasRole(me, 'referrer') && me.agencyId) {
      // The agency comes from the verified token, never from the request.
      page = await store.listForAgency(me.agencyId, { limit, startKey, ...narrowed });
      listed = `agency:${me.agencyId}`;
    } else {
      throw new Forbidden('Referrals are for referrers and the front door');
    }
    await deps.audit.append({
      ...event(c, me, 'referral.list', listed),
      entity: { type: 'referral-list', id: listed },
    });
    return c.json({ items: page.items, nextCursor: cursors.encode(page.lastKey, me.userId, list) }, 200);
  });

  app.openapi(createReferral, async (c) => {
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
      await deps.audit.append(event(c, me, 'referral.create.replayed', found.id));
      return respond(c, me, found);
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
      deps.audit.putItem(event(c, me, 'referral.create', id)),
      {
        userId: me.userId,
        key,
        requestHash,
        expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
      },
    );
    if (result.created) {
      c.header('location', `/api/referrals/${id}`);
      c.header('etag', etag(referral.version));
      return c.json(visibleTo(me, referral), 201);
    }
    // A concurrent request with the same key won the race.
    return answerEarlier(result);
  });

  app.openapi(getReferral, async (c) => {
    const me = signedIn(c);
    if (!hasRole(me, 'referrer', 'triage'))
      throw new Forbidden('Referrals are for referrers and the front door');
    const { id } = c.req.valid('param');
    const referral = await readable(c, me, id, 'referral.read');
    const timeline = await store.timeline(id);
    await deps.audit.append(event(c, me, 'referral.read', id));
    c.header('etag', etag(referral.version));
    return c.json({ ...visibleTo(me, referral), timeline }, 200);
  });

  app.openapi(updateReferral, async (c) => {
    const me = signedIn(c);
    if (!hasRole(me, 'referrer', 'triage'))
      throw new Forbidden('Referrals are for referrers and the front door');
    const { id } = c.req.valid('param');
    const expected = ifMatchVersion(c);
    const change = c.req.valid('json');
    const referral = await readable(c, me, id, 'referral.update');
    if (me.agencyId !== referral.agencyId)
      throw new Forbidden('Only the agency that made this referral can change it');
    if (referral.status !== 'draft') {
      throw new Conflict(
        'Only a draft can be changed: add further information as a note instead',
        visibleTo(me, referral),
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
    await store.update(updated, expected, { audit: deps.audit.putItem(event(c, me, 'referral.update', id)) });
    return respond(c, me, updated);
  });

  /** The common path of every transition: read, check the lifecycle, apply, write with its extras. */
  const transition = async (
    c: AppContext,
    transitionName: Transition,
    apply: (
      referral: Referral,
      me: Principal,
      at: string,
    ) => Promise<{
      referral: Referral;
      entryText?: string;
      childKeys?: string[];
      counters?: CounterChange[];
      messages?: OutboxMessage[];
    }>,
  ) => {
    const me = signedIn(c);
    const id = c.req.param('id') ?? '';
    const expected = ifMatchVersion(c);
    const action = `referral.${transitionName}`;
    const current = await store.get(id);
    // A missing referral is refused in the same order as an unreadable one, so the two answer alike.
    const check = canTransition(transitionName, me, current ?? NOBODYS_REFERRAL);
    if (!check.ok) return refuse(c, me, id, action, check, current ?? undefined);
    if (!current)
      return refuse(c, me, id, action, { ok: false, reason: 'not-found', message: 'Referral not found' });
    if (current.version !== expected)
      throw new Conflict('Someone else changed this referral since you read it', visibleTo(me, current));
    const at = clock().toISOString();
    const next = await apply({ ...current, status: check.to, updatedAt: at, version: expected + 1 }, me, at);
    const kinds: Record<Transition, TimelineEntry['kind']> = {
      submit: 'submitted',
      withdraw: 'withdrawn',
      review: 'review_started',
      decide: 'decided',
      close: 'closed',
    };
    await store.update(next.referral, expected, {
      entry: entryFor(me, kinds[transitionName], at, next.entryText),
      audit: deps.audit.putItem(event(c, me, action, id)),
      ...(next.childKeys ? { childKeys: next.childKeys } : {}),
      ...(next.counters ? { counters: next.counters } : {}),
      ...(next.messages ? { messages: next.messages } : {}),
    });
    return respond(c, me, next.referral);
  };

  app.openapi(submitReferral, (c) =>
    transition(c, 'submit', async (referral, _me, at) => {
      const suggestion = await suggest(referral.indicatorIds);
      const problems = submissionProblems(referral, suggestion.suggestedLevel);
      if (problems.length) throw new Unprocessable('This referral cannot be submitted yet', problems);
      const child = referral.child ?? {};
      const identity = {
        firstName: child.firstName ?? '',
        lastName: child.lastName ?? '',
        dateOfBirth: child.dateOfBirth ?? child.expectedDateOfBirth,
        postcode: child.address?.postcode,
      };
      const childKeys = deps.childKeys(identity);
      const submittedAt = new Date(at);
      const priors = await store.priorForChild(childKeys, referral.id);
      const possibleDuplicates = priors.map((p) => ({
        referralId: p.referralId,
        reference: p.reference,
        agencyId: p.agencyId,
        submittedAt: p.submittedAt,
        reason: [
          p.matchedOn === 'child'
            ? 'Same child: name, date of birth and postcode'
            : 'Same name and date of birth',
          isReReferral(new Date(p.submittedAt), submittedAt)
            ? 're-referral within 12 months'
            : 'referred before',
        ].join('; '),
      }));
      const submittedReferral: Referral = {
        ...referral,
        ...suggestion,
        submittedAt: at,
        decisionDueAt: decisionDueAt(submittedAt).toISOString(),
        ...(possibleDuplicates.length ? { possibleDuplicates } : {}),
      };
      return {
        referral: submittedReferral,
        childKeys,
        counters: [{ sk: `M#${at.slice(0, 7)}#AGENCY#${referral.agencyId}`, add: { submitted: 1 } }],
        messages: [{ audience: 'TRIAGE', notification: notificationFor.submitted(at, submittedReferral) }],
      };
    }),
  );

  app.openapi(withdrawReferral, (c) =>
    transition(c, 'withdraw', async (referral, _me, at) => {
      const { reason } = c.req.valid('json');
      return { referral: { ...referral, withdrawn: { reason, at } }, entryText: reason };
    }),
  );

  app.openapi(reviewReferral, (c) =>
    transition(c, 'review', async (referral, me, at) => ({
      referral: { ...referral, reviewer: { ...person(me), at } },
    })),
  );

  app.openapi(decideReferral, (c) =>
    transition(c, 'decide', async (referral, me, at) => {
      const input = c.req.valid('json');
      const problems = decisionProblems(input);
      if (problems.length) throw new Unprocessable('The decision is not complete', problems);
      const onTime = referral.decisionDueAt ? at <= referral.decisionDueAt : false;
      const add: Record<string, number> = {
        decided: 1,
        decidedOnTime: onTime ? 1 : 0,
        [`o_${input.outcome}`]: 1,
      };
      if (referral.suggestedLevel) add[`m${referral.suggestedLevel}${input.levelOfNeed}`] = 1;
      return {
        referral: { ...referral, decision: { ...input, decidedAt: at, decidedBy: person(me) } },
        counters: [{ sk: `Q#${quarterOf(at)}#AGENCY#${referral.agencyId}`, add }],
        messages: [
          { audience: `AGENCY#${referral.agencyId}`, notification: notificationFor.decided(at, referral) },
        ],
      };
    }),
  );

  app.openapi(closeReferral, (c) =>
    transition(c, 'close', async (referral, _me, at) => ({ referral: { ...referral, closedAt: at } })),
  );

  app.openapi(addNote, async (c) => {
    const me = signedIn(c);
    const { id } = c.req.valid('param');
    const { text } = c.req.valid('json');
    const referral = await store.get(id);
    const check = canAddNote(me, referral ?? NOBODYS_REFERRAL);
    if (!check.ok) return refuse(c, me, id, 'referral.note', check, referral ?? undefined);
    if (!referral)
      return refuse(c, me, id, 'referral.note', {
        ok: false,
        reason: 'not-found',
        message: 'Referral not found',
      });
    const entry = entryFor(me, 'note', clock().toISOString(), text);
    await store.addNote(id, entry, deps.audit.putItem(event(c, me, 'referral.note', id)));
    return c.json(entry, 201);
  });

  app.openapi(listNotifications, async (c) => {
    const me = signedIn(c);
    const { limit } = c.req.valid('query');
    const audience = hasRole(me, 'triage')
      ? 'TRIAGE'
      : hasRole(me, 'referrer') && me.agencyId
        ? (`AGENCY#${me.agencyId}` as const)
        : null;
    if (!audience) throw new Forbidden('Notifications are for referrers and the front door');
    return c.json({ items: await store.notifications(audience, limit) }, 200);
  });

  app.openapi(referralStats, async (c) => {
    const me = signedIn(c);
    if (!hasRole(me, 'triage', 'board'))
      throw new Forbidden('Partnership figures are for the front door and the board');
    const year = c.req.valid('query').year ?? clock().getUTCFullYear();
    const [months, quarters] = await Promise.all([store.counters(`M#${year}`), store.counters(`Q#${year}`)]);
    const agencyOf = (sk: string) => sk.split('#AGENCY#')[1] ?? '';
    return c.json(
      {
        generatedAt: clock().toISOString(),
        months: months.map((r) => ({
          month: r.sk.slice(2, 9),
          agencyId: agencyOf(r.sk),
          submitted: r.values.submitted ?? 0,
        })),
        quarters: quarters.map((r) => ({
          quarter: r.sk.slice(2, 9),
          agencyId: agencyOf(r.sk),
          decided: r.values.decided ?? 0,
          decidedOnTime: r.values.decidedOnTime ?? 0,
          outcomes: Object.fromEntries(
            Object.entries(r.values)
              .filter(([k]) => k.startsWith('o_'))
              .map(([k, v]) => [k.slice(2), v]),
          ),
          matrix: [1, 2, 3, 4].map((s) => [1, 2, 3, 4].map((d) => r.values[`m${s}${d}`] ?? 0)),
        })),
      },
      200,
    );
  });

  return app;
}
