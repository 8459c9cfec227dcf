/**
 * The one page layout. Every HTML page comes from `layout()`, those the web build writes and those the
 * guidance and services functions render, so the header, skip link, phase banner and footer are written once. The
 * markup follows GOV.UK Frontend 6 exactly, with the generic header (this service is not on GOV.UK: no
 * crown, no GOV.UK logotype).
 */

export const SERVICE_NAME = 'Northshire Safeguarding Partnership portal';
export const ORGANISATION_NAME = 'Northshire Safeguarding Partnership';

/** Escapes text for HTML text and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export type NavKey =
  | 'home'
  | 'guidance'
  | 'services'
  | 'services-mine'
  | 'agencies'
  | 'sign-in'
  | 'none'
  | 'referrals'
  | 'early-help'
  | 'messages'
  | 'board'
  | 'dashboard'
  | 'audit';

/**
 * What the web build wrote, by content-hashed URL: the server-rendered pages (functions/guidance/pages.ts)
 * use it to link the same stylesheets and page modules as the static pages. Written to
 * web/dist/asset-manifest.json; in AWS it reaches the guidance function as WEB_ASSETS.
 */
export interface AssetManifest {
  stylesheets: string[];
  jsEnabled: string;
  /** Page module name (web/<area>/pages/<name>.ts) → its bundle's URL. */
  modules: Record<string, string>;
}

export const ASSET_MANIFEST_FILE = 'asset-manifest.json';

export interface LayoutOptions {
  /** The page's own title; the service name is appended. */
  title: string;
  /** Which navigation item is current. */
  nav: NavKey;
  /** The trusted, build-time HTML of the page's main content. */
  mainHtml: string;
  /** The URL of the page's module script. */
  scriptSrc: string;
  /** The URL of the stylesheets. */
  stylesheets: string[];
  /** The URL of the classic script that marks the body as JavaScript-enabled. */
  jsEnabledSrc: string;
}

/**
 * `roles`: shown only to a user with one of them (chrome.ts unhides it once it knows who is signed
 * in; the server refuses others anyway). Of several items with the same key, only the first that
 * matches is shown.
 */
const NAV_ITEMS: { key: NavKey; href: string; text: string; roles?: string[] }[] = [
  { key: 'guidance', href: '/guidance/', text: 'Threshold guidance' },
  { key: 'services', href: '/services/', text: 'Find a service' },
  { key: 'services-mine', href: '/services/mine/', text: 'Your services', roles: ['directory-editor'] },
  { key: 'agencies', href: '/agencies/', text: 'Partner agencies' },
  { key: 'referrals', href: '/referrals/queue/', text: 'Referrals', roles: ['triage'] },
  { key: 'referrals', href: '/referrals/', text: 'Referrals', roles: ['referrer'] },
  { key: 'early-help', href: '/early-help/', text: 'Early help', roles: ['referrer', 'triage'] },
  { key: 'messages', href: '/notifications/', text: 'Messages', roles: ['referrer', 'triage'] },
  { key: 'board', href: '/board/', text: 'Action plan', roles: ['board', 'triage'] },
  { key: 'dashboard', href: '/dashboard/', text: 'Dashboard', roles: ['board', 'triage'] },
  { key: 'audit', href: '/audit/', text: 'Audit trail', roles: ['admin'] },
];

function serviceNavigation(current: NavKey): string {
  const items = NAV_ITEMS.map((item) => {
    const active = item.key === current;
    const text = escapeHtml(item.text);
    return `
            <li class="govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}"${item.roles ? ` data-app-roles="${escapeHtml(item.roles.join(' '))}" data-app-nav="${item.key}" hidden` : ''}>
              <a class="govuk-service-navigation__link" href="${item.href}"${active ? ' aria-current="page"' : ''}>
                ${active ? `<strong class="govuk-service-navigation__active-fallback">${text}</strong>` : text}
              </a>
            </li>`;
  }).join('');
  return `
    <section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">
      <div class="govuk-width-container govuk-service-navigation__inlining-container">
        <div class="govuk-service-navigation__container">
          <span class="govuk-service-navigation__service-name">
            <a href="/" class="govuk-service-navigation__link">${escapeHtml(SERVICE_NAME)}</a>
          </span>
          <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
            <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden aria-hidden="true">
              Menu
            </button>
            <ul class="govuk-service-navigation__list" id="navigation">${items}
            </ul>
          </nav>
        </div>
        <div class="app-account" id="app-account"></div>
      </div>
    </section>`;
}

export function layout(options: LayoutOptions): string {
  const stylesheets = options.stylesheets
    .map((href) => `\n    <link rel="stylesheet" href="${escapeHtml(href)}">`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
  <head>
    <meta charset="utf-8">
    <title>${escapeHtml(options.title)} – ${escapeHtml(SERVICE_NAME)}</title>
    <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
    <meta name="theme-color" content="#0b0c0c">
    <meta name="robots" content="noindex">
    <link rel="icon" href="/assets/app/favicon.svg" type="image/svg+xml">${stylesheets}
    <script type="module" src="${escapeHtml(options.scriptSrc)}"></script>
  </head>
  <body class="govuk-template__body">
    <script src="${escapeHtml(options.jsEnabledSrc)}"></script>
    <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
    <header class="govuk-template__header">
      <div class="govuk-generic-header">
        <div class="govuk-generic-header__container govuk-width-container">
          <div class="govuk-generic-header__logo">
            <a href="/" class="govuk-generic-header__homepage-link">${escapeHtml(ORGANISATION_NAME)}</a>
          </div>
        </div>
      </div>${serviceNavigation(options.nav)}
    </header>
    <div class="govuk-width-container">
      <div class="govuk-phase-banner">
        <p class="govuk-phase-banner__content">
          <strong class="govuk-tag govuk-phase-banner__content__tag">Demo</strong>
          <span class="govuk-phase-banner__text">
            This is a demonstration. Northshire is fictional and every person, child and record here is synthetic.
          </span>
        </p>
      </div>
      <main class="govuk-main-wrapper" id="main-content">
${options.mainHtml}
      </main>
    </div>
    <footer class="govuk-template__footer">
      <div class="govuk-footer">
        <div class="govuk-width-container">
          <div class="govuk-footer__meta">
            <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 class="govuk-visually-hidden">Support links</h2>
              <ul class="govuk-footer__inline-list">
                <li class="govuk-footer__inline-list-item">
                  <a class="govuk-footer__link" href="/guidance/">Threshold guidance</a>
                </li>
                <li class="govuk-footer__inline-list-item">
                  <a class="govuk-footer__link" href="/api/openapi.json">API description (OpenAPI)</a>
                </li>
                <li class="govuk-footer__inline-list-item">
                  <a class="govuk-footer__link" href="/accessibility/">Accessibility statement</a>
                </li>
              </ul>
              <div class="govuk-footer__meta-custom">
                A demonstration service with synthetic data. In an emergency, or if a child is in immediate danger, call 999.
              </div>
            </div>
            <div class="govuk-footer__meta-item">
              © ${escapeHtml(ORGANISATION_NAME)} (fictional)
            </div>
          </div>
        </div>
      </div>
    </footer>
  </body>
</html>
`;
}
