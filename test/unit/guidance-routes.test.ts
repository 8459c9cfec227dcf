/**
 * The guidance's specific routes: the schema takes them (and versions without them), a route may
 * name only indicators of its own version, the checker brings them up, search finds them, removing
 * an indicator keeps them valid, and the diff reports them.
 */
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/platform/http.ts';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import {
  checkIndicators,
  findFrameworkProblems,
  searchIndicators,
  searchRoutes,
} from '../../shared/guidance/check.ts';
import { compareFrameworks, hasChanges } from '../../shared/guidance/diff.ts';
import { type Framework, FrameworkSchema } from '../../shared/guidance/schema.ts';
import {
  findRouteProblems,
  routeHref,
  routesFor,
  routesOf,
  withoutIndicator,
} from '../../shared/guidance/specific-routes.ts';

const copy = (): Framework => structuredClone(illustrativeFramework);
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);
const ALLEGATION = 'safety-allegation-against-adult-working-with-children';

describe('the seed guidance’s specific routes', () => {
  it('are the five every English partnership publishes, each with a contact, steps and a timescale', () => {
    expect(ids(routesOf(illustrativeFramework))).toEqual([
      'allegations-lado',
      'fgm-mandatory-reporting',
      'prevent',
      'private-fostering',
      'operation-encompass',
    ]);
    for (const route of routesOf(illustrativeFramework)) {
      expect(route.steps.length, route.id).toBeGreaterThanOrEqual(3);
      expect(route.contact.phone, route.id).toMatch(/^(01632 960\d{3}|0300 000 000\d|101)$/);
      expect(route.indicatorIds.length, route.id).toBeGreaterThan(0);
    }
  });

  it('say what English practice says: one working day, 101 by the next working day, 28 days', () => {
    const [lado, fgm, prevent, fostering, encompass] = routesOf(illustrativeFramework);
    expect(lado?.summary).toMatch(/LADO within one working day/);
    expect(lado?.summary).toMatch(/do not tell the adult/i);
    expect(lado?.referral).toBe('replaces');
    expect(fgm?.whenItApplies).toMatch(/section 5B of the Female Genital Mutilation Act 2003/);
    expect(fgm?.contact.phone).toBe('101');
    expect(fgm?.timescale).toMatch(/end of the next working day/);
    expect(fgm?.referral).toBe('alongside');
    expect(prevent?.steps.join(' ')).toMatch(/Channel/);
    expect(prevent?.steps[0]).toMatch(/999/);
    expect(fostering?.whenItApplies).toMatch(/under 16 \(under 18 if disabled\).*28 days or more/);
    expect(fostering?.referralNote).toMatch(/not a referral for early help/);
    expect(encompass?.steps[0]).toMatch(/before the start of the next school day/);
  });

  it('are valid, unchanged by parsing, and small enough for the editor to save the whole framework', () => {
    expect(FrameworkSchema.parse(illustrativeFramework)).toEqual(illustrativeFramework);
    expect(findRouteProblems(illustrativeFramework)).toEqual([]);
    const body = JSON.stringify({ framework: illustrativeFramework });
    expect(new TextEncoder().encode(body).length).toBeLessThan(MAX_BODY_BYTES);
  });
});

describe('the schema', () => {
  it('still takes a version written before routes existed', () => {
    const { routes: _routes, ...before } = copy();
    expect(FrameworkSchema.safeParse(before).success).toBe(true);
  });

  it('refuses a route with a made-up kind of referral or a telephone number of letters, by field', () => {
    const f = copy();
    const route = f.routes?.[0];
    if (!route) throw new Error('seed has routes');
    (route as { referral: string }).referral = 'sometimes';
    route.contact.phone = 'ring the LADO';
    const result = FrameworkSchema.safeParse(f);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'routes.0.contact.phone',
      'routes.0.referral',
    ]);
  });
});

