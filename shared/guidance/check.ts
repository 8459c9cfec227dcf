/**
 * The threshold checker and the search of indicators and specific routes, shared by the web page and
 * the API.
 *
 * Pure: no I/O, no clock, no zod at run time (type-only import), so the browser bundle stays small
 * and the API and the page always agree.
 */
import type { Domain, Framework, Indicator, Level, LevelNumber, SpecificRoute, SubDomain } from './schema.ts';
import { findRouteProblems, routesOf } from './specific-routes.ts';

/**
 * Cumulative concern: this many chosen indicators (distinct) at the suggested level, when that level
 * is below 4, mean "consider the next level up". Several needs at one level can together amount
 * to the needs of the next.
 */
export const CUMULATIVE_CONCERN_THRESHOLD = 3;

/** The framework cannot answer a check, for example it has no record for a level. A content error. */
export class GuidanceFrameworkError extends Error {
  override readonly name = 'GuidanceFrameworkError';
}

interface CheckOutcomeBase {
  /** Ids asked for that are not in this framework, in the order given (the API refuses these with 400). */
  unknownIds: string[];
  /** Plain-English sentences explaining the answer, most urgent first. */
  reasons: string[];
}

/** Nothing (known) was chosen: no level is suggested. */
export interface EmptyCheckOutcome extends CheckOutcomeBase {
  level: null;
  record: null;
  chosen: [];
  drivers: [];
  immediateDanger: false;
  immediateDangerIndicators: [];
  considerHigher: false;
  nextLevel: null;
}

export interface LevelCheckOutcome extends CheckOutcomeBase {
  /** The highest level among the chosen indicators. */
  level: LevelNumber;
  /** That level's record: name, colour, response and consent. */
  record: Level;
  /** The chosen indicators known to the framework, each once, in the order given. */
  chosen: Indicator[];
  /** The chosen indicators at the suggested level: the ones that drove the answer. */
  drivers: Indicator[];
  /** Any chosen indicator is flagged immediate danger: show "call 999 / the Front Door now" first. */
  immediateDanger: boolean;
  immediateDangerIndicators: Indicator[];
  /** The cumulative-concern rule fired (see CUMULATIVE_CONCERN_THRESHOLD). */
  considerHigher: boolean;
  /** The next level's record when considerHigher, otherwise null. */
  nextLevel: Level | null;
}

export type CheckOutcome = EmptyCheckOutcome | LevelCheckOutcome;

export function findLevel(framework: Framework, level: LevelNumber): Level | undefined {
  return framework.levels.find((l) => l.level === level);
}

/** The level's record; throws GuidanceFrameworkError if the framework has none. */
export function describeLevel(framework: Framework, level: LevelNumber): Level {
  const record = findLevel(framework, level);
  if (!record) throw new GuidanceFrameworkError(`The guidance has no record for level ${level}`);
  return record;
}

/** "Level 2: Additional needs: early help" */
export function levelLabel(record: Level): string {
  return `Level ${record.level}: ${record.name}`;
}

export function findSubDomain(
  framework: Framework,
  subDomainId: string,
): { domain: Domain; subDomain: SubDomain } | undefined {
  for (const domain of framework.domains) {
    const subDomain = domain.subDomains.find((s) => s.id === subDomainId);
    if (subDomain) return { domain, subDomain };
  }
  return undefined;
}

/**
 * Checks the schema cannot express: each level 1–4 once, ids unique, every indicator's sub-domain
 * exists, every specific route names only indicators of this version. Returns readable problems; an
 * empty list means the framework is usable. For the editor (before publishing) and for tests.
 */
