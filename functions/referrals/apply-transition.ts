import { canTransition, type Transition } from '../../shared/referrals/lifecycle.ts';
import type { Referral, TimelineEntry } from '../../shared/referrals/schema.ts';
import { Conflict } from '../platform/errors.ts';
import { type AppContext, ifMatchVersion, signedIn } from '../platform/http.ts';
import type { Principal } from '../platform/identity.ts';
import { NOBODYS_REFERRAL, NOT_FOUND, referralAnswers, respond } from './answers.ts';
import type { ReferralsDeps } from './app.ts';
import type { CounterChange, OutboxMessage } from './store.ts';
import { entryFor } from './timeline-entries.ts';
import { referralView } from './views.ts';

/** What one transition makes of the referral, and what it writes beside it in the same transaction. */
export interface TransitionResult {
  referral: Referral;
  entryText?: string;
  childKeys?: string[];
  counters?: CounterChange[];
  messages?: OutboxMessage[];
}

export type ApplyTransition = (referral: Referral, me: Principal, at: string) => Promise<TransitionResult>;

const TIMELINE_KINDS: Record<Transition, TimelineEntry['kind']> = {
  submit: 'submitted',
  withdraw: 'withdrawn',
  review: 'review_started',
  decide: 'decided',
  close: 'closed',
};

/** The common path of every transition: read, check the lifecycle, apply, write with its extras. */
export function transitionRunner(deps: Pick<ReferralsDeps, 'store' | 'audit' | 'clock' | 'subjectKey'>) {
  const { store, clock } = deps;
  const { event, refuse, written } = referralAnswers(deps);

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
    const at = clock().toISOString();
    const next = await apply({ ...current, status: check.to, updatedAt: at, version: expected + 1 }, me, at);
    await written(me, id, () =>
      store.update(next.referral, expected, {
        entry: entryFor(me, TIMELINE_KINDS[transitionName], at, next.entryText),
        audit: deps.audit.putItem(event(c, me, action, next.referral)),
        ...(next.childKeys ? { childKeys: next.childKeys } : {}),
        ...(next.counters ? { counters: next.counters } : {}),
        ...(next.messages ? { messages: next.messages } : {}),
      }),
    );
    return respond(c, referralView(me, next.referral), 200);
  };
}
