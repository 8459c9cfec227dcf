/**
 * The public guidance and the checker as whole HTML pages, rendered on the server from the same views
 * the browser uses (shared/views/guidance-reading.ts, shared/views/checker/). They read and work without
 * JavaScript, and show their content at once instead of after a second request.
 *
 * Pure: guidance and an address in, HTML out. The routes are in app.ts; which public path each page
 * answers is in functions/platform/area-routes.ts (SERVER_RENDERED_PAGES).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { GuidanceVersion } from '../../shared/guidance.ts';
import { checkIndicators, levelLabel } from '../../shared/guidance-check.ts';
import { MAX_CHOSEN, readAddress } from '../../shared/views/checker/address.ts';
import {
  Answer,
  CheckerWithoutGuidance,
  NothingChosen,
  UnknownIndicators,
} from '../../shared/views/checker/answer.ts';
import { Choose } from '../../shared/views/checker/choose.ts';
import { PageHeading } from '../../shared/views/govuk-components.ts';
import {
  Guidance,
  guidanceTitle,
  NoGuidance,
  readGuidanceView,
} from '../../shared/views/guidance-reading.ts';
import { type AssetManifest, layout } from '../../shared/views/layout.ts';

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
    module: 'guidance',
    view: guidance ? html`<${Guidance} guidance=${guidance} view=${view} />` : html`<${NoGuidance} />`,
  });
}

/** /check/: step 1, search or browse and choose. The page's script searches the same guidance in place. */
export function renderCheckPage(
  assets: AssetManifest,
  guidance: GuidanceVersion | null,
  params: URLSearchParams,
): string {
  if (!guidance) {
    return page(assets, {
      title: 'Check a level of need',
      module: 'check',
      view: html`<${CheckerWithoutGuidance} />`,
    });
  }
  const initial = readAddress(params);
  return page(assets, {
    title: initial.query ? `Search: ${initial.query} – Check a level of need` : 'Check a level of need',
    module: 'check',
    view: html`<${Choose} guidance=${guidance} initial=${initial} />`,
    data: guidance,
  });
}

/** /check/answer/: step 2, the suggested level and what to do now (the same rule as POST /api/guidance/check). */
export function renderCheckAnswerPage(
  assets: AssetManifest,
  guidance: GuidanceVersion | null,
  params: URLSearchParams,
): string {
  if (!guidance) {
    return page(assets, {
      title: 'Check a level of need',
      module: 'check',
      view: html`<${CheckerWithoutGuidance} />`,
    });
  }
  const ids = readAddress(params).ids.slice(0, MAX_CHOSEN);
  const outcome = checkIndicators(guidance.framework, ids);
  if (outcome.unknownIds.length > 0) {
    const knownIds = ids.filter((id) => !outcome.unknownIds.includes(id));
    return page(assets, {
      title: 'Some indicators are not in the current guidance – Check a level of need',
      module: 'check',
      view: html`<${UnknownIndicators} unknownIds=${outcome.unknownIds} knownIds=${knownIds} />`,
    });
  }
  if (outcome.level === null) {
    return page(assets, {
      title: 'Check a level of need',
      module: 'check',
      view: html`<${NothingChosen} />`,
    });
  }
  const { unknownIds: _unknown, ...result } = outcome;
  return page(assets, {
    title: result.immediateDanger
      ? 'Call 999 if a child is in immediate danger – Check a level of need'
      : `${levelLabel(result.record)} – Check a level of need`,
    module: 'check',
    view: html`<${Answer} result=${{ ...result, version: guidance.version }} guidance=${guidance} ids=${ids} />`,
  });
}

/**
 * Any of the pages when the guidance cannot be read (the store is unavailable): GOV.UK's "there is a
 * problem with the service" page, saying what to do meanwhile, instead of the API's problem+json.
 */
export function renderUnavailablePage(assets: AssetManifest): string {
  return page(assets, {
    title: 'Sorry, there is a problem with the service',
    module: 'guidance',
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
