import type { Consultation } from '../../shared/referrals/consultation-schema.ts';
import { canTransition, type Transition } from '../../shared/referrals/lifecycle.ts';
import type { Referral, TimelineEntry } from '../../shared/referrals/schema.ts';
import { Conflict } from '../platform/errors.ts';
import { type AppContext, ifMatchVersion, signedIn } from '../platform/http.ts';
import type { Principal } from '../platform/identity.ts';
import { NOBODYS_REFERRAL, NOT_FOUND, referralAnswers, respond } from './answers.ts';
import type { ReferralsDeps } from './app.ts';
import { consultationEvent } from './audit-events.ts';
import { type CounterChange, type OutboxMessage, RelatedConflict } from './store.ts';
import { entryFor } from './timeline-entries.ts';
import { referralView } from './views.ts';

/** What one transition makes of the referral, and what it writes beside it in the same transaction. */
export interface TransitionResult {
  referral: Referral;
  entryText?: string;
  childKeys?: string[];
  counters?: CounterChange[];
  messages?: OutboxMessage[];
  /** Other referrals changed with it, each with its version already moved on (an earlier one flagged). */
  related?: { referral: Referral; action: string }[];
  /** Consultation calls it answers, linked to it, each one version on (consultations.ts `linkCalls`). */
  consultations?: Consultation[];
}

export type ApplyTransition = (referral: Referral, me: Principal, at: string) => Promise<TransitionResult>;

/** How many times a transition is tried when only another referral about the child raced it. */
const RELATED_ATTEMPTS = 4;

const TIMELINE_KINDS: Record<Transition, TimelineEntry['kind']> = {
  submit: 'submitted',
  withdraw: 'withdrawn',
  review: 'review_started',
  decide: 'decided',
  close: 'closed',
};

/** The transitions counted as business metrics (EMF), once each write has succeeded: a count, nothing more. */
const COUNTED: Partial<Record<Transition, string>> = {
  submit: 'ReferralsSubmitted',
  decide: 'ReferralsDecided',
};

/** The common path of every transition: read, check the lifecycle, apply, write with its extras. */
export function transitionRunner(
  deps: Pick<ReferralsDeps, 'store' | 'audit' | 'clock' | 'subjectKey' | 'metrics'>,
) {
  const { store, clock } = deps;
  const { event, refuse, written } = referralAnswers(deps);
  const callEvent = consultationEvent(deps.subjectKey);

  return async (c: AppContext, transitionName: Transition, apply: ApplyTransition) => {
    const me = signedIn(c);
    const id = c.req.param('id') ?? '';
    const expected = ifMatchVersion(c);
    const action = `referral.${transitionName}`;
    const current = await store.get(id);
    // A missing referral is refused in the same order as an unreadable one, so the two answer alike.
    const check = canTransition(transitionName, me, current ?? NOBODYS_REFERRAL);
    if (!check.ok) return refuse(c, me, id, action, check, current ?? undefined);
    if (!current) return refuse(c, me, id, action, NOT_FOUND);
    if (current.version !== expected)
      throw new Conflict('Someone else changed this referral since you read it', referralView(me, current));
    // A flag on another referral about the child can race that referral's own writes: nothing is
    // written then, so the transition is applied again from a fresh read of the others.
    let next: TransitionResult | undefined;
    await written(me, id, async () => {
      for (let attempt = 1; ; attempt++) {
        const at = clock().toISOString();
        next = await apply({ ...current, status: check.to, updatedAt: at, version: expected + 1 }, me, at);
        try {
          return await store.update(next.referral, expected, {
            entry: entryFor(me, TIMELINE_KINDS[transitionName], at, next.entryText),
            audit: deps.audit.putItem(event(c, me, action, next.referral)),
            ...(next.childKeys ? { childKeys: next.childKeys } : {}),
            ...(next.counters ? { counters: next.counters } : {}),
            ...(next.messages ? { messages: next.messages } : {}),
            ...(next.related
              ? {
                  related: next.related.map((other) => ({
                    referral: other.referral,
                    audit: deps.audit.putItem(event(c, me, other.action, other.referral)),
                  })),
                }
              : {}),
            ...(next.consultations?.length
              ? {
                  consultations: next.consultations.map((call) => ({
                    call,
                    audit: deps.audit.putItem(callEvent(c, me, 'consultation.link', call)),
                  })),
                }
              : {}),
          });
        } catch (error) {
          if (!(error instanceof RelatedConflict) || attempt >= RELATED_ATTEMPTS) throw error;
        }
      }
    });
    const counted = COUNTED[transitionName];
    if (counted) deps.metrics?.({ [counted]: 1 });
    return respond(c, referralView(me, (next as TransitionResult).referral), 200);
  };
}
