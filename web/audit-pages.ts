/**
 * The system owner's audit pages: the audit trail (by record or by person) and the subject access
 * request search. Written from the one layout; each page's module renders into #app. Nothing a search
 * is about goes into the address: the forms post, or keep their state in the page.
 */
import { loading, type PageDefinition } from './page-table.ts';

export const AUDIT_PAGES: PageDefinition[] = [
  {
    path: '/audit/',
    title: 'Audit trail',
    nav: 'audit',
    entry: 'audit',
    mainHtml: loading('Audit trail', 'Loading…'),
  },
  {
    path: '/audit/subject-access/',
    title: 'Subject access request',
    nav: 'audit',
    entry: 'subject-access',
    mainHtml: loading('Subject access request', 'Loading…'),
  },
];
