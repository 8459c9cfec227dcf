/**
 * The referral pages (the referrals issue, item 10) and Messages: each written from the one layout
 * like every other page. Dynamic pages render into #app, replacing the loading state here.
 */
import type { PageDefinition } from './pages.ts';
import { SECTIONS } from './src/referral-sections.ts';

function loading(heading: string, message: string): string {
  return `        <div id="app">
          <h1 class="govuk-heading-l">${heading}</h1>
          <p class="govuk-body" role="status">${message}</p>
          <noscript>
            <p class="govuk-body">This page needs JavaScript. Turn it on in your browser's settings, or use a different browser, and reload the page.</p>
          </noscript>
        </div>`;
}

const page = (
  file: string,
  title: string,
  entry: string,
  message: string,
  nav: PageDefinition['nav'] = 'referrals',
): PageDefinition => ({ file, title, nav, entry, mainHtml: loading(title, message) });

export const REFERRAL_PAGES: PageDefinition[] = [
  page('referrals/index.html', 'Your referrals', 'referrals', 'Loading your agency’s referrals…'),
  page('referrals/new/index.html', 'Request early help for a child', 'referral-start', 'Loading…'),
  page('referrals/draft/index.html', 'Request for early help', 'referral-check', 'Loading the referral…'),
  ...SECTIONS.map((s) =>
    page(`referrals/draft/${s.slug}/index.html`, s.heading, 'referral-form', 'Loading the referral…'),
  ),
  page('referrals/draft/check/index.html', 'Check your answers', 'referral-check', 'Loading the referral…'),
  page('referrals/submitted/index.html', 'Referral sent', 'referral-check', 'Loading the referral…'),
  page('referrals/view/index.html', 'Referral', 'referral-view', 'Loading the referral…'),
  page('referrals/decide/index.html', 'Record the decision', 'referral-view', 'Loading the referral…'),
  page('referrals/withdraw/index.html', 'Withdraw the referral', 'referral-view', 'Loading the referral…'),
  page('referrals/queue/index.html', 'Front Door queue', 'referral-queue', 'Loading the queue…'),
  page('notifications/index.html', 'Messages', 'notifications', 'Loading your messages…', 'messages'),
];
