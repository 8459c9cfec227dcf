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
import { REFERRAL_PAGES } from './referrals/routes.ts';
import { SERVICES_PAGES, SERVICES_SERVER_PAGES } from './services/routes.ts';

const home = `        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h1 class="govuk-heading-xl">Keeping children in Northshire safe, together</h1>
            <p class="govuk-body-l">This portal is where the partners who work with children in Northshire agree what level of need a child has, ask for early help, and follow what happens next.</p>
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>
                If a child is in immediate danger, call 999. If you think a child is at risk of significant harm, contact the Children's Front Door straight away. Do not wait to use this portal.
              </strong>
            </div>
            <h2 class="govuk-heading-m">Who it is for</h2>
            <ul class="govuk-list govuk-list--bullet">
              <li>schools, colleges and early years settings</li>
              <li>health services, such as GPs, health visitors, school nurses and hospitals</li>
              <li>Northshire Police</li>
              <li>charities and voluntary groups that work with children and families</li>
              <li>the Children's Front Door, the council's team that decides on every request for support</li>
              <li>the Safeguarding Partnership board, which holds the partners to account</li>
            </ul>
            <h2 class="govuk-heading-m">Check the threshold guidance</h2>
            <p class="govuk-body">The threshold guidance sets out the four levels of need, what each looks like and what to do at each level. Everyone in the partnership uses the same version. You do not need to sign in to read it.</p>
            <a href="/guidance/" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Read the threshold guidance</a>
            <p class="govuk-body">Worried about a child? <a class="govuk-link" href="/check/">Check the level of need step by step</a>: search for what you have seen or heard, and see what to do now.</p>
            <h2 class="govuk-heading-m">Find a local service</h2>
            <p class="govuk-body">The services directory lists the early help services that can support a family, with how to refer and when each was last checked. <a class="govuk-link" href="/services/">Find a service</a>: you do not need to sign in.</p>
            <h2 class="govuk-heading-m">Sign in</h2>
            <p class="govuk-body">Practitioners in partner agencies sign in to see the directory of partner agencies. Requests for early help and the board's action plan are coming to the portal next.</p>
            <p class="govuk-body"><a class="govuk-link" href="/sign-in/">Sign in to the portal</a></p>
          </div>
        </div>`;

const notFound = `        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h1 class="govuk-heading-l">Page not found</h1>
            <p class="govuk-body">If you typed the web address, check it is correct.</p>
            <p class="govuk-body">If you pasted the web address, check you copied the entire address.</p>
            <p class="govuk-body">You can go to the <a class="govuk-link" href="/">home page</a> or read the <a class="govuk-link" href="/guidance/">threshold guidance</a>.</p>
          </div>
        </div>`;

/** The pages the build writes, each at its address. */
export const PAGES: readonly PageDefinition[] = [
  { path: '/', title: 'Home', nav: 'home', entry: 'platform/pages/home', mainHtml: home },
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
  mainHtml: notFound,
} as const satisfies Omit<PageDefinition, 'path'> & { file: string };

/** Every address that is a page, written or server-rendered: only these are sent on from "/x" to "/x/". */
export const PAGE_PATHS: readonly string[] = [...PAGES, ...SERVER_RENDERED].map((p) => p.path);
