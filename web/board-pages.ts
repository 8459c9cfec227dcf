/**
 * The board's pages: the action plan, one action, adding an action, and the partnership
 * dashboard; each written from the one layout like every other page. Dynamic pages render into #app,
 * replacing the loading state here.
 */
import { loading, type PageDefinition } from './page-table.ts';

export const BOARD_PAGES: PageDefinition[] = [
  {
    path: '/board/',
    title: 'Action plan',
    nav: 'board',
    entry: 'board',
    mainHtml: loading('Action plan', 'Loading the action plan…', {
      caption: 'Safeguarding partnership board',
    }),
  },
  {
    path: '/board/action/',
    title: 'Action',
    nav: 'board',
    entry: 'board-action',
    mainHtml: loading('Action', 'Loading the action…', { size: 'l' }),
  },
  {
    path: '/board/new/',
    title: 'Add an action',
    nav: 'board',
    entry: 'board-new',
    mainHtml: loading('Add an action', 'Loading…', { size: 'l' }),
  },
  {
    path: '/dashboard/',
    title: 'Partnership dashboard',
    nav: 'dashboard',
    entry: 'dashboard',
    mainHtml: loading('Partnership dashboard', 'Loading the figures…', {
      caption: 'Safeguarding partnership',
    }),
  },
];
