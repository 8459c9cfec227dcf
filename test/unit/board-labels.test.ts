import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  RAG_RATINGS,
  SOURCE_KINDS as SHARED_SOURCE_KINDS,
  SOURCE_LABELS as SHARED_SOURCE_LABELS,
  STATUS_LABELS as SHARED_STATUS_LABELS,
  THEME_LABELS as SHARED_THEME_LABELS,
  THEMES as SHARED_THEMES,
} from '../../shared/board/schema.ts';
import {
  OPEN_STATUSES,
  RAGS,
  SOURCE_KINDS,
  SOURCE_LABELS,
  STATUS_LABELS,
  THEME_LABELS,
  THEMES,
} from '../../web/board/labels.ts';
import { textWidth, wrapText } from '../../web/platform/charts/basics.ts';

describe("the board pages' copies of the plan's fixed lists", () => {
  it('are the same as shared/board/schema.ts, in the same order', () => {
    expect(THEME_LABELS).toEqual(SHARED_THEME_LABELS);
    expect(THEMES).toEqual([...SHARED_THEMES]);
    expect(STATUS_LABELS).toEqual(SHARED_STATUS_LABELS);
    expect(SOURCE_LABELS).toEqual(SHARED_SOURCE_LABELS);
    expect(SOURCE_KINDS).toEqual([...SHARED_SOURCE_KINDS]);
    expect(RAGS).toEqual([...RAG_RATINGS]);
    expect(OPEN_STATUSES).toEqual(ACTION_STATUSES.filter((s) => s !== 'complete'));
  });
});

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
