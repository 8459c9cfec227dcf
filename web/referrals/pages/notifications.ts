/**
 * /notifications/ ("Messages"): what the portal would email the signed-in user through GOV.UK Notify
 * in AWS: a referrer's agency's decisions, the Front Door's new and nearly-due referrals. No child's
 * details are ever in them, only the reference and a link that needs a sign-in.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Me } from '../../../shared/directory/me.ts';
import type { Notification } from '../../../shared/referrals/notification.ts';
import { apiGet, orNotFound } from '../../platform/api.ts';
import { boot, messagesSeenKey } from '../../platform/chrome.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import {
  formatDateTime,
  Loading,
  mount,
  PageHeading,
  ProblemState,
  setTitle,
  Tag,
} from '../../platform/ui.ts';

/** A link inside the portal, or null: a message never sends anyone elsewhere. */
function safeLink(link: string): string | null {
  return link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') ? link : null;
}

const KIND_LABELS: Record<Notification['kind'], string> = {
  'referral.submitted': 'New referral',
  'referral.decided': 'Decision',
  'referral.due_soon': 'Due soon',
  'episode.overdue': 'Early help overdue',
};

/** The messages, marked as seen (remembering what was new before), or none when Messages is not there. */
async function loadMessages(me: Me): Promise<{ items: Notification[] | null; seen: string }> {
  const found = await orNotFound(apiGet<{ items: Notification[] }>('/notifications'));
  if (!found) return { items: null, seen: '' };
  const key = messagesSeenKey(me);
  const seen = localStorage.getItem(key) ?? '';
  const newest = [seen, ...found.items.map((n) => n.at)].sort().at(-1) ?? '';
  if (newest) localStorage.setItem(key, newest);
  return { items: found.items, seen };
}

function MessagesPage(): VNode {
  const { state, retry } = useSignedInLoad(
    (me) => me.roles.includes('referrer') || me.roles.includes('triage'),
    loadMessages,
    { redirect: true },
  );
  useEffect(() => setTitle('Messages'), []);

  const intro = html`
    <${PageHeading} text="Messages" size="l" />
    <p class="govuk-body">
      What the portal sends you. In the live service each one is emailed to you. They never contain a child’s details:
      follow the link and sign in to read the referral.
    </p>
  `;
  switch (state.kind) {
    case 'loading':
      return html`${intro}<${Loading} text="Loading your messages…" />`;
    case 'failed':
      return html`${intro}<${ProblemState} error=${state.error} what="your messages" onRetry=${retry} />`;
    case 'not-allowed':
      return html`${intro}<p class="govuk-body">Messages are about referrals, for referrers and the Front Door. You are signed in as ${state.me.name}.</p>`;
    case 'loaded': {
      const { items, seen } = state;
      if (!items) return html`${intro}<p class="govuk-body">Messages are not available yet.</p>`;
      return html`
        <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
          ${intro}
          ${
            items.length === 0
              ? html`<p class="govuk-body">You have no messages yet.</p>`
              : html`<ul class="govuk-list app-messages">
                  ${items.map((n) => {
                    const link = safeLink(n.link);
                    const fresh = n.at > seen;
                    return html`<li class="app-messages__item" key=${n.id}>
                      <p class="govuk-body-s govuk-!-margin-bottom-1 app-muted">
                        ${fresh ? html`<${Tag} text="New" colour="blue" classes="app-tag--inline" />` : null}
                        ${KIND_LABELS[n.kind] ?? 'Message'} · <time datetime=${n.at}>${formatDateTime(n.at)}</time>
                      </p>
                      <h2 class="govuk-heading-s govuk-!-margin-bottom-1">${n.subject}</h2>
                      <p class="govuk-body govuk-!-margin-bottom-1">${n.body}</p>
                      ${link ? html`<a class="govuk-link" href=${link}>Open referral ${n.reference}</a>` : null}
                    </li>`;
                  })}
                </ul>`
          }
        </div></div>
      `;
    }
  }
}

boot();
mount(html`<${MessagesPage} />`);
