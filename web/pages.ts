import { AUDIT_PAGES } from './audit-pages.ts';
import { BOARD_PAGES } from './board-pages.ts';
import type { NavKey } from './layout.ts';
import { REFERRAL_PAGES } from './referral-pages.ts';

/** A page the build writes: where it goes, its title, its static main content and its module. */
export interface PageDefinition {
  /** The output file, relative to the output folder. */
  file: string;
  title: string;
  nav: NavKey;
  /** The module under web/src/pages that runs on the page. */
  entry: string;
  /** Trusted, build-time HTML for <main>. Dynamic pages render into #app, replacing its content. */
  mainHtml: string;
}

/** The loading state a dynamic page shows until its module has rendered. */
function loading(heading: string, message: string): string {
  return `        <div id="app">
          <h1 class="govuk-heading-xl">${heading}</h1>
          <p class="govuk-body" role="status">${message}</p>
          <noscript>
            <p class="govuk-body">This page needs JavaScript. Turn it on in your browser's settings, or use a different browser, and reload the page.</p>
          </noscript>
        </div>`;
}

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

/**
 * Page modules for the pages the guidance function renders on the server (/guidance/, /check/ and
 * /check/answer/, see functions/guidance/pages.ts): built with the rest, listed in the asset manifest.
 */
export const SERVER_RENDERED_ENTRIES = ['guidance', 'check'] as const;

export const PAGES: PageDefinition[] = [
  { file: 'index.html', title: 'Home', nav: 'home', entry: 'home', mainHtml: home },
  {
    file: 'sign-in/index.html',
    title: 'Sign in',
    nav: 'sign-in',
    entry: 'sign-in',
    mainHtml: loading('Sign in', 'Loading the ways to sign in…'),
  },
  {
    file: 'auth/callback/index.html',
    title: 'Signing you in',
    nav: 'sign-in',
    entry: 'callback',
    mainHtml: loading('Signing you in', 'Signing you in…'),
  },
  {
    file: 'agencies/index.html',
    title: 'Partner agencies',
    nav: 'agencies',
    entry: 'agencies',
    mainHtml: loading('Partner agencies', 'Loading the partner agencies…'),
  },
  {
    file: 'guidance/versions/index.html',
    title: 'Versions of the threshold guidance',
    nav: 'guidance',
    entry: 'guidance-versions',
    mainHtml: loading('Versions and what changed', 'Loading the versions…'),
  },
  {
    file: 'guidance/version/index.html',
    title: 'Threshold guidance version',
    nav: 'guidance',
    entry: 'guidance-version',
    mainHtml: loading('Threshold guidance version', 'Loading this version of the guidance…'),
  },
  ...['', 'draft/', 'compare/', 'publish/'].map(
    (sub): PageDefinition => ({
      file: `guidance/edit/${sub}index.html`,
      title: 'Edit the threshold guidance',
      nav: 'guidance',
      entry: 'guidance-editor',
      mainHtml: loading('Edit the threshold guidance', 'Loading…'),
    }),
  ),
  ...REFERRAL_PAGES,
  ...BOARD_PAGES,
  ...AUDIT_PAGES,
  { file: '404.html', title: 'Page not found', nav: 'none', entry: 'home', mainHtml: notFound },
];
