/**
 * The services the checker's answer names: at levels 1 and 2 the guidance says to use local early help
 * services, so the answer lists published ones that meet the chosen indicators' needs (their
 * sub-domains) and serve that level. Level 3 goes to the Early Help Hub and level 4 to the Front Door,
 * so those answers name none.
 *
 * Pure and free of zod (the schemas are types only), like check.ts: the page and the API agree.
 */
import { DISTRICTS, type District, isDistrict } from '../services/districts.ts';
import { ACCESS_LABELS } from '../services/labels.ts';
import type { ServiceMatch } from '../services/schema.ts';
import type { LevelCheckOutcome } from './check.ts';

/** The levels whose answer names services. */
export const LEVELS_NAMING_SERVICES: readonly number[] = [1, 2];

/** An answer lists this many at most; "Find more services" opens the directory with the same search. */
export const SERVICES_LISTED = 5;

/** A summary longer than this is cut at a word, so each service reads as one line. */
export const SUMMARY_LINE_LENGTH = 160;

/** One service as the answer lists it: enough to choose it, with its full entry one link away. */
export interface CheckerService {
  id: string;
  name: string;
  provider: string;
  /** Its summary's first sentence, or the start of it. */
  summary: string;
  /** How families get in, in words. */
  access: string[];
  /** Why it matches the answer: the needs it meets, the level, the district. */
  reasons: string[];
  /** Kilometres from the district chosen, and where the service is delivered from, when one was chosen. */
  distance?: { km: number; from: string };
  /** Demo data: no such service exists. */
  illustrative: boolean;
}

/**
 * What the answer says about services. `listed` with no items: none matched. `unavailable`: the
 * directory could not be read, so the answer stands without them.
 */
export type CheckerServices =
  | { state: 'listed'; items: CheckerService[]; district: District | null; findMoreHref: string }
  | { state: 'unavailable'; district: District | null; findMoreHref: string };

/** The directory search for an answer, or null when its level names no services. */
export interface CheckerServicesSearch {
  level: number;
  needs: string[];
  district: District | null;
}

export function servicesSearchFor(
  outcome: Pick<LevelCheckOutcome, 'level' | 'chosen' | 'immediateDanger'>,
  district: string | null | undefined,
): CheckerServicesSearch | null {
  if (outcome.immediateDanger || !LEVELS_NAMING_SERVICES.includes(outcome.level)) return null;
  return {
    level: outcome.level,
    // Each need once, in the order its first indicator was chosen.
    needs: [...new Set(outcome.chosen.map((i) => i.subDomainId))],
    district: isDistrict(district) ? district : null,
  };
}

/** The public services search's filters (GET /api/services, and the directory page's address). */
export function searchFilters(search: CheckerServicesSearch): URLSearchParams {
  const filters = new URLSearchParams();
  for (const need of search.needs) filters.append('need', need);
  filters.set('level', String(search.level));
  if (search.district) filters.set('district', search.district);
  return filters;
}

/** The directory's find page with the same search filled in. */
export function findMoreHref(search: CheckerServicesSearch): string {
  return `/services/?${searchFilters(search)}`;
}

/** The first sentence of a summary, or its start cut at a word, on one line. */
export function oneLineSummary(summary: string): string {
  const flat = summary.replace(/\s+/g, ' ').trim();
  const sentence = /^.+?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  if (sentence.length <= SUMMARY_LINE_LENGTH) return sentence;
  const cut = sentence.slice(0, SUMMARY_LINE_LENGTH - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > SUMMARY_LINE_LENGTH / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

/** A search result as the answer lists it. */
export function checkerService(match: ServiceMatch): CheckerService {
  const { service, reasons, distanceKm } = match;
  const { fields } = service;
  const base = fields.baseDistrict;
  return {
    id: service.id,
    name: fields.name,
    provider: fields.provider.name,
    summary: oneLineSummary(fields.summary),
    access: fields.access.map((a) => ACCESS_LABELS[a]),
    reasons,
    ...(distanceKm !== undefined
      ? { distance: { km: distanceKm, from: `${base} ${DISTRICTS[base].name}` } }
      : {}),
    illustrative: service.illustrative === true,
  };
}
