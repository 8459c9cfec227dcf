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
import type { Me } from '../../../shared/directory/me.ts';
import type { GuidanceVersion } from '../../../shared/guidance/schema.ts';
import type { TimelineEntry } from '../../../shared/referrals/schema.ts';
import { ApiError } from '../../platform/api.ts';
import { signInUrl } from '../../platform/auth.ts';
import { boot, loadMe } from '../../platform/chrome.ts';
import { LoadingPage, mount, PageHeading, ProblemPage, setTitle } from '../../platform/ui.ts';
import {
  isConflict,
  loadGuidance,
  loadReferral,
  ReferralNotFound,
  type ReferralWithTimeline,
  referralAction,
  referralIdFromUrl,
} from '../views.ts';
import { isTriage } from './view/addresses.ts';
import { CannotDo } from './view/cannot-do.ts';
import { DecisionForm } from './view/decision-form.ts';
import { ReferralPage } from './view/summary.ts';
import { WithdrawForm } from './view/withdraw-form.ts';

type PageKind = 'view' | 'decide' | 'withdraw';

type State =
  | { kind: 'loading' }
  | { kind: 'not-allowed'; me: Me }
  | { kind: 'not-found' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'loaded'; me: Me; referral: ReferralWithTimeline; guidance: GuidanceVersion | null };

function Page(props: { kind: PageKind }): VNode {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('done'),
  );
  const reviewStarted = useRef(false);

  useEffect(() => {
    let cancelled = false;
    (async (): Promise<State | null> => {
      const me = await loadMe();
      if (!me) {
        window.location.replace(signInUrl());
        return null;
      }
      if (!me.roles.includes('referrer') && !isTriage(me)) return { kind: 'not-allowed', me };
      const id = referralIdFromUrl();
      if (!id) return { kind: 'not-found' };
      const [first, guidance] = await Promise.all([loadReferral(id), loadGuidance().catch(() => null)]);
      let referral = first;
      // The Front Door opening a submitted referral starts its review: it becomes hers.
      if (
        props.kind === 'view' &&
        isTriage(me) &&
        referral.status === 'submitted' &&
        !reviewStarted.current
      ) {
        reviewStarted.current = true;
        try {
          await referralAction(referral, 'review');
          if (!cancelled) setDone('review');
        } catch (error) {
          if (!isConflict(error)) throw error;
          // Someone else opened it first: show it as it now is.
        }
        referral = await loadReferral(id);
      }
      return { kind: 'loaded', me, referral, guidance };
    })().then(
      (next) => {
        if (next && !cancelled) setState(next);
      },
      (error: unknown) => {
        if (cancelled) return;
        setState(
          error instanceof ApiError && error.status === 404
            ? { kind: 'not-found' }
            : { kind: 'failed', error },
        );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(() => {
    if (state.kind === 'not-found') setTitle('Referral not found');
    else if (state.kind !== 'loaded') setTitle('Referral');
  }, [state.kind]);

  switch (state.kind) {
    case 'loading':
      return html`<${LoadingPage} heading="Referral" size="l" text="Loading the referral…" />`;
    case 'not-found':
      return html`<${ReferralNotFound} />`;
    case 'failed':
      return html`<${ProblemPage} heading="Referral" size="l" error=${state.error} what="the referral" onRetry=${() => setAttempt((n) => n + 1)} />`;
    case 'not-allowed':
      return html`<${PageHeading} text="You cannot see referrals" size="l" />
        <p class="govuk-body">Referrals are for practitioners who make them and for the Front Door. You are signed in as ${state.me.name}.</p>`;
    case 'loaded': {
      const { me, referral, guidance } = state;
      const framework = guidance?.framework;
      if (props.kind === 'decide') {
        if (!isTriage(me) || referral.status !== 'in_review')
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
          setAttempt((n) => n + 1);
          window.scrollTo(0, 0);
        }}
        onNote=${(entry: TimelineEntry) => {
          setState({ ...state, referral: { ...referral, timeline: [...referral.timeline, entry] } });
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
