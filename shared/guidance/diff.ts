import type { Framework, Indicator, LevelNumber, SpecificRoute } from './schema.ts';
import { routesOf } from './specific-routes.ts';

/** The parts of a specific route a change can touch, in the words the change pages use. */
const ROUTE_PARTS = {
  title: 'title',
  summary: 'summary',
  whenItApplies: 'when it applies',
  steps: 'what to do',
  contact: 'who to contact',
  timescale: 'timescale',
  referral: 'how it stands to a referral',
  referralNote: 'how it stands to a referral',
  indicatorIds: 'the indicators that bring it up',
} as const satisfies Record<Exclude<keyof SpecificRoute, 'id'>, string>;

/**
 * What changed between two versions of the guidance (anyone can see what changed):
 * indicators added, removed, moved to another level, or reworded, levels whose response changed, and
 * specific routes added, removed or changed.
 * Pure, so the editor's page can preview it before publishing and the API can serve it.
 */
export interface GuidanceChanges {
  added: Indicator[];
  removed: Indicator[];
  moved: { indicator: Indicator; fromLevel: LevelNumber; toLevel: LevelNumber }[];
  reworded: { id: string; before: string; after: string }[];
  /** Levels whose summary, response or consent wording changed. */
  levelsChanged: LevelNumber[];
  routesAdded: SpecificRoute[];
  routesRemoved: SpecificRoute[];
  /** Routes in both versions, by id, as they are now, with the parts that changed. */
  routesChanged: { route: SpecificRoute; parts: string[] }[];
}

function compareRoutes(
  before: Framework,
  after: Framework,
): Pick<GuidanceChanges, 'routesAdded' | 'routesRemoved' | 'routesChanged'> {
  const old = new Map(routesOf(before).map((r) => [r.id, r]));
  const now = new Set(routesOf(after).map((r) => r.id));
  const changes: Pick<GuidanceChanges, 'routesAdded' | 'routesRemoved' | 'routesChanged'> = {
    routesAdded: [],
    routesRemoved: routesOf(before).filter((r) => !now.has(r.id)),
    routesChanged: [],
  };
  for (const route of routesOf(after)) {
    const previous = old.get(route.id);
    if (!previous) {
      changes.routesAdded.push(route);
      continue;
    }
    const parts = new Set<string>();
    for (const [key, words] of Object.entries(ROUTE_PARTS) as [keyof typeof ROUTE_PARTS, string][]) {
      if (JSON.stringify(previous[key]) !== JSON.stringify(route[key])) parts.add(words);
    }
    if (parts.size > 0) changes.routesChanged.push({ route, parts: [...parts] });
  }
  return changes;
}

export function compareFrameworks(before: Framework, after: Framework): GuidanceChanges {
  const old = new Map(before.indicators.map((i) => [i.id, i]));
  const now = new Map(after.indicators.map((i) => [i.id, i]));
  const changes: GuidanceChanges = {
    added: [],
    removed: [],
    moved: [],
    reworded: [],
    levelsChanged: [],
    ...compareRoutes(before, after),
  };
  for (const indicator of after.indicators) {
    const previous = old.get(indicator.id);
    if (!previous) {
      changes.added.push(indicator);
      continue;
    }
    if (previous.level !== indicator.level) {
      changes.moved.push({ indicator, fromLevel: previous.level, toLevel: indicator.level });
    }
    if (previous.text !== indicator.text)
      changes.reworded.push({ id: indicator.id, before: previous.text, after: indicator.text });
  }
  for (const indicator of before.indicators) if (!now.has(indicator.id)) changes.removed.push(indicator);
  for (const level of after.levels) {
    const previous = before.levels.find((l) => l.level === level.level);
    if (!previous || JSON.stringify(previous) !== JSON.stringify(level))
      changes.levelsChanged.push(level.level);
  }
  return changes;
}

/** How many changes of every kind: 0 means the versions say the same. */
export function countChanges(changes: GuidanceChanges): number {
  return (
    changes.added.length +
    changes.removed.length +
    changes.moved.length +
    changes.reworded.length +
    changes.levelsChanged.length +
    changes.routesAdded.length +
    changes.routesRemoved.length +
    changes.routesChanged.length
  );
}

export function hasChanges(changes: GuidanceChanges): boolean {
  return countChanges(changes) > 0;
}
