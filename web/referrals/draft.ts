/**
 * What the pages of a draft referral share: loading it (signed in as a referrer of its agency), the
 * caption that names it, and the states around it (not found, already sent, not a referrer).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Me } from '../../shared/directory/me.ts';
import type { Framework } from '../../shared/guidance/schema.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { useSignedInLoad } from '../platform/signed-in.ts';
import { ButtonLink, PageHeading, PendingPage, setTitle } from '../platform/ui.ts';
import { childNameOf, loadAddressedReferral, ReferralNotFound } from './views.ts';

export function Caption(props: { referral: Referral }): VNode {
  const name = childNameOf(props.referral);
  return html`<span class="govuk-caption-l">
    Request for early help ${props.referral.reference}${props.referral.child?.firstName ? ` – ${name}` : ''}
  </span>`;
}

/**
 * Loads the referral in the address and renders it. Only a draft is rendered, unless `anyStatus`:
 * a sent referral gets "already sent" and a link to its page.
 */
export function DraftPage(props: {
  title: string;
  anyStatus?: boolean;
  render: (referral: Referral, framework: Framework | undefined, me: Me) => VNode;
}): VNode {
  const { state, retry } = useSignedInLoad((me) => me.roles.includes('referrer'), loadAddressedReferral, {
    redirect: true,
  });
  const notFound = state.kind === 'loaded' && !state.referral;

  useEffect(() => {
    if (notFound) setTitle('Referral not found');
    else if (state.kind !== 'loaded') setTitle(props.title);
  }, [state.kind, notFound]);

  switch (state.kind) {
    case 'loading':
    case 'failed':
      return html`<${PendingPage} state=${state} heading=${props.title} size="l" loading="Loading the referral…" what="the referral" onRetry=${retry} />`;
    case 'not-allowed':
      return html`<${NotReferrer} me=${state.me} />`;
    case 'loaded':
      if (!state.referral) return html`<${ReferralNotFound} />`;
      if (state.referral.status !== 'draft' && !props.anyStatus)
        return html`<${AlreadySent} referral=${state.referral} />`;
      return props.render(state.referral, state.guidance?.framework, state.me);
  }
}

function AlreadySent(props: { referral: Referral }): VNode {
  useEffect(() => setTitle('This referral has already been sent'), []);
  return html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    <${PageHeading} text="This referral has already been sent" size="l" />
    <p class="govuk-body">
      Referral ${props.referral.reference} can no longer be changed. You can add further information to it instead.
    </p>
    <${ButtonLink} href=${`/referrals/view/?id=${encodeURIComponent(props.referral.id)}`} text="Go to the referral" />
  </div></div>`;
}

export function NotReferrer(props: { me: Me }): VNode {
  useEffect(() => setTitle('Only referrers can make referrals'), []);
  return html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    <${PageHeading} text="Only referrers can make referrals" size="l" />
    <p class="govuk-body">
      You are signed in as ${props.me.name}, who does not make referrals. Practitioners in partner agencies make them.
    </p>
    ${props.me.roles.includes('triage') ? html`<p class="govuk-body"><a class="govuk-link" href="/referrals/queue/">Go to the Front Door queue</a></p>` : null}
    <p class="govuk-body">You can still <a class="govuk-link" href="/check/">check a level of need</a>.</p>
  </div></div>`;
}
