/**
 * Views of the threshold guidance that several pages share: a level and its response, indicators,
 * search highlighting, and "what changed" between two versions. Types only from shared/guidance.ts
 * (its zod schemas would add ~80 KB to every page); the rules come from the zod-free guidance-check.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import type {
  AgeBand,
  Domain,
  Framework,
  Indicator,
  Level,
  LevelNumber,
  SubDomain,
} from '../../shared/guidance.ts';
import { levelLabel, searchTokens } from '../../shared/guidance-check.ts';
import type { GuidanceChanges } from '../../shared/guidance-diff.ts';
import { consentRule, LevelTag, PhoneText, whereIs } from './guidance-basics.ts';
import { Tag } from './ui-basics.ts';

export { consentRule, LevelTag, PhoneText, whereIs };

/** Each age band as the range of ages it covers; before birth is -1. */
const AGE_BAND_RANGES: Record<AgeBand, [number, number]> = {
  'pre-birth': [-1, -1],
  '0-4': [0, 4],
  '5-11': [5, 11],
  '12-17': [12, 17],
};

/** ['5-11', '12-17'] → "ages 5 to 17"; ['pre-birth', '0-4'] → "before birth to age 4". */
export function describeAgeBands(bands: readonly AgeBand[]): string {
  const ranges = bands.map((band) => AGE_BAND_RANGES[band]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of ranges) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged
    .map(([from, to]) => {
      if (from === -1) return to === -1 ? 'before birth' : `before birth to age ${to}`;
      return `ages ${from} to ${to}`;
    })
    .join(' and ');
}

export interface IndicatorGroup {
  domain: Domain;
  subDomains: { subDomain: SubDomain; indicators: Indicator[] }[];
}

/**
 * Indicators grouped by domain, then sub-domain, in the framework's order; empty groups left out.
 * With a level, only that level's indicators; without, all of them, lowest level first in each group.
 */
export function groupIndicators(
  framework: Framework,
  level?: number,
  indicators: readonly Indicator[] = framework.indicators,
): IndicatorGroup[] {
  const chosen =
    level === undefined
      ? [...indicators].sort((a, b) => a.level - b.level)
      : indicators.filter((i) => i.level === level);
  return framework.domains
    .map((domain) => ({
      domain,
      subDomains: domain.subDomains
        .map((subDomain) => ({
          subDomain,
          indicators: chosen.filter((i) => i.subDomainId === subDomain.id),
        }))
        .filter((group) => group.indicators.length > 0),
    }))
    .filter((group) => group.subDomains.length > 0);
}

/** The levels, lowest first. */
export function sortedLevels(framework: Framework): Level[] {
  return [...framework.levels].sort((a, b) => a.level - b.level);
}

// Search highlighting ----------------------------------------------------------------------------

/** Words too common to narrow a search, as the search rule in shared/guidance-check.ts drops them. */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have i in is it of on or the to was with'.split(' '),
);

/** The words of a query that the search matches on. */
export function queryWords(query: string): string[] {
  return [...new Set(searchTokens(query).filter((w) => !STOP_WORDS.has(w)))];
}

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function matcher(words: readonly string[]): RegExp | null {
  const stems = words
    .flatMap((w) => (w.length > 3 && w.endsWith('s') ? [w, w.slice(0, -1)] : [w]))
    .sort((a, b) => b.length - a.length);
  if (stems.length === 0) return null;
  // A match starts a word (as the search does) and runs to the word's end: "bruis" marks "bruising".
  return new RegExp(`(^|[^\\p{L}\\p{N}])((?:${stems.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*)`, 'giu');
}

/**
 * The text with each word that matches the query wrapped in <mark>, as Preact elements (never HTML
 * strings). `matched` says whether anything was marked.
 */
