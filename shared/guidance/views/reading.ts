/**
 * The published threshold guidance as people read it, rendered by the guidance function on the server
 * (so it reads without JavaScript, and appears at once) from the same views the other guidance pages use.
 *
 *   /guidance/                  by level (each level's indicators in a details element)
 *   /guidance/?view=domain      by domain and sub-domain, every indicator with its level
 *   /guidance/?view=routes      the specific routes (LADO, FGM, Prevent...), each with its own anchor
 *   /guidance/?q=hungry         search of the indicators (matched words marked) and the routes
 *   /guidance/?level=3          one level in full, ready to print (?print=1 is the same view)
 *
 * Every view is a plain link or GET form, so Back, refresh and sharing all work. The page's script
 * (web/guidance/pages/guidance.ts) only adds printing and the editor's link.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { formatDate, PageHeading } from '../../views/govuk-components.ts';
import { levelLabel, searchIndicators, searchRoutes } from '../check.ts';
import type { Framework, GuidanceVersion, LevelNumber } from '../schema.ts';
import { routesOf } from '../specific-routes.ts';
import { LevelTag, whereIs } from './basics.ts';
import { groupIndicators, IndicatorGroups } from './indicators.ts';
import { LevelHeadingText, LevelSection, sortedLevels } from './levels.ts';
import { HighlightedIndicator, queryWords } from './search.ts';
import { RouteLinks, RouteResults, SpecificRoutes } from './specific-routes.ts';

export type View =
  | { kind: 'levels' }
  | { kind: 'domains' }
  | { kind: 'routes' }
  | { kind: 'search'; query: string }
  | { kind: 'level'; level: LevelNumber };

/** Which view an address asks for; anything unrecognised is the view by level. */
export function readGuidanceView(params: URLSearchParams): View {
  const query = params.get('q');
  if (query !== null) return { kind: 'search', query: query.trim().slice(0, 100) };
  const level = Number(params.get('level'));
  if (level === 1 || level === 2 || level === 3 || level === 4) return { kind: 'level', level };
  if (params.get('view') === 'domain') return { kind: 'domains' };
  if (params.get('view') === 'routes') return { kind: 'routes' };
  return { kind: 'levels' };
}

function VersionFacts(props: { guidance: GuidanceVersion }): VNode {
  const { guidance } = props;
  return html`
    <dl class="govuk-summary-list govuk-summary-list--no-border app-version">
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Version</dt>
        <dd class="govuk-summary-list__value">${String(guidance.version)}</dd>
      </div>
      ${
        guidance.effectiveFrom
          ? html`<div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">In effect from</dt>
              <dd class="govuk-summary-list__value">${formatDate(guidance.effectiveFrom)}</dd>
            </div>`
          : null
      }
      ${
        guidance.publishedAt
          ? html`<div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Published</dt>
              <dd class="govuk-summary-list__value">${formatDate(guidance.publishedAt)}</dd>
            </div>`
          : null
      }
    </dl>
  `;
}

function Notice(props: { framework: Framework }): VNode | null {
  if (!props.framework.notice) return null;
  return html`<div class="govuk-warning-text">
    <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
    <strong class="govuk-warning-text__text">
      <span class="govuk-visually-hidden">Warning</span> ${props.framework.notice}
    </strong>
  </div>`;
}

function SearchForm(props: { query: string }): VNode {
  return html`
    <form action="/guidance/" method="get" role="search" class="app-search app-no-print" aria-label="Threshold guidance">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="guidance-q">Search the indicators</label>
        <div id="guidance-q-hint" class="govuk-hint">For example: hungry, attendance, county lines, bruise</div>
        <div class="app-search__row">
          <input
            class="govuk-input app-search__input"
            id="guidance-q"
            name="q"
            type="search"
            maxlength="100"
            spellcheck=${false}
            aria-describedby="guidance-q-hint"
            value=${props.query}
          />
          <button type="submit" class="govuk-button govuk-button--secondary app-search__button" data-module="govuk-button">Search</button>
        </div>
      </div>
    </form>
  `;
}

