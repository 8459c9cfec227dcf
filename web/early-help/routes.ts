/**
 * The early-help pages: the list of episodes and one episode (with its forms, one address each).
 * Written from the one layout like every other page; each module renders into #app.
 */
import { loading, type PageDefinition } from '../page-table.ts';

export const EARLY_HELP_PAGES: PageDefinition[] = [
  {
    path: '/early-help/',
    title: 'Early help',
    nav: 'early-help',
    entry: 'early-help/pages/episodes',
    mainHtml: loading('Early help', 'Loading the families…', { size: 'l' }),
  },
  {
    path: '/early-help/episode/',
    title: 'Early help episode',
    nav: 'early-help',
    entry: 'early-help/pages/episode',
    mainHtml: loading('Early help episode', 'Loading the episode…', { size: 'l' }),
  },
  {
    path: '/early-help/step-down/',
    title: 'Record a step-down from social care',
    nav: 'early-help',
    entry: 'early-help/pages/step-down',
    mainHtml: loading('Record a step-down from social care', 'Loading the form…', { size: 'l' }),
  },
  {
    path: '/early-help/standards/',
    title: 'Early help standards',
    nav: 'dashboard',
    entry: 'early-help/pages/standards',
    mainHtml: loading('Early help standards', 'Loading the standards…', {
      size: 'l',
      caption: 'Safeguarding partnership',
    }),
  },
];