export function highlight(
  text: string,
  words: readonly string[],
): { nodes: ComponentChildren; matched: boolean } {
  const re = matcher(words);
  if (!re) return { nodes: text, matched: false };
  const nodes: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(re)) {
    const start = (match.index ?? 0) + (match[1]?.length ?? 0);
    const word = match[2] ?? '';
    if (start > last) nodes.push(text.slice(last, start));
    nodes.push(html`<mark class="app-mark">${word}</mark>`);
    last = start + word.length;
  }
  if (nodes.length === 0) return { nodes: text, matched: false };
  if (last < text.length) nodes.push(text.slice(last));
  return { nodes, matched: true };
}

/** The indicator's search words that match the query (for results found by a search word alone). */
export function matchingSearchWords(indicator: Indicator, words: readonly string[]): string[] {
  const re = matcher(words);
  if (!re) return [];
  return indicator.searchWords.filter((w) => {
    re.lastIndex = 0;
    return re.test(w);
  });
}

/** An indicator's text with the query's words marked, and the search words that found it if its text has none. */
export function HighlightedIndicator(props: { indicator: Indicator; words: readonly string[] }): VNode {
  const { nodes, matched } = highlight(props.indicator.text, props.words);
  const viaWords = matched ? [] : matchingSearchWords(props.indicator, props.words);
  return html`${nodes}${
    viaWords.length > 0
      ? html` <span class="app-found-by">(found by: ${viaWords.map((w, i) => html`${i > 0 ? ', ' : ''}<mark class="app-mark">${w}</mark>`)})</span>`
      : null
  }`;
}

// Levels and indicators --------------------------------------------------------------------------

export function IndicatorItem(props: {
  indicator: Indicator;
  framework?: Framework;
  showLevel?: boolean;
}): VNode {
  const { indicator } = props;
  const ages = indicator.ageBands ? describeAgeBands(indicator.ageBands) : null;
  return html`
    <li>
      ${props.showLevel ? html`<${LevelTag} level=${indicator.level} framework=${props.framework} /> ` : null}
      ${indicator.immediateDanger ? html`<${Tag} text="Immediate danger" colour="red" classes="app-tag--inline" /> ` : null}
      ${indicator.text}
      ${ages ? html` <span class="govuk-hint app-inline-hint">(${ages})</span>` : null}
    </li>
  `;
}

/** Indicators under domain (h3 or given) and sub-domain headings. */
export function IndicatorGroups(props: {
  groups: IndicatorGroup[];
  framework: Framework;
  showLevel?: boolean;
  headingLevel?: 2 | 3;
}): VNode {
  const h = props.headingLevel ?? 3;
  const domainTag = `h${h}`;
  const subTag = `h${h + 1}`;
  return html`${props.groups.map(
    (group) => html`
      <${domainTag} class=${h === 2 ? 'govuk-heading-l app-domain' : 'govuk-heading-m'} id=${`domain-${group.domain.id}`} key=${group.domain.id}>${group.domain.name}</${domainTag}>
      ${group.subDomains.map(
        ({ subDomain, indicators }) => html`
          <${subTag} class=${h === 2 ? 'govuk-heading-m' : 'govuk-heading-s'} key=${`${subDomain.id}-heading`}>${subDomain.name}</${subTag}>
          <ul class="govuk-list govuk-list--bullet app-indicators" key=${`${subDomain.id}-list`}>
            ${indicators.map(
              (indicator) =>
                html`<${IndicatorItem} key=${indicator.id} indicator=${indicator} framework=${props.framework} showLevel=${props.showLevel} />`,
            )}
          </ul>
        `,
      )}
    `,
  )}`;
}

