/**
 * The board's pages: the action plan, one action and adding an action, each written from the one
 * layout like every other page. Dynamic pages render into #app, replacing the loading state here.
 */
import { loading, type PageDefinition } from '../page-table.ts';

export const BOARD_PAGES: PageDefinition[] = [
  {
    path: '/board/',
    title: 'Action plan',
    nav: 'board',
    entry: 'board/pages/board',
    mainHtml: loading('Action plan', 'Loading the action plan…', {
      caption: 'Safeguarding partnership board',
    }),
  },
  {
    path: '/board/action/',
    title: 'Action',
    nav: 'board',
    entry: 'board/pages/action',
    mainHtml: loading('Action', 'Loading the action…', { size: 'l' }),
  },
  {
    path: '/board/new/',
    title: 'Add an action',
    nav: 'board',
    entry: 'board/pages/new',
    mainHtml: loading('Add an action', 'Loading…', { size: 'l' }),
  },
];
