/**
 * The guidance's specific routes (allegations against staff, FGM, Prevent, private fostering,
 * Operation Encompass): which ones chosen indicators bring up, whether a version's routes name only
 * its own indicators, and keeping routes whole when an indicator is removed. (Searching them is with
 * the indicator search, in check.ts.)
 *
 * Pure, with a type-only import of the schema, so the browser's pages carry no zod.
 */
import type { Framework, RouteReferral, SpecificRoute } from './schema.ts';

/** A version's routes; a version published before routes existed has none. */
export const routesOf = (framework: Framework): SpecificRoute[] => framework.routes ?? [];

/** Where a route is read: its own section of the guidance's routes page. */
export const routeAnchor = (id: string): string => `route-${id}`;
export const ROUTES_PAGE = '/guidance/?view=routes';
export const routeHref = (id: string): string => `${ROUTES_PAGE}#${routeAnchor(id)}`;

/** How each route stands to the level's referral, in the words the pages use. */
export const ROUTE_REFERRAL_WORDS: Record<RouteReferral, string> = {
  replaces: 'Instead of a referral to the Front Door',
  alongside: 'As well as what the level says to do',
};

/** The routes the chosen indicators bring up, each once, in the guidance's order. */
export function routesFor(framework: Framework, indicatorIds: readonly string[]): SpecificRoute[] {
  const chosen = new Set(indicatorIds);
  return routesOf(framework).filter((route) => route.indicatorIds.some((id) => chosen.has(id)));
}

/** The routes an indicator brings up (the editor says so before it is removed). */
export const routesNaming = (framework: Framework, indicatorId: string): SpecificRoute[] =>
  routesFor(framework, [indicatorId]);

export interface RouteProblem {
  /** The field's path in a draft's body, as the API's problems name fields. */
  field: string;
  reason: string;
}

/**
 * Cross-references the schema cannot express: route ids unique, and every indicator a route names is
 * in the same version, once. An empty list means the routes are usable.
 */
export function findRouteProblems(framework: Framework): RouteProblem[] {
  const problems: RouteProblem[] = [];
  const indicatorIds = new Set(framework.indicators.map((i) => i.id));
  const routeIds = new Set<string>();
  routesOf(framework).forEach((route, r) => {
    const at = `framework.routes.${r}`;
    if (routeIds.has(route.id))
      problems.push({ field: `${at}.id`, reason: `Route id "${route.id}" is used more than once` });
    routeIds.add(route.id);
    const named = new Set<string>();
    route.indicatorIds.forEach((id, i) => {
      if (!indicatorIds.has(id))
        problems.push({
          field: `${at}.indicatorIds.${i}`,
          reason: `Route "${route.id}" names indicator "${id}", which is not in this version`,
        });
      else if (named.has(id))
        problems.push({
          field: `${at}.indicatorIds.${i}`,
          reason: `Route "${route.id}" names indicator "${id}" more than once`,
        });
      named.add(id);
    });
  });
  return problems;
}

/** The framework without an indicator, and without it in any route, so removing it leaves routes valid. */
export function withoutIndicator(framework: Framework, indicatorId: string): Framework {
  const next: Framework = {
    ...framework,
    indicators: framework.indicators.filter((i) => i.id !== indicatorId),
  };
  if (framework.routes) {
    next.routes = framework.routes.map((route) =>
      route.indicatorIds.includes(indicatorId)
        ? { ...route, indicatorIds: route.indicatorIds.filter((id) => id !== indicatorId) }
        : route,
    );
  }
  return next;
}