/** "View by level | View by domain" and the way to other versions and the checker. */
function ViewLinks(props: { view: View }): VNode {
  const item = (href: string, text: string, current: boolean) =>
    html`<li class="app-view-links__item">${
      current
        ? html`<a class="govuk-link govuk-link--no-visited-state" href=${href} aria-current="page"><strong>${text}</strong></a>`
        : html`<a class="govuk-link govuk-link--no-visited-state" href=${href}>${text}</a>`
    }</li>`;
  return html`
    <nav class="app-no-print" aria-label="Ways to read the guidance">
      <ul class="govuk-list app-view-links">
        ${item('/guidance/', 'View by level', props.view.kind === 'levels')}
        ${item('/guidance/?view=domain', 'View by area of need', props.view.kind === 'domains')}
        ${item('/guidance/?view=routes', 'Specific routes', props.view.kind === 'routes')}
      </ul>
      <ul class="govuk-list">
        <li><a class="govuk-link" href="/check/">Check the level for a child</a>, step by step</li>
        <li><a class="govuk-link" href="/guidance/versions/">Earlier versions and what changed</a></li>
        <li data-app-roles="guidance-editor" data-app-nav="guidance-edit" hidden>
          <a class="govuk-link" href="/guidance/edit/">Edit the threshold guidance</a>
        </li>
      </ul>
    </nav>
  `;
}

function ByLevel(props: { guidance: GuidanceVersion }): VNode {
  const { framework } = props.guidance;
  const levels = sortedLevels(framework);
  return html`
    <h2 class="govuk-heading-m">Levels of need</h2>
    <ul class="govuk-list">
      ${levels.map(
        (level) =>
          html`<li key=${level.level}><a class="govuk-link" href=${`#level-${level.level}`}>${levelLabel(level)}</a></li>`,
      )}
    </ul>
    ${
      routesOf(framework).length > 0
        ? html`<h2 class="govuk-heading-m">Specific routes</h2>
            <p class="govuk-body">Some situations have a route of their own, whatever the level:</p>
            <${RouteLinks} framework=${framework} />`
        : null
    }
    ${levels.map(
      (level) => html`<${LevelSection}
        key=${level.level}
        framework=${framework}
        level=${level}
        actions=${html`<p class="govuk-body app-no-print">
          <a class="govuk-link" href=${`/guidance/?level=${level.level}&print=1`}>
            Print-friendly view<span class="govuk-visually-hidden"> of level ${level.level}</span>
          </a>
        </p>`}
      />`,
    )}
  `;
}

function ByDomain(props: { guidance: GuidanceVersion }): VNode {
  const { framework } = props.guidance;
  const groups = groupIndicators(framework);
  return html`
    <h2 class="govuk-heading-m">Areas of need</h2>
    <p class="govuk-body">
      The indicators follow the assessment triangle: the child's developmental needs, parenting capacity, and family
      and environmental factors. Each shows its level of need.
    </p>
    <ul class="govuk-list">
      ${groups.map(
        (g) =>
          html`<li key=${g.domain.id}><a class="govuk-link" href=${`#domain-${g.domain.id}`}>${g.domain.name}</a></li>`,
      )}
    </ul>
    <${IndicatorGroups} groups=${groups} framework=${framework} showLevel=${true} headingLevel=${2} />
  `;
}

function SearchResults(props: { guidance: GuidanceVersion; query: string }): VNode {
  const { framework } = props.guidance;
  const words = queryWords(props.query);
  const results = props.query ? searchIndicators(framework, props.query) : [];
  const routes = props.query ? searchRoutes(framework, props.query) : [];
  const heading =
    props.query === ''
      ? 'Enter a word to search for'
      : results.length === 0
        ? `No indicators match “${props.query}”`
        : `${results.length} ${results.length === 1 ? 'indicator matches' : 'indicators match'} “${props.query}”`;
  return html`
    <h2 class="govuk-heading-m" id="results-heading">${heading}</h2>
    ${
      results.length === 0
        ? html`
          <p class="govuk-body">Try:</p>
          <ul class="govuk-list govuk-list--bullet">
            <li>a different or shorter word, for example “food” rather than “malnourished”</li>
            <li>a word for what you saw or heard, for example “bruise”, “attendance” or “county lines”</li>
            <li><a class="govuk-link" href="/guidance/?view=domain">browsing every indicator by area of need</a></li>
          </ul>
        `
        : html`
          <ol class="govuk-list app-results">
            ${results.map(
              (indicator) => html`
                <li class="app-results__item" key=${indicator.id}>
                  <p class="govuk-body govuk-!-margin-bottom-1">
                    <${HighlightedIndicator} indicator=${indicator} words=${words} />
                  </p>
                  <p class="govuk-body-s govuk-!-margin-bottom-0">
                    <${LevelTag} level=${indicator.level} framework=${framework} />
                    ${' '}<a class="govuk-link" href=${`/guidance/?level=${indicator.level}`}>
                      ${framework.levels.find((l) => l.level === indicator.level)?.name ?? `Level ${indicator.level}`}
                    </a>
                    <span class="govuk-hint app-inline-hint"> · ${whereIs(framework, indicator)}</span>
                  </p>
                </li>
              `,
            )}
          </ol>
        `
    }
    <${RouteResults} routes=${routes} query=${props.query} />
    <p class="govuk-body"><a class="govuk-link" href="/guidance/">Back to all the guidance</a></p>
  `;
}

