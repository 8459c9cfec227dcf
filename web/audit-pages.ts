/**
 * The system owner's audit pages: the audit trail (by record or by person) and the subject access
 * request search. Written from the one layout; each page's module renders into #app. Nothing a search
 * is about goes into the address: the forms post, or keep their state in the page.
 */
import type { PageDefinition } from './pages.ts';

function loading(heading: string, message: string): string {
  return `        <div id="app">
          <h1 class="govuk-heading-xl">${heading}</h1>
          <p class="govuk-body" role="status">${message}</p>
          <noscript>
            <p class="govuk-body">This page needs JavaScript. Turn it on in your browser's settings, or use a different browser, and reload the page.</p>
          </noscript>
        </div>`;
}

export const AUDIT_PAGES: PageDefinition[] = [
  {
    file: 'audit/index.html',
    title: 'Audit trail',
    nav: 'audit',
    entry: 'audit',
    mainHtml: loading('Audit trail', 'Loading…'),
  },
  {
    file: 'audit/subject-access/index.html',
    title: 'Subject access request',
    nav: 'audit',
    entry: 'subject-access',
    mainHtml: loading('Subject access request', 'Loading…'),
  },
];
