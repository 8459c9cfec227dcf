import { describe, expect, it } from 'vitest';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import {
  CUMULATIVE_CONCERN_THRESHOLD,
  checkIndicators,
  GuidanceFrameworkError,
  searchIndicators,
} from '../../shared/guidance/check.ts';
import { type Framework, FrameworkSchema, type Indicator } from '../../shared/guidance/schema.ts';
import { testIndicator as ind, testLevel as level, testDomains } from '../support/guidance-fixtures.ts';

/** A small framework whose answers can be worked out by hand. */
const fixture: Framework = FrameworkSchema.parse({
  title: 'Test guidance',
  levels: [level(1, 'Universal'), level(2, 'Early help'), level(3, 'Targeted'), level(4, 'Specialist')],
  domains: testDomains(),
  indicators: [
    ind('one-a', 1),
    ind('one-b', 1),
    ind('one-c', 1),
    ind('two-a', 2),
    ind('two-b', 2),
    ind('two-c', 2),
    ind('two-d', 2),
    ind('three-a', 3),
    ind('three-b', 3),
    ind('three-c', 3),
    ind('four-a', 4),
    ind('four-b', 4),
    ind('four-c', 4),
    ind('four-danger', 4, { immediateDanger: true, text: 'Child says they are afraid to go home tonight' }),
    ind('food-in-text', 2, { text: 'Often asks others for food at lunch' }),
    ind('food-search-word', 3, { text: 'Meals are missed', searchWords: ['food', 'hungry'] }),
  ],
});

const ids = (list: readonly { id: string }[]) => list.map((i) => i.id);

