import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { isReReferral } from '../../shared/duplicates.ts';
import type { LevelNumber } from '../../shared/guidance.ts';
import { checkIndicators } from '../../shared/guidance-check.ts';
import type { Referral, ReferralContent, ReferralSummary, TimelineEntry } from '../../shared/referral.ts';
import {
  canAddNote,
  canRead,
  canTransition,
  type ReferralRef,
  type Refusal,
  type Transition,
} from '../../shared/referral-lifecycle.ts';
import { childDateProblems, decisionProblems, submissionProblems } from '../../shared/referral-rules.ts';
import { quarterOf } from '../../shared/threshold-consistency.ts';
import { decisionDueAt } from '../../shared/working-days.ts';
import { Conflict, Forbidden, InvalidRequest, NotFound, Unprocessable } from '../platform/errors.ts';
import {
  type AppContext,
  type AreaApp,
  createAreaApp,
  etag,
  ifMatchVersion,
  type PlatformDeps,
  signedIn,
} from '../platform/http.ts';
import { hasRole, type Principal } from '../platform/identity.ts';
import type { Shown } from '../platform/shown.ts';
import type { SubjectKey } from '../platform/subject-keys.ts';
import { accessReason } from './access-reason.ts';
import { referralAuditEvents } from './audit-events.ts';
import type { ChildKeys } from './child-keys.ts';
import type { GuidanceSource } from './guidance-source.ts';
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
import { referralStats as buildReferralStats } from './stats.ts';
import type { CounterChange, OutboxMessage, ReferralStore } from './store.ts';
import { detailView, listItemView, notificationTo, type ReferralDetail, referralView } from './views.ts';

export interface ReferralsDeps extends PlatformDeps {
  store: ReferralStore;
  guidance: GuidanceSource;
  /** The keys a submitted referral is filed under for duplicate detection (hashed: child-keys.ts). */
  childKeys: ChildKeys;
  /** The key the audit trail files a child's entries under, for subject access (subject-keys.ts). */
  subjectKey: SubjectKey;
  /** Counts from 1 to one below this are not shown in the partnership figures (stats.ts); 5 if unset. */
  smallNumberThreshold?: number;
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
  const { event, listed: listEntries } = referralAuditEvents(deps.subjectKey);

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
      await deps.audit.append(
        event(c, me, action, current ?? id, { outcome: 'denied', detail: 'not readable by this user' }),
      );
      throw new NotFound(refusal.message);
    }
    if (refusal.reason === 'forbidden') throw new Forbidden(refusal.message);
    throw new Conflict(refusal.message, current ? referralView(me, current) : undefined);
  };

  /** The referral if it exists and the caller may read it; 404 (audited) otherwise. */
  const readable = async (c: AppContext, me: Principal, id: string, action: string): Promise<Referral> => {
    const referral = await store.get(id);
    if (!referral || !canRead(me, referral)) {
      const refusal = { ok: false, reason: 'not-found', message: 'Referral not found' } as const;
      return refuse(c, me, id, action, refusal, referral ?? undefined);
    }
    return referral;
  };

  /** Every referral answered is one caller's view of it (views.ts), with its version as the ETag. */
  const respond = <T extends Referral | ReferralDetail, S extends 200 | 201>(
    c: AppContext,
    shown: Shown<T>,
    status: S,
  ) => {
    c.header('etag', etag(shown.version));
    return c.json(shown, status);
  };

  /** A page of a list: only items made for this caller (views.ts). */
  const respondPage = (c: AppContext, items: Shown<ReferralSummary>[], nextCursor: string | null) =>
    c.json({ items, nextCursor }, 200);

  /**
   * A write the store refused as a conflict (someone else's write landed first) is answered with the
   * referral as it now is, as this caller may see it: the store never puts a record in an error.
   */
  const written = async (me: Principal, id: string, write: () => Promise<void>): Promise<void> => {
    try {
      await write();
    } catch (error) {
      if (!(error instanceof Conflict) || error.current !== undefined) throw error;
      const now = await store.get(id);
      throw new Conflict(error.message, now && canRead(me, now) ? referralView(me, now) : undefined);
    }
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
    const items = page.items.map((summary) => listItemView(me, summary));
    // Single puts, side by side: the audit table allows nothing else.
    const entries = listEntries(
      c,
      me,
      listed,
      items.map((item) => item.id),
    );
    await Promise.all(entries.map((entry) => deps.audit.append(entry)));
    return respondPage(c, items, cursors.encode(page.lastKey, me.userId, list));
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

  app.openapi(getReferral, async (c) => {
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

  app.openapi(updateReferral, async (c) => {
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
      throw new Conflict('Someone else changed this referral since you read it', referralView(me, current));
    const at = clock().toISOString();
    const next = await apply({ ...current, status: check.to, updatedAt: at, version: expected + 1 }, me, at);
    const kinds: Record<Transition, TimelineEntry['kind']> = {
      submit: 'submitted',
      withdraw: 'withdrawn',
      review: 'review_started',
      decide: 'decided',
      close: 'closed',
    };
    await written(me, id, () =>
      store.update(next.referral, expected, {
        entry: entryFor(me, kinds[transitionName], at, next.entryText),
        audit: deps.audit.putItem(event(c, me, action, next.referral)),
        ...(next.childKeys ? { childKeys: next.childKeys } : {}),
        ...(next.counters ? { counters: next.counters } : {}),
        ...(next.messages ? { messages: next.messages } : {}),
      }),
    );
    return respond(c, referralView(me, next.referral), 200);
  };

  app.openapi(submitReferral, (c) =>
    transition(c, 'submit', async (referral, _me, at) => {
      const suggestion = await suggest(referral.indicatorIds);
      const problems = submissionProblems(referral, suggestion.suggestedLevel, new Date(at));
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
        messages: [notificationTo('TRIAGE', 'submitted', at, submittedReferral)],
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
        messages: [notificationTo(`AGENCY#${referral.agencyId}`, 'decided', at, referral)],
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
    const audit = deps.audit.putItem(event(c, me, 'referral.note', referral));
    await written(me, id, () => store.addNote(id, entry, audit));
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
    return c.json(
      buildReferralStats({
        months,
        quarters,
        generatedAt: clock().toISOString(),
        ...(deps.smallNumberThreshold === undefined ? {} : { threshold: deps.smallNumberThreshold }),
      }),
      200,
    );
  });

  return app;
}
