/** The partnership dashboard: the figures the board and the front door read, drawn as charts. */
import { loading, type PageDefinition } from '../page-table.ts';

export const DASHBOARD_PAGES: PageDefinition[] = [
  {
    path: '/dashboard/',
    title: 'Partnership dashboard',
    nav: 'dashboard',
    entry: 'dashboard/pages/dashboard',
    mainHtml: loading('Partnership dashboard', 'Loading the figures…', {
      caption: 'Safeguarding partnership',
    }),
  },
];
