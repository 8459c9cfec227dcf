/**
 * /referrals/: a referrer's own agency's referrals, newest first: drafts to
 * finish, and sent ones with their status, a live countdown to the decision (overdue ones stand out)
 * and the outcome. The Front Door has its own queue, so it is sent there.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../shared/me.ts';
import type { ReferralSummary } from '../../../shared/referral.ts';
import { apiGet } from '../api.ts';
import { signInUrl } from '../auth.ts';
import { boot, loadMe } from '../chrome.ts';
import { OUTCOME_LABELS } from '../referral-labels.ts';
import { sectionUrl } from '../referral-sections.ts';
import { DueTime, summaryIsOverdue } from '../referral-status.ts';
import { awaitingDecision, StatusTag, useNow } from '../referral-views.ts';
import {
  Button,
  ButtonLink,
  formatDateTime,
  Loading,
  mount,
  NotificationBanner,
  PageHeading,
  ProblemState,
  setTitle,
} from '../ui.ts';

interface ListPage {
  items: ReferralSummary[];
  nextCursor: string | null;
}

const PAGE_SIZE = 50;
const params = new URLSearchParams(window.location.search);
const savedId = params.get('saved');

function DraftList(props: { drafts: ReferralSummary[] }): VNode {
  return html`
    <h2 class="govuk-heading-m">Drafts to finish</h2>
    <ul class="govuk-list app-referral-list">
      ${props.drafts.map(
        (d) => html`<li class="app-referral-list__item" key=${d.id}>
          <p class="govuk-body govuk-!-margin-bottom-1">
            <strong>${d.childName || 'Child not named yet'}</strong>
            ${' '}<span class="app-reference">${d.reference}</span>
          </p>
          <p class="govuk-body-s govuk-!-margin-bottom-1">Last saved ${formatDateTime(d.updatedAt)}</p>
          <a class="govuk-link" href=${sectionUrl('', d.id)}>
            Continue<span class="govuk-visually-hidden"> the draft ${d.reference}${d.childName ? ` for ${d.childName}` : ''}</span>
          </a>
        </li>`,
      )}
    </ul>
  `;
}

function SentList(props: { items: ReferralSummary[]; now: Date }): VNode {
  return html`
    <ul class="govuk-list app-referral-list">
      ${props.items.map((r) => {
        const overdue = summaryIsOverdue(r, props.now);
        return html`<li class=${`app-referral-list__item${overdue ? ' app-referral-list__item--overdue' : ''}`} key=${r.id}>
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
            <a class="govuk-link" href=${`/referrals/view/?id=${encodeURIComponent(r.id)}`}>${r.childName || 'Child not named'}</a>
            ${' '}<span class="app-reference">${r.reference}</span>
          </h3>
          <p class="govuk-body govuk-!-margin-bottom-1 app-referral-list__status">
            <${StatusTag} status=${r.status} />
            ${awaitingDecision(r.status) ? html` <${DueTime} dueAt=${r.decisionDueAt} status=${r.status} now=${props.now} />` : null}
            ${r.reviewerName && r.status === 'in_review' ? html` <span class="app-muted">Being reviewed by ${r.reviewerName}</span>` : null}
          </p>
          ${r.outcome ? html`<p class="govuk-body govuk-!-margin-bottom-1">Outcome: <strong>${OUTCOME_LABELS[r.outcome]}</strong></p>` : null}
          ${r.submittedAt ? html`<p class="govuk-body-s govuk-!-margin-bottom-0 app-muted">Sent ${formatDateTime(r.submittedAt)}</p>` : null}
        </li>`;
      })}
    </ul>
  `;
}

type State =
  | { kind: 'loading' }
  | { kind: 'not-referrer'; me: Me }
  | { kind: 'failed'; error: unknown }
  | { kind: 'loaded'; me: Me; items: ReferralSummary[]; nextCursor: string | null };

function ReferralsPage(): VNode {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [more, setMore] = useState<{ busy: boolean; failed: boolean }>({ busy: false, failed: false });
  const now = useNow();

  useEffect(() => {
    setState({ kind: 'loading' });
    (async (): Promise<State | null> => {
      const me = await loadMe();
      if (!me) {
        window.location.replace(signInUrl());
        return null;
      }
      if (!me.roles.includes('referrer')) {
        if (me.roles.includes('triage')) {
          window.location.replace('/referrals/queue/');
          return null;
        }
        return { kind: 'not-referrer', me };
      }
      const page = await apiGet<ListPage>(`/referrals?limit=${PAGE_SIZE}`);
      return { kind: 'loaded', me, items: page.items, nextCursor: page.nextCursor };
    })().then(
      (next) => {
        if (next) setState(next);
      },
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  }, [attempt]);

  useEffect(() => setTitle('Your referrals'), []);

  const loadMore = async () => {
    if (state.kind !== 'loaded' || !state.nextCursor || more.busy) return;
    setMore({ busy: true, failed: false });
    try {
      const page = await apiGet<ListPage>(
        `/referrals?limit=${PAGE_SIZE}&cursor=${encodeURIComponent(state.nextCursor)}`,
      );
      setState({ ...state, items: [...state.items, ...page.items], nextCursor: page.nextCursor });
      setMore({ busy: false, failed: false });
    } catch {
      setMore({ busy: false, failed: true });
    }
  };

  if (state.kind === 'loading')
    return html`<${PageHeading} text="Your referrals" size="l" /><${Loading} text="Loading your agency’s referrals…" />`;
  if (state.kind === 'failed')
    return html`<${PageHeading} text="Your referrals" size="l" /><${ProblemState} error=${state.error} what="your referrals" onRetry=${() => setAttempt((n) => n + 1)} />`;
  if (state.kind === 'not-referrer')
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
      ${drafts.length > 0 ? html`<${DraftList} drafts=${drafts} />` : null}
      <h2 class="govuk-heading-m">Sent referrals</h2>
      ${
        sent.length === 0
          ? html`<p class="govuk-body">Your agency has not sent any referrals yet.</p>`
          : html`
            ${overdue > 0 ? html`<p class="govuk-body"><strong>${overdue === 1 ? '1 referral is' : `${overdue} referrals are`} past the time the Front Door should have decided.</strong> They have been told.</p>` : null}
            <${SentList} items=${sent} now=${now} />
          `
      }
      ${
        state.nextCursor
          ? html`<${Button} type="button" variant="secondary" text=${more.busy ? 'Loading…' : 'Show older referrals'} disabled=${more.busy} onClick=${loadMore} />`
          : null
      }
      ${more.failed ? html`<p class="govuk-body" role="alert">Older referrals could not be loaded. Try again.</p>` : null}
    </div></div>
  `;
}

boot();
mount(html`<${ReferralsPage} />`);