export function findFrameworkProblems(framework: Framework): string[] {
  const problems: string[] = [];
  for (const n of [1, 2, 3, 4] as const) {
    const count = framework.levels.filter((l) => l.level === n).length;
    if (count !== 1) problems.push(`Level ${n} must appear exactly once (found ${count})`);
  }
  const subDomainIds = new Set<string>();
  for (const domain of framework.domains) {
    for (const sub of domain.subDomains) {
      if (subDomainIds.has(sub.id)) problems.push(`Sub-domain id "${sub.id}" is used more than once`);
      subDomainIds.add(sub.id);
    }
  }
  const domainIds = new Set<string>();
  for (const domain of framework.domains) {
    if (domainIds.has(domain.id)) problems.push(`Domain "${domain.id}" appears more than once`);
    domainIds.add(domain.id);
  }
  const indicatorIds = new Set<string>();
  for (const indicator of framework.indicators) {
    if (indicatorIds.has(indicator.id))
      problems.push(`Indicator id "${indicator.id}" is used more than once`);
    indicatorIds.add(indicator.id);
    if (!subDomainIds.has(indicator.subDomainId)) {
      problems.push(
        `Indicator "${indicator.id}" names sub-domain "${indicator.subDomainId}", which does not exist`,
      );
    }
  }
  for (const { reason } of findRouteProblems(framework)) problems.push(reason);
  return problems;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * Suggests a level of need from the chosen indicators.
 *
 * Rules:
 * 1. Ids are de-duplicated; ids not in the framework go to `unknownIds` and are otherwise ignored.
 * 2. No known indicator chosen: returns `level: null` with a reason (it does not throw).
 * 3. The suggested level is the highest level among the chosen indicators; `drivers` are the chosen
 *    indicators at that level. Lower-level indicators add to the picture but not to the level.
 * 4. `immediateDanger` is true if any chosen indicator is flagged, whatever its level; its reason
 *    comes first.
 * 5. Cumulative concern: CUMULATIVE_CONCERN_THRESHOLD (3) or more drivers at a level below 4 set
 *    `considerHigher` and name the next level. Level 4 has no next level.
 *
 * Throws GuidanceFrameworkError only if the framework has no record for a level it needs.
 */
export function checkIndicators(framework: Framework, indicatorIds: readonly string[]): CheckOutcome {
  const byId = new Map(framework.indicators.map((i) => [i.id, i] as const));
  const seen = new Set<string>();
  const chosen: Indicator[] = [];
  const unknownIds: string[] = [];
  for (const id of indicatorIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    const indicator = byId.get(id);
    if (indicator) chosen.push(indicator);
    else unknownIds.push(id);
  }

  const unknownReason =
    unknownIds.length > 0
      ? [
          `${plural(unknownIds.length, 'chosen indicator is', 'chosen indicators are')} not in this version of the guidance and ${unknownIds.length === 1 ? 'was' : 'were'} ignored: ${unknownIds.join(', ')}.`,
        ]
      : [];

  if (chosen.length === 0) {
    return {
      level: null,
      record: null,
      chosen: [],
      drivers: [],
      immediateDanger: false,
      immediateDangerIndicators: [],
      considerHigher: false,
      nextLevel: null,
      unknownIds,
      reasons: [
        'No indicators were chosen, so no level can be suggested. Choose at least one indicator that describes your worry.',
        ...unknownReason,
      ],
    };
  }

  const level = Math.max(...chosen.map((i) => i.level)) as LevelNumber;
  const record = describeLevel(framework, level);
  const drivers = chosen.filter((i) => i.level === level);
  const lower = chosen.length - drivers.length;
  const immediateDangerIndicators = chosen.filter((i) => i.immediateDanger === true);
  const immediateDanger = immediateDangerIndicators.length > 0;
  const considerHigher = level < 4 && drivers.length >= CUMULATIVE_CONCERN_THRESHOLD;
  const nextLevel = considerHigher ? describeLevel(framework, (level + 1) as LevelNumber) : null;

  const reasons: string[] = [];
  if (immediateDanger) {
    const urgent = findLevel(framework, 4) ?? record;
    reasons.push(
      `Immediate danger: ${immediateDangerIndicators.map((i) => `"${i.text}"`).join('; ')}. ` +
        `Act now, before anything else: ${urgent.response.whoToContact}`,
    );
  }
  reasons.push(
    `${levelLabel(record)} is suggested because it is the highest level among your chosen indicators ` +
      `(${plural(drivers.length, 'indicator', 'indicators')} at this level).`,
  );
  if (lower > 0) {
    reasons.push(
      `${plural(lower, 'chosen indicator is', 'chosen indicators are')} at a lower level: part of the picture, but ${lower === 1 ? 'it does' : 'they do'} not change the level.`,
    );
  }
  if (nextLevel) {
    reasons.push(
      `Cumulative concern: ${drivers.length} of your chosen indicators are at level ${level}. ` +
        `${CUMULATIVE_CONCERN_THRESHOLD} or more needs at one level can together mean the child needs more, ` +
        `so consider ${levelLabel(nextLevel)}.`,
    );
  }
  reasons.push(...unknownReason);

  return {
    level,
    record,
    chosen,
    drivers,
    immediateDanger,
    immediateDangerIndicators,
    considerHigher,
    nextLevel,
    unknownIds,
    reasons,
  };
}

/** Words too common to narrow a search; dropped from queries. */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have i in is it of on or the to was with'.split(' '),
);

