import { describe, expect, it } from 'vitest';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import { compareFrameworks, hasChanges } from '../../shared/guidance/diff.ts';
import type { Framework } from '../../shared/guidance/schema.ts';

const copy = (): Framework => structuredClone(illustrativeFramework);

describe('comparing two versions of the guidance', () => {
  it('finds nothing between a version and its copy', () => {
    const changes = compareFrameworks(illustrativeFramework, copy());
    expect(hasChanges(changes)).toBe(false);
  });

  it('reports an indicator moved from one level to another, with both levels', () => {
    const after = copy();
    const target = after.indicators.find((i) => i.level === 2);
    if (!target) throw new Error('no level-2 indicator');
    target.level = 3;
    expect(compareFrameworks(illustrativeFramework, after).moved).toEqual([
      { indicator: target, fromLevel: 2, toLevel: 3 },
    ]);
  });

  it('reports indicators added, removed and reworded, and levels whose wording changed', () => {
    const after = copy();
    const removed = after.indicators.shift();
    const reworded = after.indicators[0];
    if (!removed || !reworded) throw new Error('seed too small');
    const before = reworded.text;
    reworded.text = `${reworded.text} (revised)`;
    after.indicators.push({ ...removed, id: 'brand-new-indicator', text: 'A new concern' });
    const level = after.levels[3];
    if (level) level.response.doNow = 'Call the Front Door now.';

    const changes = compareFrameworks(illustrativeFramework, after);
    expect(changes.removed.map((i) => i.id)).toEqual([removed.id]);
    expect(changes.added.map((i) => i.id)).toEqual(['brand-new-indicator']);
    expect(changes.reworded).toEqual([{ id: reworded.id, before, after: `${before} (revised)` }]);
    expect(changes.levelsChanged).toEqual([4]);
    expect(hasChanges(changes)).toBe(true);
  });
});
