import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../web/platform/charts/basics.ts';

describe("the charts' text layout", () => {
  it('wraps a label at spaces to the width it has, and ends a label cut short with an ellipsis', () => {
    const lines = wrapText('Northshire Safeguarding Partnership', textWidth('Northshire Safeguarding'));
    expect(lines).toEqual(['Northshire Safeguarding', 'Partnership']);
    for (const line of lines)
      expect(textWidth(line)).toBeLessThanOrEqual(textWidth('Northshire Safeguarding'));
    expect(wrapText('one two three four', textWidth('one two'), 16, 2)).toEqual(['one two', 'three…']);
    expect(wrapText('', 100)).toEqual([]);
  });

  it('estimates wide letters wider than narrow ones, and bold wider than regular', () => {
    expect(textWidth('WWW')).toBeGreaterThan(textWidth('iii'));
    expect(textWidth('Police', 16, true)).toBeGreaterThan(textWidth('Police', 16));
    expect(textWidth('Police', 32)).toBeCloseTo(2 * textWidth('Police', 16));
  });
});