describe('checkIndicators', () => {
  it('suggests no level, with a reason to choose something, when nothing is chosen', () => {
    const outcome = checkIndicators(fixture, []);
    expect(outcome.level).toBeNull();
    expect(outcome.record).toBeNull();
    expect(outcome.immediateDanger).toBe(false);
    expect(outcome.considerHigher).toBe(false);
    expect(outcome.reasons).toEqual([
      expect.stringMatching(/No indicators were chosen.*Choose at least one/),
    ]);
  });

  it('suggests no level when every id is unknown, and names them', () => {
    const outcome = checkIndicators(fixture, ['not-real', 'also-not-real']);
    expect(outcome.level).toBeNull();
    expect(outcome.unknownIds).toEqual(['not-real', 'also-not-real']);
    expect(outcome.reasons.join(' ')).toContain('not-real, also-not-real');
  });

  it('gives the level, its response and its consent rule for one indicator', () => {
    const outcome = checkIndicators(fixture, ['two-a']);
    expect(outcome.level).toBe(2);
    expect(outcome.record?.name).toBe('Early help');
    expect(outcome.record?.response.doNow).toBe('Do now 2');
    expect(outcome.record?.consent.required).toBe(true);
    expect(ids(outcome.drivers)).toEqual(['two-a']);
    expect(outcome.considerHigher).toBe(false);
    expect(outcome.immediateDanger).toBe(false);
    expect(outcome.unknownIds).toEqual([]);
    expect(outcome.reasons[0]).toBe(
      'Level 2: Early help is suggested because it is the highest level among your chosen indicators (1 indicator at this level).',
    );
  });

  it('takes the highest level of mixed choices; only those at that level drive it', () => {
    const outcome = checkIndicators(fixture, ['one-a', 'three-a', 'two-a', 'two-b']);
    expect(outcome.level).toBe(3);
    expect(ids(outcome.drivers)).toEqual(['three-a']);
    expect(ids(outcome.chosen)).toEqual(['one-a', 'three-a', 'two-a', 'two-b']);
    expect(outcome.considerHigher).toBe(false);
    expect(outcome.reasons).toContain(
      '3 chosen indicators are at a lower level: part of the picture, but they do not change the level.',
    );
  });

  it('does not consider the next level with 2 indicators at one level', () => {
    const outcome = checkIndicators(fixture, ['two-a', 'two-b']);
    expect(CUMULATIVE_CONCERN_THRESHOLD).toBe(3);
    expect(outcome.level).toBe(2);
    expect(outcome.considerHigher).toBe(false);
    expect(outcome.nextLevel).toBeNull();
    expect(outcome.reasons.join(' ')).not.toMatch(/Cumulative/);
  });

  it('considers the next level up with exactly 3 indicators at one level', () => {
    const outcome = checkIndicators(fixture, ['two-a', 'two-b', 'two-c']);
    expect(outcome.level).toBe(2);
    expect(outcome.considerHigher).toBe(true);
    expect(outcome.nextLevel?.level).toBe(3);
    expect(outcome.reasons).toContain(
      'Cumulative concern: 3 of your chosen indicators are at level 2. 3 or more needs at one level can together mean the child needs more, so consider Level 3: Targeted.',
    );
  });

  it('applies the cumulative rule at level 1 and level 3 too', () => {
    expect(checkIndicators(fixture, ['one-a', 'one-b', 'one-c']).nextLevel?.level).toBe(2);
    expect(checkIndicators(fixture, ['three-a', 'three-b', 'three-c']).nextLevel?.level).toBe(4);
  });

  it('counts only indicators at the suggested level towards the cumulative rule', () => {
    const outcome = checkIndicators(fixture, ['two-a', 'two-b', 'two-c', 'three-a']);
    expect(outcome.level).toBe(3);
    expect(outcome.considerHigher).toBe(false);
  });

  it('never considers anything higher than level 4', () => {
    const outcome = checkIndicators(fixture, ['four-a', 'four-b', 'four-c']);
    expect(outcome.level).toBe(4);
    expect(outcome.drivers).toHaveLength(3);
    expect(outcome.considerHigher).toBe(false);
    expect(outcome.nextLevel).toBeNull();
  });

  it('puts immediate danger first, with who to call, even among other indicators', () => {
    const outcome = checkIndicators(fixture, ['one-a', 'two-a', 'four-danger']);
    expect(outcome.level).toBe(4);
    expect(outcome.immediateDanger).toBe(true);
    expect(ids(outcome.immediateDangerIndicators)).toEqual(['four-danger']);
    expect(outcome.reasons[0]).toMatch(/^Immediate danger: "Child says they are afraid to go home tonight"/);
    expect(outcome.reasons[0]).toContain('Call 999, or the Front Door (0300 000 0000)');
  });

  it('is not immediate danger at level 4 without a flagged indicator', () => {
    const outcome = checkIndicators(fixture, ['four-a']);
    expect(outcome.level).toBe(4);
    expect(outcome.immediateDanger).toBe(false);
    expect(outcome.reasons[0]).toMatch(/^Level 4: Specialist is suggested/);
  });

  it('reports unknown ids beside a real answer, so the API can refuse them', () => {
    const outcome = checkIndicators(fixture, ['two-a', 'made-up']);
    expect(outcome.level).toBe(2);
    expect(outcome.unknownIds).toEqual(['made-up']);
    expect(outcome.reasons.at(-1)).toBe(
      '1 chosen indicator is not in this version of the guidance and was ignored: made-up.',
    );
  });

  it('counts a repeated id once, so repeats cannot trigger the cumulative rule', () => {
    const outcome = checkIndicators(fixture, ['two-a', 'two-a', 'two-a', 'made-up', 'made-up']);
    expect(ids(outcome.chosen)).toEqual(['two-a']);
    expect(outcome.drivers).toHaveLength(1);
    expect(outcome.considerHigher).toBe(false);
    expect(outcome.unknownIds).toEqual(['made-up']);
  });

  it('refuses to answer from a framework that has lost a level record', () => {
    const broken = { ...fixture, levels: fixture.levels.filter((l) => l.level !== 2) };
    expect(() => checkIndicators(broken, ['two-a'])).toThrow(GuidanceFrameworkError);
    expect(() => checkIndicators(broken, ['two-a'])).toThrow('The guidance has no record for level 2');
  });

  describe('with the illustrative guidance (journey 1)', () => {
    it('hungry and shouting at home is early help, with an Early Help Assessment to start', () => {
      const outcome = checkIndicators(illustrativeFramework, [
        'basic-care-often-hungry',
        'family-frequent-shouting',
      ]);
      expect(outcome.level).toBe(2);
      expect(outcome.immediateDanger).toBe(false);
      expect(outcome.record?.colour).toBe('yellow');
      expect(outcome.record?.response.doNow).toMatch(/start an Early Help Assessment/);
      expect(outcome.record?.consent.required).toBe(true);
    });

    it('a disclosure of being hit with an injury says call the Front Door now, before anything else', () => {
      const outcome = checkIndicators(illustrativeFramework, [
        'basic-care-often-hungry',
        'safety-disclosed-hit-with-injury',
      ]);
      expect(outcome.level).toBe(4);
      expect(outcome.immediateDanger).toBe(true);
      expect(outcome.reasons[0]).toMatch(/^Immediate danger: .*Act now, before anything else: .*999/);
      expect(outcome.reasons[0]).toContain('the Front Door (0300 000 0000)');
      expect(outcome.record?.consent.required).toBe(false);
    });
  });

  it('answers from the guidance version it is given (journey 7: an indicator moved from level 2 to 3)', () => {
    const moved: Framework = {
      ...illustrativeFramework,
      indicators: illustrativeFramework.indicators.map((i) =>
        i.id === 'family-frequent-shouting' ? { ...i, level: 3 } : i,
      ),
    };
    const chosen = ['basic-care-often-hungry', 'family-frequent-shouting'];
    expect(checkIndicators(illustrativeFramework, chosen).level).toBe(2);
    expect(checkIndicators(moved, chosen).level).toBe(3);
  });
});

