import type { Framework, Indicator, LevelNumber } from './schema.ts';

/**
 * What changed between two versions of the guidance (anyone can see what changed):
 * indicators added, removed, moved to another level, or reworded, and levels whose response changed.
 * Pure, so the editor's page can preview it before publishing and the API can serve it.
 */
export interface GuidanceChanges {
  added: Indicator[];
  removed: Indicator[];
  moved: { indicator: Indicator; fromLevel: LevelNumber; toLevel: LevelNumber }[];
  reworded: { id: string; before: string; after: string }[];
  /** Levels whose summary, response or consent wording changed. */
  levelsChanged: LevelNumber[];
}

export function compareFrameworks(before: Framework, after: Framework): GuidanceChanges {
  const old = new Map(before.indicators.map((i) => [i.id, i]));
  const now = new Map(after.indicators.map((i) => [i.id, i]));
  const changes: GuidanceChanges = { added: [], removed: [], moved: [], reworded: [], levelsChanged: [] };
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

export function hasChanges(changes: GuidanceChanges): boolean {
  return (
    changes.added.length +
      changes.removed.length +
      changes.moved.length +
      changes.reworded.length +
      changes.levelsChanged.length >
    0
  );
}