describe('cross-references', () => {
  it('refuses a route naming an indicator that is not in the version, naming the field', () => {
    const f = copy();
    f.routes?.[2]?.indicatorIds.push('made-up-indicator');
    expect(findRouteProblems(f)).toEqual([
      {
        field: 'framework.routes.2.indicatorIds.2',
        reason: 'Route "prevent" names indicator "made-up-indicator", which is not in this version',
      },
    ]);
    expect(findFrameworkProblems(f)).toEqual([
      'Route "prevent" names indicator "made-up-indicator", which is not in this version',
    ]);
  });

  it('refuses two routes with one id, and an indicator named twice in a route', () => {
    const f = copy();
    const [first, second] = f.routes ?? [];
    if (!first || !second) throw new Error('seed has routes');
    second.id = first.id;
    first.indicatorIds.push(first.indicatorIds[0] ?? '');
    expect(findRouteProblems(f).map((p) => p.field)).toEqual([
      'framework.routes.0.indicatorIds.1',
      'framework.routes.1.id',
    ]);
  });

  it('removing an indicator takes it out of the routes that name it, so the draft stays valid', () => {
    const after = withoutIndicator(illustrativeFramework, 'community-extremist-views');
    expect(after.indicators.map((i) => i.id)).not.toContain('community-extremist-views');
    expect(after.routes?.find((r) => r.id === 'prevent')?.indicatorIds).toEqual([
      'community-radicalisation-serious',
    ]);
    expect(findFrameworkProblems(after)).toEqual([]);
    // The input is left as it was.
    expect(illustrativeFramework.routes?.find((r) => r.id === 'prevent')?.indicatorIds).toHaveLength(2);
  });
});

describe('the checker', () => {
  it('brings up the routes the chosen indicators name, each once, in the guidance’s order', () => {
    expect(ids(routesFor(illustrativeFramework, [ALLEGATION]))).toEqual(['allegations-lado']);
    expect(
      ids(
        routesFor(illustrativeFramework, [
          'community-radicalisation-serious',
          'community-extremist-views',
          ALLEGATION,
        ]),
      ),
    ).toEqual(['allegations-lado', 'prevent']);
    expect(routesFor(illustrativeFramework, ['basic-care-often-hungry'])).toEqual([]);
  });

  it('suggests a level for each route’s own indicators, as for any other', () => {
    expect(checkIndicators(illustrativeFramework, [ALLEGATION]).level).toBe(4);
    expect(checkIndicators(illustrativeFramework, ['family-encompass-notification']).level).toBe(2);
  });

  it('links each route to its own section of the routes page', () => {
    expect(routeHref('allegations-lado')).toBe('/guidance/?view=routes#route-allegations-lado');
  });
});

describe('search', () => {
  it.each([
    ['LADO', 'allegations-lado', ALLEGATION],
    ['FGM', 'fgm-mandatory-reporting', 'identity-fgm-known'],
    ['Prevent', 'prevent', 'community-extremist-views'],
    ['private fostering', 'private-fostering', 'warmth-privately-fostered'],
    ['Operation Encompass', 'operation-encompass', 'family-encompass-notification'],
  ])('finds "%s": the route and an indicator that brings it up', (query, route, indicator) => {
    expect(ids(searchRoutes(illustrativeFramework, query))[0]).toBe(route);
    expect(ids(searchIndicators(illustrativeFramework, query))).toContain(indicator);
  });

  it('finds no route for a word none uses, nor for common words alone', () => {
    expect(searchRoutes(illustrativeFramework, 'zeppelin')).toEqual([]);
    expect(searchRoutes(illustrativeFramework, 'the and')).toEqual([]);
  });
});

describe('what changed', () => {
  it('reports routes added, removed and changed, with the parts that changed', () => {
    const after = copy();
    const [lado, fgm, ...rest] = after.routes ?? [];
    if (!lado || !fgm) throw new Error('seed has routes');
    lado.contact.phone = '01632 960411';
    lado.timescale = 'Today.';
    after.routes = [lado, ...rest, { ...fgm, id: 'fgm-reporting', title: 'FGM: reporting it' }];

    const changes = compareFrameworks(illustrativeFramework, after);
    expect(ids(changes.routesAdded)).toEqual(['fgm-reporting']);
    expect(ids(changes.routesRemoved)).toEqual(['fgm-mandatory-reporting']);
    expect(changes.routesChanged).toEqual([{ route: lado, parts: ['who to contact', 'timescale'] }]);
    expect(hasChanges(changes)).toBe(true);
    expect(changes.added).toEqual([]);
  });

  it('counts a version gaining its first routes as routes added, and a copy as nothing', () => {
    const { routes: _routes, ...before } = copy();
    expect(compareFrameworks(before, illustrativeFramework).routesAdded).toHaveLength(5);
    expect(hasChanges(compareFrameworks(illustrativeFramework, copy()))).toBe(false);
  });
});