describe('searchIndicators', () => {
  const f = illustrativeFramework;
  const haystack = (i: Indicator) => `${i.text} ${i.searchWords.join(' ')}`.toLowerCase();

  it('finds "hungry", with the journey indicator first', () => {
    const results = searchIndicators(f, 'hungry');
    expect(results[0]?.id).toBe('basic-care-often-hungry');
    expect(results.length).toBeGreaterThan(1);
    for (const i of results) expect(haystack(i)).toContain('hungry');
  });

  it('finds attendance worries at level 2 and level 3', () => {
    const results = searchIndicators(f, 'attendance');
    expect(ids(results)).toEqual(
      expect.arrayContaining(['education-attendance-falling', 'education-severe-absence']),
    );
    for (const i of results) expect(haystack(i)).toContain('attendance');
  });

  it('needs every word of "county lines", and puts the county lines indicator first', () => {
    const results = searchIndicators(f, 'county lines');
    expect(results[0]?.id).toBe('exploitation-county-lines');
    for (const i of results) {
      expect(haystack(i)).toContain('county');
      expect(haystack(i)).toContain('lines');
    }
    expect(searchIndicators(f, 'county hungry')).toEqual([]);
  });

  it('finds nothing for a word the guidance does not use', () => {
    expect(searchIndicators(f, 'xylophone')).toEqual([]);
    expect(searchIndicators(f, 'hungry xylophone')).toEqual([]);
  });

  it('ignores case, extra spaces and punctuation', () => {
    const expected = ids(searchIndicators(f, 'county lines'));
    expect(ids(searchIndicators(f, '  County   LINES  '))).toEqual(expected);
    expect(ids(searchIndicators(f, 'HUNGRY'))).toEqual(ids(searchIndicators(f, 'hungry')));
    expect(ids(searchIndicators(f, 'self harm'))).toEqual(ids(searchIndicators(f, 'Self-Harm!')));
  });

  it('returns nothing for an empty query or only common words', () => {
    expect(searchIndicators(f, '')).toEqual([]);
    expect(searchIndicators(f, '   ')).toEqual([]);
    expect(searchIndicators(f, 'the and of')).toEqual([]);
  });

  it('matches the start of a word and plurals, as someone types', () => {
    expect(ids(searchIndicators(f, 'bruis'))).toContain('safety-unexplained-bruising');
    expect(ids(searchIndicators(f, 'hits'))).toContain('safety-disclosed-hit-with-injury');
  });

  it("finds the shouting indicator from Amira's own words", () => {
    expect(ids(searchIndicators(f, "Mum's boyfriend shouts"))).toEqual(['family-frequent-shouting']);
  });

  it('ranks an exact search-word hit above a match in the text only', () => {
    expect(ids(searchIndicators(fixture, 'food'))).toEqual(['food-search-word', 'food-in-text']);
  });
});
