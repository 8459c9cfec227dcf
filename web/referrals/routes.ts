/**
 * The referral pages and Messages: each written from the one layout like every other page. Dynamic
 * pages render into #app, replacing the loading state here.
 */
import { loading, type PageDefinition } from '../page-table.ts';
import { SECTIONS } from './sections.ts';

const page = (
  path: string,
  title: string,
  entry: string,
  message: string,
  nav: PageDefinition['nav'] = 'referrals',
): PageDefinition => ({ path, title, nav, entry, mainHtml: loading(title, message, { size: 'l' }) });

export const REFERRAL_PAGES: PageDefinition[] = [
  page('/referrals/', 'Your referrals', 'referrals/pages/referrals', 'Loading your agency’s referrals…'),
  page('/referrals/new/', 'Request early help for a child', 'referrals/pages/new', 'Loading…'),
  page('/referrals/draft/', 'Request for early help', 'referrals/pages/draft', 'Loading the referral…'),
  ...SECTIONS.map((s) =>
    page(`/referrals/draft/${s.slug}/`, s.heading, 'referrals/pages/draft-section', 'Loading the referral…'),
  ),
  page('/referrals/draft/check/', 'Check your answers', 'referrals/pages/draft', 'Loading the referral…'),
  page('/referrals/submitted/', 'Referral sent', 'referrals/pages/draft', 'Loading the referral…'),
  page('/referrals/view/', 'Referral', 'referrals/pages/view', 'Loading the referral…'),
  page('/referrals/decide/', 'Record the decision', 'referrals/pages/view', 'Loading the referral…'),
  page('/referrals/withdraw/', 'Withdraw the referral', 'referrals/pages/view', 'Loading the referral…'),
  page('/referrals/documents/', 'Add a document', 'referrals/pages/documents', 'Loading the referral…'),
  page('/referrals/queue/', 'Front Door queue', 'referrals/pages/queue', 'Loading the queue…'),
  page(
    '/referrals/consultations/',
    'Consultation calls',
    'referrals/pages/consultations',
    'Loading the calls…',
  ),
  page(
    '/referrals/consultations/new/',
    'Record a consultation call',
    'referrals/pages/consultation-new',
    'Loading…',
  ),
  page('/notifications/', 'Messages', 'referrals/pages/notifications', 'Loading your messages…', 'messages'),
];