/** What a level prescribes: what to do now, who to contact, the assessment and the consent rule. */
export function LevelResponse(props: { level: Level }): VNode {
  const { level } = props;
  return html`
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">What to do now</dt>
        <dd class="govuk-summary-list__value">${level.response.doNow}</dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Who to contact</dt>
        <dd class="govuk-summary-list__value"><${PhoneText} text=${level.response.whoToContact} /></dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Assessment</dt>
        <dd class="govuk-summary-list__value">
          ${level.response.assessment}
          ${
            level.response.earlyHelpPlanExpected
              ? html`<p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">An Early Help Assessment and plan should normally already be in place.</p>`
              : null
          }
        </dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Consent</dt>
        <dd class="govuk-summary-list__value">
          <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2">${consentRule(level)}</p>
          <p class="govuk-body govuk-!-margin-bottom-0">${level.consent.guidance}</p>
        </dd>
      </div>
    </dl>
  `;
}

/** The level's heading content: its coloured tag, then its name. */
export function LevelHeadingText(props: { level: Level }): VNode {
  return html`<strong class=${`govuk-tag govuk-tag--${props.level.colour} app-level__tag`}>
      Level ${props.level.level}<span class="govuk-visually-hidden">:</span>
    </strong>${' '}${props.level.name}`;
}

/**
 * One level: its summary and response, then its indicators. Closed in a details element, or, for the
 * print-friendly view, listed in full. `actions` goes after the response (for example a print link).
 */
export function LevelSection(props: {
  framework: Framework;
  level: Level;
  expanded?: boolean;
  /** Leave out the level's own heading when the page's h1 already names it. */
  headingless?: boolean;
  actions?: ComponentChildren;
}): VNode {
  const { level, framework } = props;
  const groups = groupIndicators(framework, level.level);
  const count = groups.reduce((n, g) => n + g.subDomains.reduce((m, s) => m + s.indicators.length, 0), 0);
  const headingId = `level-${level.level}-heading`;
  const list = html`<${IndicatorGroups} groups=${groups} framework=${framework} />`;
  return html`
    <section
      class=${props.headingless ? 'app-level app-level--alone' : 'app-level'}
      id=${`level-${level.level}`}
      aria-labelledby=${props.headingless ? undefined : headingId}
      aria-label=${props.headingless ? levelLabel(level) : undefined}
    >
      ${props.headingless ? null : html`<h2 class="govuk-heading-l" id=${headingId}><${LevelHeadingText} level=${level} /></h2>`}
      <p class="govuk-body-l">${level.summary}</p>
      <${LevelResponse} level=${level} />
      ${props.actions}
      ${
        count === 0
          ? html`<p class="govuk-body">This version lists no indicators at level ${level.level}.</p>`
          : props.expanded
            ? html`<h2 class="govuk-heading-m">${`Indicators at level ${level.level} (${count})`}</h2>${list}`
            : html`
              <details class="govuk-details app-level__details">
                <summary class="govuk-details__summary">
                  <span class="govuk-details__summary-text">${`Indicators at level ${level.level} (${count})`}</span>
                </summary>
                <div class="govuk-details__text">${list}</div>
              </details>
            `
      }
    </section>
  `;
}

export { levelLabel };

// What changed ---------------------------------------------------------------------------------------

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 indicator moved level, 2 added" */
export function describeChanges(changes: GuidanceChanges): string {
  const parts = [
    changes.moved.length ? `${plural(changes.moved.length, 'indicator', 'indicators')} moved level` : '',
    changes.added.length ? `${changes.added.length} added` : '',
    changes.removed.length ? `${changes.removed.length} removed` : '',
    changes.reworded.length ? `${changes.reworded.length} reworded` : '',
    changes.levelsChanged.length
      ? `${plural(changes.levelsChanged.length, 'level’s response', 'levels’ responses')} changed`
      : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'No changes';
}

/**
 * Indicators added, removed, moved level (from → to) and reworded, and levels whose response changed.
 * `headingLevel` is the level of this view's own section headings.
 */
export function ChangesView(props: {
  changes: GuidanceChanges;
  framework?: Framework | null;
  headingLevel?: 2 | 3;
}): VNode {
  const { changes, framework } = props;
  const tag = `h${props.headingLevel ?? 3}`;
  const headingClass = props.headingLevel === 2 ? 'govuk-heading-m' : 'govuk-heading-s';
  const nothing =
    changes.added.length +
      changes.removed.length +
      changes.moved.length +
      changes.reworded.length +
      changes.levelsChanged.length ===
    0;
  if (nothing) return html`<p class="govuk-body">No indicators or levels changed.</p>`;
  const levelName = (n: LevelNumber) => framework?.levels.find((l) => l.level === n)?.name;
  return html`
    <p class="govuk-body">${describeChanges(changes)}.</p>
    ${
      changes.moved.length > 0
        ? html`
          <table class="govuk-table govuk-table--small-text-until-tablet app-changes">
            <caption class=${`govuk-table__caption govuk-table__caption--${props.headingLevel === 2 ? 'm' : 's'}`}>
              Moved to another level (${changes.moved.length})
            </caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Indicator</th>
                <th scope="col" class="govuk-table__header">From</th>
                <th scope="col" class="govuk-table__header">To</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              ${changes.moved.map(
                (m) => html`
                  <tr class="govuk-table__row" key=${m.indicator.id}>
                    <td class="govuk-table__cell">${m.indicator.text}</td>
                    <td class="govuk-table__cell">
                      <${LevelTag} level=${m.fromLevel} framework=${framework} />
                      ${levelName(m.fromLevel) ? html`<span class="govuk-visually-hidden">${levelName(m.fromLevel)}</span>` : null}
                    </td>
                    <td class="govuk-table__cell">
                      <${LevelTag} level=${m.toLevel} framework=${framework} />
                      ${levelName(m.toLevel) ? html`<span class="govuk-visually-hidden">${levelName(m.toLevel)}</span>` : null}
                    </td>
                  </tr>
                `,
              )}
            </tbody>
          </table>
        `
        : null
    }
    ${
      changes.added.length > 0
        ? html`
          <${tag} class=${headingClass}>Added (${changes.added.length})</${tag}>
          <ul class="govuk-list govuk-list--bullet">
            ${changes.added.map((i) => html`<${IndicatorItem} key=${i.id} indicator=${i} framework=${framework ?? undefined} showLevel=${true} />`)}
          </ul>
        `
        : null
    }
    ${
      changes.removed.length > 0
        ? html`
          <${tag} class=${headingClass}>Removed (${changes.removed.length})</${tag}>
          <ul class="govuk-list govuk-list--bullet">
            ${changes.removed.map((i) => html`<${IndicatorItem} key=${i.id} indicator=${i} framework=${framework ?? undefined} showLevel=${true} />`)}
          </ul>
        `
        : null
    }
    ${
      changes.reworded.length > 0
        ? html`
          <${tag} class=${headingClass}>Reworded (${changes.reworded.length})</${tag}>
          ${changes.reworded.map(
            (r) => html`
              <dl class="govuk-summary-list app-reworded" key=${r.id}>
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">Before</dt>
                  <dd class="govuk-summary-list__value">${r.before}</dd>
                </div>
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">After</dt>
                  <dd class="govuk-summary-list__value">${r.after}</dd>
                </div>
              </dl>
            `,
          )}
        `
        : null
    }
    ${
      changes.levelsChanged.length > 0
        ? html`
          <${tag} class=${headingClass}>Levels whose description or response changed</${tag}>
          <ul class="govuk-list govuk-list--bullet">
            ${changes.levelsChanged.map((n) => {
              const record = framework?.levels.find((l) => l.level === n);
              return html`<li key=${n}>${record ? levelLabel(record) : `Level ${n}`}</li>`;
            })}
          </ul>
        `
        : null
    }
  `;
}

/** A version as GET /api/guidance/versions lists it. */
export interface VersionSummary {
  version: number;
  status: 'draft' | 'published' | 'superseded';
  changeSummary?: string;
  effectiveFrom?: string;
  publishedAt?: string;
  updatedAt: string;
}

/** What GET /api/guidance/versions/{n}/changes answers. */
export interface VersionChanges extends GuidanceChanges {
  from: number;
  to: number;
}

/** The version's status as a tag. */
export function StatusTag(props: { status: string; current?: boolean }): VNode {
  if (props.status === 'draft') return html`<${Tag} text="Draft" colour="blue" />`;
  if (props.status === 'published') return html`<${Tag} text="Current" colour="green" />`;
  return html`<${Tag} text="Superseded" colour="grey" />`;
}
