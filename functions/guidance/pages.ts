/**
 * The public guidance and the checker as whole HTML pages, rendered on the server from the same views
 * the browser uses (shared/guidance/views/reading.ts, shared/guidance/views/checker/). They read and work without
 * JavaScript, and show their content at once instead of after a second request.
 *
 * Pure: guidance and an address in, HTML out. The routes are in app.ts; which public path each page
 * answers is in shared/deployment/routes.ts (SERVER_RENDERED_PAGES).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { SERVER_RENDERED_PAGES } from '../../shared/deployment/routes.ts';
import { checkIndicators, type LevelCheckOutcome, levelLabel } from '../../shared/guidance/check.ts';
import type { CheckerServices } from '../../shared/guidance/checker-services.ts';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import { MAX_CHOSEN, readAddress } from '../../shared/guidance/views/checker/address.ts';
import {
  Answer,
  CheckerWithoutGuidance,
  NothingChosen,
  UnknownIndicators,
} from '../../shared/guidance/views/checker/answer.ts';
import { Choose } from '../../shared/guidance/views/checker/choose.ts';
import {
  Guidance,
  guidanceTitle,
  NoGuidance,
  readGuidanceView,
} from '../../shared/guidance/views/reading.ts';
import { PageHeading } from '../../shared/views/govuk-components.ts';
import { type AssetManifest, layout } from '../../shared/views/layout.ts';

// The browser modules that take over each page (the build names them from the same list).
const moduleAt = (path: string): string => {
  const found = SERVER_RENDERED_PAGES.find((p) => p.path === path);
  if (!found) throw new Error(`No server-rendered page at ${path}`);
  return found.module;
};
const GUIDANCE_MODULE = moduleAt('/guidance/');
const CHECK_MODULE = moduleAt('/check/');

/** JSON placed inside a <script> element: `<` escaped so no text in it can close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

function page(
  assets: AssetManifest,
  options: { title: string; module: string; view: VNode; data?: unknown },
): string {
  const scriptSrc = assets.modules[options.module];
  if (!scriptSrc) throw new Error(`The asset manifest has no page module "${options.module}"`);
  const data =
    options.data === undefined
      ? ''
      : `\n        <script type="application/json" id="app-data">${jsonForScript(options.data)}</script>`;
  return layout({
    title: options.title,
    nav: 'guidance',
    mainHtml: `        <div id="app">${renderToString(options.view)}</div>${data}`,
    scriptSrc,
    stylesheets: assets.stylesheets,
    jsEnabledSrc: assets.jsEnabled,
  });
}

/** /guidance/: by level, by area of need, search results, or one level to print. */
export function renderGuidancePage(
  assets: AssetManifest,
  guidance: GuidanceVersion | null,
  params: URLSearchParams,
): string {
  const view = readGuidanceView(params);
  return page(assets, {
    title: guidanceTitle(view, guidance),
    module: GUIDANCE_MODULE,
    view: guidance ? html`<${Guidance} guidance=${guidance} view=${view} />` : html`<${NoGuidance} />`,
  });
}

/** Either step of the checker before any guidance is published. */
const checkerWithoutGuidance = (assets: AssetManifest) =>
  page(assets, {
    title: 'Check a level of need',
    module: CHECK_MODULE,
    view: html`<${CheckerWithoutGuidance} />`,
  });

/** /check/: step 1, search or browse and choose. The page's script searches the same guidance in place. */
export function renderCheckPage(
  assets: AssetManifest,
  guidance: GuidanceVersion | null,
  params: URLSearchParams,
): string {
  if (!guidance) return checkerWithoutGuidance(assets);
  const initial = readAddress(params);
  return page(assets, {
    title: initial.query ? `Search: ${initial.query} – Check a level of need` : 'Check a level of need',
    module: CHECK_MODULE,
    view: html`<${Choose} guidance=${guidance} initial=${initial} />`,
    // Step 1 never shows the specific routes (the answer does, from the server): not embedded, so the
    // page stays lighter.
    data: { ...guidance, framework: { ...guidance.framework, routes: undefined } },
  });
}

const chosenIds = (params: URLSearchParams) => readAddress(params).ids.slice(0, MAX_CHOSEN);

/**
 * The answer an address asks for, to look its services up before rendering: null when the page shows
 * no level (nothing chosen, or indicators the guidance no longer has).
 */
export function answerOutcome(guidance: GuidanceVersion, params: URLSearchParams): LevelCheckOutcome | null {
  const outcome = checkIndicators(guidance.framework, chosenIds(params));
  return outcome.unknownIds.length > 0 || outcome.level === null ? null : outcome;
}

/**
 * /check/answer/: step 2, the suggested level and what to do now (the same rule as POST
 * /api/guidance/check), and at levels 1 and 2 the services that meet the needs (`services`, looked up
 * by the app, since rendering is pure).
 */
export function renderCheckAnswerPage(
  assets: AssetManifest,
  guidance: GuidanceVersion | null,
  params: URLSearchParams,
  services: CheckerServices | null = null,
): string {
  if (!guidance) return checkerWithoutGuidance(assets);
  const ids = chosenIds(params);
  const outcome = checkIndicators(guidance.framework, ids);
  if (outcome.unknownIds.length > 0) {
    const knownIds = ids.filter((id) => !outcome.unknownIds.includes(id));
    return page(assets, {
      title: 'Some indicators are not in the current guidance – Check a level of need',
      module: CHECK_MODULE,
      view: html`<${UnknownIndicators} unknownIds=${outcome.unknownIds} knownIds=${knownIds} />`,
    });
  }
  if (outcome.level === null) {
    return page(assets, {
      title: 'Check a level of need',
      module: CHECK_MODULE,
      view: html`<${NothingChosen} />`,
    });
  }
  const { unknownIds: _unknown, ...result } = outcome;
  return page(assets, {
    title: result.immediateDanger
      ? 'Call 999 if a child is in immediate danger – Check a level of need'
      : `${levelLabel(result.record)} – Check a level of need`,
    module: CHECK_MODULE,
    view: html`<${Answer} result=${{ ...result, version: guidance.version }} guidance=${guidance} ids=${ids}
      services=${services} />`,
  });
}

/**
 * Any of the pages when the guidance cannot be read (the store is unavailable): GOV.UK's "there is a
 * problem with the service" page, saying what to do meanwhile, instead of the API's problem+json.
 */
export function renderUnavailablePage(assets: AssetManifest): string {
  return page(assets, {
    title: 'Sorry, there is a problem with the service',
    module: GUIDANCE_MODULE,
    view: html`
      <${PageHeading} text="Sorry, there is a problem with the service" />
      <p class="govuk-body">Try again in a few minutes.</p>
      <p class="govuk-body">
        Until then, ask your designated safeguarding lead, or contact the Children's Front Door for advice. If a child
        is in immediate danger, call 999.
      </p>
    `,
  });
}
