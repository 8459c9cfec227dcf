import { describe, expect, it } from 'vitest';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import { compareFrameworks, type GuidanceChanges, hasChanges } from '../../shared/guidance/diff.ts';
import type { Framework } from '../../shared/guidance/schema.ts';

const copy = (): Framework => structuredClone(illustrativeFramework);
const none: GuidanceChanges = {
  added: [],
  removed: [],
  moved: [],
  reworded: [],
  levelsChanged: [],
  routesAdded: [],
  routesRemoved: [],
  routesChanged: [],
};

describe('what changed between two versions, one kind of change at a time', () => {
  it('counts any single kind of change as a change', () => {
    const [indicator] = illustrativeFramework.indicators;
    if (!indicator) throw new Error('seed has indicators');
    expect(hasChanges(none)).toBe(false);
    expect(hasChanges({ ...none, added: [indicator] })).toBe(true);
    expect(hasChanges({ ...none, removed: [indicator] })).toBe(true);
    expect(hasChanges({ ...none, moved: [{ indicator, fromLevel: 1, toLevel: 2 }] })).toBe(true);
    expect(hasChanges({ ...none, reworded: [{ id: indicator.id, before: 'a', after: 'b' }] })).toBe(true);
    expect(hasChanges({ ...none, levelsChanged: [2] })).toBe(true);
  });

  it('reports a moved indicator only as moved, and a reworded one only as reworded', () => {
    const moved = copy();
    const target = moved.indicators.find((i) => i.level === 3);
    if (!target) throw new Error('no level-3 indicator');
    target.level = 2;
    expect(compareFrameworks(illustrativeFramework, moved)).toEqual({
      ...none,
      moved: [{ indicator: target, fromLevel: 3, toLevel: 2 }],
    });

    const reworded = copy();
    const words = reworded.indicators[5];
    if (!words) throw new Error('seed too small');
    const before = words.text;
    words.text = 'Reworded';
    expect(compareFrameworks(illustrativeFramework, reworded)).toEqual({
      ...none,
      reworded: [{ id: words.id, before, after: 'Reworded' }],
    });
  });

  it('names the one level whose consent wording changed, and a level new to the guidance', () => {
    const after = copy();
    const level = after.levels[1];
    if (!level) throw new Error('seed has levels');
    level.consent.guidance = `${level.consent.guidance} Record who you spoke to.`;
    expect(compareFrameworks(illustrativeFramework, after)).toEqual({ ...none, levelsChanged: [2] });

    const before = copy();
    before.levels = before.levels.filter((l) => l.level !== 4);
    expect(compareFrameworks(before, copy()).levelsChanged).toEqual([4]);
  });
});
