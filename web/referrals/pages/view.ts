/**
 * One referral, for the agency that made it and for the Front Door:
 *
 *   /referrals/view/?id=        status, due time, the decision and feedback, the timeline, the answers,
 *                               further information; for the Front Door, possible duplicates, and opening
 *                               a submitted referral starts the review (it becomes hers)
 *   /referrals/decide/?id=      the Front Door's decision: level of need, outcome, rationale, feedback
 *   /referrals/withdraw/?id=    the referrer withdraws it before review, with a reason
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { canTransition } from '../../../shared/referrals/lifecycle.ts';
import type { TimelineEntry } from '../../../shared/referrals/schema.ts';
import { orNotFound } from '../../platform/api.ts';
import { boot } from '../../platform/chrome.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import { mount, PageHeading, PendingPage, setTitle } from '../../platform/ui.ts';
import {
  isConflict,
  loadAddressedReferral,
  loadReferral,
  ReferralNotFound,
  type ReferralWithTimeline,
  referralAction,
} from '../views.ts';
import { actorOf, isTriage } from './view/addresses.ts';
import { CannotDo } from './view/cannot-do.ts';
import { DecisionForm } from './view/decision-form.ts';
import { ReferralPage } from './view/summary.ts';
import { WithdrawForm } from './view/withdraw-form.ts';

type PageKind = 'view' | 'decide' | 'withdraw';

/** Starts the review of a submitted referral, then reads it as it now is. */
async function startReview(
  referral: ReferralWithTimeline,
  onStarted: () => void,
): Promise<ReferralWithTimeline> {
  try {
    await referralAction(referral, 'review');
    onStarted();
  } catch (error) {
    if (!isConflict(error)) throw error;
    // Someone else opened it first: show it as it now is.
  }
  return loadReferral(referral.id);
}

function Page(props: { kind: PageKind }): VNode {
  const [done, setDone] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('done'),
  );
  const reviewStarted = useRef(false);

  const { state, refresh, replace } = useSignedInLoad(
    (me) => me.roles.includes('referrer') || isTriage(me),
    async (me, live) => {
      const { referral, guidance } = await loadAddressedReferral();
      // The Front Door opening a submitted referral starts its review: it becomes hers.
      if (
        !referral ||
        props.kind !== 'view' ||
        !isTriage(me) ||
        referral.status !== 'submitted' ||
        reviewStarted.current
      )
        return { referral, guidance };
      reviewStarted.current = true;
      const started = () => {
        if (live()) setDone('review');
      };
      return { referral: await orNotFound(startReview(referral, started)), guidance };
    },
    { redirect: true },
  );
  const notFound = state.kind === 'loaded' && !state.referral;

  useEffect(() => {
    if (notFound) setTitle('Referral not found');
    else if (state.kind !== 'loaded') setTitle('Referral');
  }, [state.kind, notFound]);

  switch (state.kind) {
    case 'loading':
    case 'failed':
      return html`<${PendingPage} state=${state} heading="Referral" size="l" loading="Loading the referral…" what="the referral" onRetry=${refresh} />`;
    case 'not-allowed':
      return html`<${PageHeading} text="You cannot see referrals" size="l" />
        <p class="govuk-body">Referrals are for practitioners who make them and for the Front Door. You are signed in as ${state.me.name}.</p>`;
    case 'loaded': {
      const { me, guidance } = state;
      const referral = state.referral;
      if (!referral) return html`<${ReferralNotFound} />`;
      const framework = guidance?.framework;
      if (props.kind === 'decide') {
        if (!canTransition('decide', actorOf(me), referral).ok)
          return html`<${CannotDo} referral=${referral} what="decided" />`;
        return html`<${DecisionForm} referral=${referral} framework=${framework} />`;
      }
      if (props.kind === 'withdraw') {
        if (isTriage(me) || (referral.status !== 'draft' && referral.status !== 'submitted'))
          return html`<${CannotDo} referral=${referral} what="withdrawn" />`;
        return html`<${WithdrawForm} referral=${referral} />`;
      }
      return html`<${ReferralPage}
        me=${me}
        referral=${referral}
        framework=${framework}
        done=${done}
        reload=${(next?: string) => {
          setDone(next ?? null);
          refresh();
          window.scrollTo(0, 0);
        }}
        onNote=${(entry: TimelineEntry) => {
          replace({ guidance, referral: { ...referral, timeline: [...referral.timeline, entry] } });
          setDone('note');
          window.scrollTo(0, 0);
        }}
      />`;
    }
  }
}

const path = window.location.pathname;
const kind: PageKind = path.startsWith('/referrals/decide')
  ? 'decide'
  : path.startsWith('/referrals/withdraw')
    ? 'withdraw'
    : 'view';
boot();
mount(html`<${Page} kind=${kind} />`);