/** One level in full, for reading on its own or printing. */
function OneLevel(props: { guidance: GuidanceVersion; level: LevelNumber }): VNode {
  const { guidance } = props;
  const record = guidance.framework.levels.find((l) => l.level === props.level);
  if (!record) return html`<p class="govuk-body">This version has no level ${props.level}.</p>`;
  return html`
    <div class="app-no-print">
      <button type="button" class="govuk-button govuk-button--secondary app-js-only" data-module="govuk-button" data-app-print>
        Print this page
      </button>
    </div>
    <${LevelSection} framework=${guidance.framework} level=${record} expanded=${true} headingless=${true} />
    <p class="govuk-body-s app-print-source">
      From version ${guidance.version} of the Northshire threshold guidance${
        guidance.effectiveFrom ? `, in effect from ${formatDate(guidance.effectiveFrom)}` : ''
      }. Check the current version at /guidance/ before relying on a printed copy.
    </p>
  `;
}

/** Which version this is, the notice, what changed in it, and what the guidance is for. */
function About(props: { guidance: GuidanceVersion }): VNode {
  const { guidance } = props;
  return html`
    <${Notice} framework=${guidance.framework} />
    <${VersionFacts} guidance=${guidance} />
    ${
      guidance.changeSummary
        ? html`<div class="govuk-inset-text">
            <h2 class="govuk-heading-s govuk-!-margin-bottom-1">What changed in version ${guidance.version}</h2>
            <p class="govuk-body govuk-!-margin-bottom-0">${guidance.changeSummary}</p>
            ${
              guidance.version > 1
                ? html`<p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                    <a class="govuk-link" href=${`/guidance/version/?v=${guidance.version}`}>See exactly what changed in version ${guidance.version}</a>
                  </p>`
                : null
            }
          </div>`
        : null
    }
    <p class="govuk-body">
      Every partner agency in Northshire uses these four levels of need. For each level, the guidance says what to do
      now, who to contact and whether you need the family's consent. Open a level's indicators to see what needs at
      that level can look like.
    </p>
  `;
}

export function Guidance(props: { guidance: GuidanceVersion; view: View }): VNode {
  const { guidance, view } = props;
  const { framework } = guidance;
  const levelRecord =
    view.kind === 'level' ? framework.levels.find((l) => l.level === view.level) : undefined;

  if (view.kind === 'level') {
    return html`
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds app-print-full">
          <a class="govuk-back-link" href=${`/guidance/#level-${view.level}`}>All levels</a>
          <span class="govuk-caption-l">${framework.title}</span>
          <h1 class="govuk-heading-l">
            ${levelRecord ? html`<${LevelHeadingText} level=${levelRecord} />` : `Level ${view.level}`}
          </h1>
          <${Notice} framework=${framework} />
          <${OneLevel} guidance=${guidance} level=${view.level} />
        </div>
      </div>
    `;
  }

  return html`
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds app-print-full">
        <${PageHeading} caption="Threshold guidance" text=${framework.title} />
        <${SearchForm} query=${view.kind === 'search' ? view.query : ''} />
        <${ViewLinks} view=${view} />
        ${
          view.kind === 'search'
            ? html`<${SearchResults} guidance=${guidance} query=${view.query} /><${About} guidance=${guidance} />`
            : html`
              <${About} guidance=${guidance} />
              ${
                view.kind === 'domains'
                  ? html`<${ByDomain} guidance=${guidance} />`
                  : view.kind === 'routes'
                    ? html`<${SpecificRoutes} framework=${framework} />`
                    : html`<${ByLevel} guidance=${guidance} />`
              }
            `
        }
      </div>
    </div>
  `;
}

export function guidanceTitle(view: View, guidance: GuidanceVersion | null): string {
  if (view.kind === 'search')
    return view.query ? `Search: ${view.query} – Threshold guidance` : 'Threshold guidance';
  if (view.kind === 'domains') return 'Threshold guidance by area of need';
  if (view.kind === 'routes') return 'Specific routes – Threshold guidance';
  if (view.kind === 'level') {
    const record = guidance?.framework.levels.find((l) => l.level === view.level);
    return record ? `${levelLabel(record)} – Threshold guidance` : 'Threshold guidance';
  }
  return 'Threshold guidance';
}

/** What anyone sees before any guidance is published. */
export function NoGuidance(): VNode {
  return html`
    <${PageHeading} text="Threshold guidance" />
    <p class="govuk-body">No threshold guidance has been published yet.</p>
    <p class="govuk-body">
      Until it is, ask your designated safeguarding lead, or contact the Children's Front Door for advice. If a child
      is in immediate danger, call 999.
    </p>
  `;
}
