/**
 * The page table: every address the portal serves a page at, with the module that runs on it. The build
 * (build.ts) writes and bundles from it, the local runtime (infra/local/portal.ts) redirects "/x" to "/x/"
 * and answers not-found from it, and CloudFront (infra/stacks/web-stack.ts) redirects the server-rendered
 * addresses from it. Each area's pages are listed in its own module.
 */

import { BOARD_PAGES } from './board/routes.ts';
import { DASHBOARD_PAGES } from './dashboard/routes.ts';
import { DIRECTORY_PAGES } from './directory/routes.ts';
import { EARLY_HELP_PAGES } from './early-help/routes.ts';
import { GUIDANCE_PAGES, GUIDANCE_SERVER_PAGES } from './guidance/routes.ts';
import { loading, type PageDefinition, type ServerRenderedPage } from './page-table.ts';
import { ACCESSIBILITY_STATEMENT, HOME, NOT_FOUND } from './platform/static-pages.ts';
import { REFERRAL_PAGES } from './referrals/routes.ts';
import { SERVICES_PAGES, SERVICES_SERVER_PAGES } from './services/routes.ts';

/** The pages the build writes, each at its address. */
export const PAGES: readonly PageDefinition[] = [
  { path: '/', title: 'Home', nav: 'home', entry: 'platform/pages/home', mainHtml: HOME },
  {
    path: '/accessibility/',
    title: 'Accessibility statement',
    nav: 'none',
    entry: 'platform/pages/home',
    mainHtml: ACCESSIBILITY_STATEMENT,
  },
  {
    path: '/sign-in/',
    title: 'Sign in',
    nav: 'sign-in',
    entry: 'platform/pages/sign-in',
    mainHtml: loading('Sign in', 'Loading the ways to sign in…'),
  },
  {
    path: '/auth/callback/',
    title: 'Signing you in',
    nav: 'sign-in',
    entry: 'platform/pages/callback',
    mainHtml: loading('Signing you in', 'Signing you in…'),
  },
  ...GUIDANCE_PAGES,
  ...REFERRAL_PAGES,
  ...EARLY_HELP_PAGES,
  ...BOARD_PAGES,
  ...DASHBOARD_PAGES,
  ...DIRECTORY_PAGES,
  ...SERVICES_PAGES,
];

/** The pages the guidance and services functions render on the server, so they read without JavaScript. */
export const SERVER_RENDERED: readonly ServerRenderedPage[] = [
  ...GUIDANCE_SERVER_PAGES,
  ...SERVICES_SERVER_PAGES,
];

/** What any address that is not a page answers, with a 404. It has no address of its own. */
export const NOT_FOUND_PAGE = {
  file: '404.html',
  title: 'Page not found',
  nav: 'none',
  entry: 'platform/pages/home',
  mainHtml: NOT_FOUND,
} as const satisfies Omit<PageDefinition, 'path'> & { file: string };

/** Every address that is a page, written or server-rendered: only these are sent on from "/x" to "/x/". */
export const PAGE_PATHS: readonly string[] = [...PAGES, ...SERVER_RENDERED].map((p) => p.path);
