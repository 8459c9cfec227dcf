/**
 * The referral pages and Messages: each written from the one layout like every other page. Dynamic
 * pages render into #app, replacing the loading state here.
 */
import { loading, type PageDefinition } from './page-table.ts';
import { SECTIONS } from './src/referral-sections.ts';

const page = (
  path: string,
  title: string,
  entry: string,
  message: string,
  nav: PageDefinition['nav'] = 'referrals',
): PageDefinition => ({ path, title, nav, entry, mainHtml: loading(title, message, { size: 'l' }) });

export const REFERRAL_PAGES: PageDefinition[] = [
  page('/referrals/', 'Your referrals', 'referrals', 'Loading your agency’s referrals…'),
  page('/referrals/new/', 'Request early help for a child', 'referral-start', 'Loading…'),
  page('/referrals/draft/', 'Request for early help', 'referral-check', 'Loading the referral…'),
  ...SECTIONS.map((s) =>
    page(`/referrals/draft/${s.slug}/`, s.heading, 'referral-form', 'Loading the referral…'),
  ),
  page('/referrals/draft/check/', 'Check your answers', 'referral-check', 'Loading the referral…'),
  page('/referrals/submitted/', 'Referral sent', 'referral-check', 'Loading the referral…'),
  page('/referrals/view/', 'Referral', 'referral-view', 'Loading the referral…'),
  page('/referrals/decide/', 'Record the decision', 'referral-view', 'Loading the referral…'),
  page('/referrals/withdraw/', 'Withdraw the referral', 'referral-view', 'Loading the referral…'),
  page('/referrals/queue/', 'Front Door queue', 'referral-queue', 'Loading the queue…'),
  page('/notifications/', 'Messages', 'notifications', 'Loading your messages…', 'messages'),
];
