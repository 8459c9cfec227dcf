/**
 * The directory's pages: the partner agencies, and the system owner's audit trail (by record or by
 * person) and subject access request search. Written from the one layout; each page's module renders into #app. Nothing a search
 * is about goes into the address: the forms post, or keep their state in the page.
 */
import { loading, type PageDefinition } from '../page-table.ts';

export const DIRECTORY_PAGES: PageDefinition[] = [
  {
    path: '/agencies/',
    title: 'Partner agencies',
    nav: 'agencies',
    entry: 'directory/pages/agencies',
    mainHtml: loading('Partner agencies', 'Loading the partner agencies…'),
  },
  {
    path: '/audit/',
    title: 'Audit trail',
    nav: 'audit',
    entry: 'directory/pages/audit',
    mainHtml: loading('Audit trail', 'Loading…'),
  },
  {
    path: '/audit/subject-access/',
    title: 'Subject access request',
    nav: 'audit',
    entry: 'directory/pages/subject-access',
    mainHtml: loading('Subject access request', 'Loading…'),
  },
];