/** Lower-case words: apostrophes dropped ("don't" → "dont"), anything else not a letter or digit splits. */
export function searchTokens(value: string): string[] {
  return value
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}&]+/u)
    .filter((w) => w.length > 0);
}

const normalise = (value: string): string => searchTokens(value).join(' ');

/** "bruises" also looks for "bruise"; "hits" for "hit". */
const singular = (word: string): string => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word);

/**
 * Finds indicators for a free-text query.
 *
 * - Case-insensitive; punctuation and extra spaces are ignored; common words ("the", "and") are dropped.
 * - Every remaining query word must match the indicator's text or search words, as a whole word or
 *   as the start of one ("bruis" finds "bruising"; a trailing "s" is also tried without it).
 * - Ranking (highest score first, ties in the framework's order):
 *   - a search word equal to the whole query: 100, plus 20 less its position in the list of search
 *     words (they are written most telling first), so exact search-word hits always come first;
 *   - the whole query appears as a phrase in the text: 10;
 *   - per query word: a word of a search word 3, a whole word of the text 2, only a prefix 1.
 * - A query with no usable words returns [].
 */
export function searchIndicators(framework: Framework, query: string): Indicator[] {
  const words = searchTokens(query).filter((w) => !STOP_WORDS.has(w));
  if (words.length === 0) return [];
  const phrase = words.join(' ');

  const scored: { indicator: Indicator; score: number; order: number }[] = [];
  framework.indicators.forEach((indicator, order) => {
    const searchPhrases = indicator.searchWords.map(normalise);
    const searchWordTokens = new Set(searchPhrases.flatMap((p) => p.split(' ')));
    const textTokens = new Set(searchTokens(indicator.text));
    const all = [...searchWordTokens, ...textTokens];

    // A search word equal to the whole query: 100, plus up to 20 for coming early in the list
    // (search words are written most telling first).
    const exact = searchPhrases.findIndex((p) => p === phrase || p === normalise(query));
    let score = exact >= 0 ? 100 + Math.max(0, 20 - exact) : 0;
    if (normalise(indicator.text).includes(phrase)) score += 10;
    for (const word of words) {
      const candidates = word === singular(word) ? [word] : [word, singular(word)];
      if (candidates.some((c) => searchWordTokens.has(c))) score += 3;
      else if (candidates.some((c) => textTokens.has(c))) score += 2;
      else if (candidates.some((c) => all.some((t) => t.startsWith(c)))) score += 1;
      else return;
    }
    scored.push({ indicator, score, order });
  });

  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.indicator);
}

/**
 * Routes for a free-text query: every query word (common words dropped) starts a word of the route's
 * title, summary or when it applies. Ranked by the words found in the title, then the guidance's order.
 */
export function searchRoutes(framework: Framework, query: string): SpecificRoute[] {
  const words = searchTokens(query).filter((w) => !STOP_WORDS.has(w));
  if (words.length === 0) return [];
  const starts = (tokens: string[], word: string) => tokens.some((t) => t.startsWith(word));
  const scored: { route: SpecificRoute; score: number }[] = [];
  for (const route of routesOf(framework)) {
    const title = searchTokens(route.title);
    const all = [...title, ...searchTokens(`${route.summary} ${route.whenItApplies}`)];
    if (!words.every((w) => starts(all, w))) continue;
    scored.push({ route, score: words.filter((w) => starts(title, w)).length });
  }
  // Array.prototype.sort is stable, so equal scores keep the guidance's order.
  return scored.sort((a, b) => b.score - a.score).map((s) => s.route);
}
