/**
 * The board's pages: the action plan, one action, adding an action, and the partnership
 * dashboard; each written from the one layout like every other page. Dynamic pages render into #app,
 * replacing the loading state here.
 */
import type { PageDefinition } from './pages.ts';

function loading(caption: string, heading: string, message: string, size: 'xl' | 'l'): string {
  return `        <div id="app">
          ${caption ? `<span class="govuk-caption-${size}">${caption}</span>\n          ` : ''}<h1 class="govuk-heading-${size}">${heading}</h1>
          <p class="govuk-body" role="status">${message}</p>
          <noscript>
            <p class="govuk-body">This page needs JavaScript. Turn it on in your browser's settings, or use a different browser, and reload the page.</p>
          </noscript>
        </div>`;
}

export const BOARD_PAGES: PageDefinition[] = [
  {
    file: 'board/index.html',
    title: 'Action plan',
    nav: 'board',
    entry: 'board',
    mainHtml: loading('Safeguarding partnership board', 'Action plan', 'Loading the action plan…', 'xl'),
  },
  {
    file: 'board/action/index.html',
    title: 'Action',
    nav: 'board',
    entry: 'board-action',
    mainHtml: loading('', 'Action', 'Loading the action…', 'l'),
  },
  {
    file: 'board/new/index.html',
    title: 'Add an action',
    nav: 'board',
    entry: 'board-new',
    mainHtml: loading('', 'Add an action', 'Loading…', 'l'),
  },
  {
    file: 'dashboard/index.html',
    title: 'Partnership dashboard',
    nav: 'dashboard',
    entry: 'dashboard',
    mainHtml: loading('Safeguarding partnership', 'Partnership dashboard', 'Loading the figures…', 'xl'),
  },
];
