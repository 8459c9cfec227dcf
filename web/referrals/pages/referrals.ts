/**
 * /referrals/: a referrer's own agency's referrals, newest first: drafts to
 * finish, and sent ones with their status, a live countdown to the decision (overdue ones stand out)
 * and the outcome. The Front Door has its own queue, so it is sent there.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { boot } from '../../platform/chrome.ts';
import {
  ButtonLink,
  mount,
  NotificationBanner,
  PageHeading,
  PendingPage,
  ShowMore,
  setTitle,
} from '../../platform/ui.ts';
import {
  draftContinue,
  draftName,
  draftSaved,
  sentAt,
  sentHeading,
  sentOutcome,
  sentStatus,
} from '../columns.ts';
import { ReferralList } from '../list.ts';
import { useReferralPages } from '../paging.ts';
import { summaryIsOverdue } from '../status.ts';
import { useNow } from '../views.ts';
import { OwnAgreementSection } from './referrals/own-agreement.ts';

const PAGE_SIZE = 50;
const params = new URLSearchParams(window.location.search);
const savedId = params.get('saved');

const DRAFT_COLUMNS = [draftName, draftSaved, draftContinue];
const SENT_COLUMNS = [sentHeading, sentStatus, sentOutcome, sentAt];

function ReferralsPage(): VNode {
  const { state, retry, showMore } = useReferralPages({
    query: `/referrals?limit=${PAGE_SIZE}`,
    role: 'referrer',
    elsewhere: { role: 'triage', page: '/referrals/queue/' },
  });
  const now = useNow();

  useEffect(() => setTitle('Your referrals'), []);

  if (state.kind === 'loading' || state.kind === 'failed')
    return html`<${PendingPage} state=${state} heading="Your referrals" size="l" loading="Loading your agency’s referrals…" what="your referrals" onRetry=${retry} />`;
  if (state.kind === 'not-allowed')
    return html`<${PageHeading} text="Your referrals" size="l" />
      <p class="govuk-body">Referrals are for practitioners in partner agencies. You are signed in as ${state.me.name}, who does not make them.</p>`;

  const drafts = state.items.filter((r) => r.status === 'draft');
  const sent = state.items.filter((r) => r.status !== 'draft');
  const saved = savedId ? state.items.find((r) => r.id === savedId) : undefined;
  const overdue = sent.filter((r) => summaryIsOverdue(r, now)).length;
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${
        saved
          ? html`<${NotificationBanner} type="success" heading=${`Your draft ${saved.reference} is saved`}>
              <p class="govuk-body">Continue it from “Drafts to finish” whenever you are ready.</p>
            </${NotificationBanner}>`
          : null
      }
      <span class="govuk-caption-l">${state.me.agency?.name ?? ''}</span>
      <${PageHeading} text="Your referrals" size="l" />
      <p class="govuk-body">Requests for early help your agency has made, newest first. Only your agency can see them.</p>
      <div class="govuk-button-group">
        <${ButtonLink} href="/referrals/new/" text="Request early help for a child" />
        <a class="govuk-link" href="/check/">Check a level of need first</a>
      </div>
      ${
        drafts.length > 0
          ? html`<h2 class="govuk-heading-m">Drafts to finish</h2>
              <${ReferralList} layout="stacked" items=${drafts} columns=${DRAFT_COLUMNS} now=${now} />`
          : null
      }
      <h2 class="govuk-heading-m">Sent referrals</h2>
      ${
        sent.length === 0
          ? html`<p class="govuk-body">Your agency has not sent any referrals yet.</p>`
          : html`
            ${overdue > 0 ? html`<p class="govuk-body"><strong>${overdue === 1 ? '1 referral is' : `${overdue} referrals are`} past the time the Front Door should have decided.</strong> They have been told.</p>` : null}
            <${ReferralList} layout="stacked" items=${sent} columns=${SENT_COLUMNS} now=${now} />
          `
      }
      <${ShowMore} ...${showMore} text="Show older referrals" failedText="Older referrals could not be loaded. Try again." />
      <${OwnAgreementSection} />
    </div></div>
  `;
}

boot();
mount(html`<${ReferralsPage} />`);
