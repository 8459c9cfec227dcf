import { describe, expect, it } from 'vitest';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import {
  checkIndicators,
  describeLevel,
  findFrameworkProblems,
  findSubDomain,
  GuidanceFrameworkError,
  levelLabel,
  searchIndicators,
  searchTokens,
} from '../../shared/guidance/check.ts';
import type { Framework, Indicator } from '../../shared/guidance/schema.ts';
import { testIndicator as ind, testLevel as level, testDomains } from '../support/guidance-fixtures.ts';

/** Built as plain data, not parsed, so the validator can be shown broken frameworks. */
const framework = (change: Partial<Framework> = {}): Framework => ({
  title: 'Test guidance',
  levels: [level(1), level(2), level(3), level(4)],
  domains: testDomains(),
  indicators: [ind('two-a', 2), ind('two-danger', 2, { immediateDanger: true }), ind('four-a', 4)],
  ...change,
});

const ids = (indicators: readonly Indicator[]) => indicators.map((i) => i.id);

describe('immediate danger below level 4', () => {
  it('says to call 999 or the front door now, not the suggested level’s contact', () => {
    const outcome = checkIndicators(framework(), ['two-a', 'two-danger']);
    expect(outcome.level).toBe(2);
    expect(outcome.immediateDanger).toBe(true);
    expect(ids(outcome.immediateDangerIndicators)).toEqual(['two-danger']);
    expect(outcome.reasons[0]).toBe(
      'Immediate danger: "Text for two-danger". Act now, before anything else: ' +
        'Call 999, or the Front Door (0300 000 0000)',
    );
    expect(outcome.reasons.join(' ')).not.toContain('Contact for level 2');
  });

  it('is not flagged by an indicator whose flag is false', () => {
    const f = framework({ indicators: [ind('two-a', 2, { immediateDanger: false })] });
    const outcome = checkIndicators(f, ['two-a']);
    expect(outcome.immediateDanger).toBe(false);
    expect(outcome.reasons[0]).toMatch(/^Level 2: Level 2 name is suggested/);
  });
});

describe('the reasons the checker gives', () => {
  it('counts the drivers and the lower-level indicators in words', () => {
    const f = framework({ indicators: [ind('one-a', 1), ind('one-b', 1), ind('two-a', 2)] });
    expect(checkIndicators(f, ['two-a', 'one-a']).reasons).toEqual([
      'Level 2: Level 2 name is suggested because it is the highest level among your chosen indicators (1 indicator at this level).',
      '1 chosen indicator is at a lower level: part of the picture, but it does not change the level.',
    ]);
    expect(checkIndicators(f, ['two-a', 'one-a', 'one-b']).reasons[1]).toBe(
      '2 chosen indicators are at a lower level: part of the picture, but they do not change the level.',
    );
  });

  it('names ignored ids in the singular and the plural', () => {
    const f = framework();
    expect(checkIndicators(f, ['four-a', 'gone']).reasons.at(-1)).toBe(
      '1 chosen indicator is not in this version of the guidance and was ignored: gone.',
    );
    expect(checkIndicators(f, ['gone', 'four-a', 'lost']).reasons.at(-1)).toBe(
      '2 chosen indicators are not in this version of the guidance and were ignored: gone, lost.',
    );
    const none = checkIndicators(f, ['gone']);
    expect(none.level).toBeNull();
    expect(none.reasons).toHaveLength(2);
    expect(checkIndicators(f, []).reasons).toHaveLength(1);
  });

  it('gives the cumulative-concern reason last but for ignored ids', () => {
    const f = framework({ indicators: [ind('two-a', 2), ind('two-b', 2), ind('two-c', 2)] });
    const outcome = checkIndicators(f, ['two-a', 'two-b', 'two-c']);
    expect(outcome.nextLevel?.level).toBe(3);
    expect(outcome.reasons.at(-1)).toBe(
      'Cumulative concern: 3 of your chosen indicators are at level 2. 3 or more needs at one level can ' +
        'together mean the child needs more, so consider Level 3: Level 3 name.',
    );
  });
});

describe('looking up levels and sub-domains', () => {
  it('names the level, and refuses a level the guidance has no record of', () => {
    expect(levelLabel(describeLevel(framework(), 3))).toBe('Level 3: Level 3 name');
    const broken = framework({ levels: [level(1), level(2), level(4)] });
    expect(() => describeLevel(broken, 3)).toThrow(GuidanceFrameworkError);
    expect(() => describeLevel(broken, 3)).toThrow('The guidance has no record for level 3');
  });

  it('finds a sub-domain with its domain, in any domain, and nothing for an unknown id', () => {
    expect(findSubDomain(framework(), 'housing')).toMatchObject({
      domain: { id: 'family-environment' },
      subDomain: { id: 'housing', name: 'Housing' },
    });
    expect(findSubDomain(framework(), 'health')?.domain.id).toBe('child-development');
    expect(findSubDomain(framework(), 'nowhere')).toBeUndefined();
  });
});

describe('the framework validator that stops broken guidance being published', () => {
  it('finds nothing wrong with a sound framework', () => {
    expect(findFrameworkProblems(framework())).toEqual([]);
    expect(findFrameworkProblems(illustrativeFramework)).toEqual([]);
  });

  it('needs each level exactly once', () => {
    expect(findFrameworkProblems(framework({ levels: [level(1), level(2), level(4)] }))).toEqual([
      'Level 3 must appear exactly once (found 0)',
    ]);
    expect(findFrameworkProblems(framework({ levels: [level(1), level(2), level(2), level(4)] }))).toEqual([
      'Level 2 must appear exactly once (found 2)',
      'Level 3 must appear exactly once (found 0)',
    ]);
  });

  it('refuses a sub-domain id used twice, even in two domains', () => {
    const base = framework();
    const domains = base.domains.map((d) =>
      d.id === 'family-environment'
        ? { ...d, subDomains: [...d.subDomains, { id: 'health', name: 'Again' }] }
        : d,
    );
    expect(findFrameworkProblems({ ...base, domains })).toEqual([
      'Sub-domain id "health" is used more than once',
    ]);
  });

  it('refuses a domain that appears twice', () => {
    const base = framework();
    const [first] = base.domains;
    if (!first) throw new Error('fixture has domains');
    const domains = [
      first,
      { ...first, subDomains: [{ id: 'other', name: 'Other' }] },
      ...base.domains.slice(1),
    ];
    expect(findFrameworkProblems({ ...base, domains })).toEqual([
      'Domain "child-development" appears more than once',
    ]);
  });

  it('refuses an indicator id used twice', () => {
    const f = framework({ indicators: [ind('two-a', 2), ind('two-a', 3, { subDomainId: 'housing' })] });
    expect(findFrameworkProblems(f)).toEqual(['Indicator id "two-a" is used more than once']);
  });

  it('refuses an indicator under a sub-domain that does not exist', () => {
    const f = framework({ indicators: [ind('two-a', 2), ind('lost', 2, { subDomainId: 'nowhere' })] });
    expect(findFrameworkProblems(f)).toEqual([
      'Indicator "lost" names sub-domain "nowhere", which does not exist',
    ]);
  });
});

describe('search ranking', () => {
  const f = framework({
    indicators: [
      ind('prefix-only', 2, { text: 'Bruised knees from playing' }),
      ind('in-text', 2, { text: 'Unexplained bruising on the arms' }),
      ind('late-search-word', 3, { searchWords: ['marks', 'injury', 'bruising'] }),
      ind('first-search-word', 3, { searchWords: ['bruising'] }),
      ind('search-word-token', 3, { searchWords: ['bruising pattern'] }),
    ],
  });

  it('puts exact search-word hits first, the earliest-listed first, then words, then prefixes', () => {
    expect(ids(searchIndicators(f, 'bruising'))).toEqual([
      'first-search-word',
      'late-search-word',
      'in-text',
      'search-word-token',
    ]);
    expect(ids(searchIndicators(f, 'bruis'))).toEqual([
      'prefix-only',
      'in-text',
      'late-search-word',
      'first-search-word',
      'search-word-token',
    ]);
  });

  it('ranks the whole query as a phrase in the text above its words scattered', () => {
    const g = framework({
      indicators: [
        ind('scattered', 2, { text: 'Meals missed at home; often no hot food' }),
        ind('phrase', 2, { text: 'Often missed meals at school' }),
      ],
    });
    expect(ids(searchIndicators(g, 'missed meals'))).toEqual(['phrase', 'scattered']);
  });

  it('ranks a word of a search word above a whole word of the text, and that above a prefix', () => {
    const g = framework({
      indicators: [
        ind('text-words', 2, { text: 'Tired and often hungry' }),
        ind('search-words', 2, { text: 'Poor appetite', searchWords: ['hungry', 'tired'] }),
      ],
    });
    expect(ids(searchIndicators(g, 'hungry tired'))).toEqual(['search-words', 'text-words']);
    const h = framework({
      indicators: [ind('prefix', 2, { text: 'Shouting at home' }), ind('word', 2, { text: 'Shout at home' })],
    });
    expect(ids(searchIndicators(h, 'shout home'))).toEqual(['word', 'prefix']);
  });

  it('keeps the framework’s order for equal scores', () => {
    const g = framework({
      indicators: [ind('b', 2, { text: 'Shouting at home' }), ind('a', 2, { text: 'Shouting at school' })],
    });
    expect(ids(searchIndicators(g, 'shouting'))).toEqual(['b', 'a']);
  });

  it('tries a trailing "s" without it, but only on words longer than three letters', () => {
    const g = framework({
      indicators: [ind('hit', 2, { text: 'Was hit' }), ind('bus', 2, { text: 'Late bu' })],
    });
    expect(ids(searchIndicators(g, 'hits'))).toEqual(['hit']);
    expect(ids(searchIndicators(g, 'bus'))).toEqual([]);
  });

  it('splits words on punctuation and drops apostrophes', () => {
    expect(searchTokens("Don't-know, mum’s  boyfriend")).toEqual(['dont', 'know', 'mums', 'boyfriend']);
    expect(searchTokens('  ')).toEqual([]);
  });
});

describe('the outcome itself, not only its reasons', () => {
  it('chooses nothing, drives nothing and flags nothing when nothing known is chosen', () => {
    expect(checkIndicators(framework(), ['gone'])).toEqual({
      level: null,
      record: null,
      chosen: [],
      drivers: [],
      immediateDanger: false,
      immediateDangerIndicators: [],
      considerHigher: false,
      nextLevel: null,
      unknownIds: ['gone'],
      reasons: [
        'No indicators were chosen, so no level can be suggested. Choose at least one indicator that describes your worry.',
        '1 chosen indicator is not in this version of the guidance and was ignored: gone.',
      ],
    });
  });

  it('gives one reason for one indicator, and counts two drivers in the plural', () => {
    expect(checkIndicators(framework(), ['four-a']).reasons).toEqual([
      'Level 4: Level 4 name is suggested because it is the highest level among your chosen indicators (1 indicator at this level).',
    ]);
    const f = framework({ indicators: [ind('two-a', 2), ind('two-b', 2)] });
    expect(checkIndicators(f, ['two-a', 'two-b']).reasons).toEqual([
      'Level 2: Level 2 name is suggested because it is the highest level among your chosen indicators (2 indicators at this level).',
    ]);
  });

  it('lists every immediate danger, separated so each can be read', () => {
    const f = framework({
      indicators: [ind('a', 4, { immediateDanger: true }), ind('b', 3, { immediateDanger: true })],
    });
    expect(checkIndicators(f, ['a', 'b']).reasons[0]).toBe(
      'Immediate danger: "Text for a"; "Text for b". Act now, before anything else: ' +
        'Call 999, or the Front Door (0300 000 0000)',
    );
  });
});

describe('search: exact search words and word endings', () => {
  it('takes a search word as exact whether or not the query has common words in it', () => {
    const f = framework({
      indicators: [
        ind('words', 2, {
          text: 'County lines; out of school',
          searchWords: ['county', 'lines', 'out', 'school'],
        }),
        ind('lines', 2, { text: 'Exploitation', searchWords: ['county lines'] }),
        ind('school', 2, { text: 'Missing education', searchWords: ['out of school'] }),
      ],
    });
    // Without the exact hit, each would tie with "words" on its search-word tokens and come after it.
    expect(ids(searchIndicators(f, 'the county lines'))).toEqual(['lines', 'words']);
    expect(ids(searchIndicators(f, 'out of school'))).toEqual(['school', 'words']);
  });

  it('does not drop the last letter of a word that does not end in "s"', () => {
    const f = framework({ indicators: [ind('shouting', 2, { text: 'Shouting at home' })] });
    expect(ids(searchIndicators(f, 'shouty'))).toEqual([]);
    expect(ids(searchIndicators(f, 'shouts'))).toEqual(['shouting']);
  });

  it('finds a plural by its singular, in search words, in the text and as a prefix', () => {
    const f = framework({
      indicators: [
        ind('prefix', 2, { text: 'Bruised arm' }),
        ind('text', 2, { text: 'A bruise on the cheek' }),
        ind('search-word', 2, { text: 'Marks', searchWords: ['bruise'] }),
      ],
    });
    expect(ids(searchIndicators(f, 'bruises'))).toEqual(['search-word', 'text', 'prefix']);
  });

  it('adds a prefix match to the score, never takes it away', () => {
    const f = framework({
      indicators: [
        ind('one-prefix', 2, { text: 'Hungry, tired, cold and dirty' }),
        ind('two-prefixes', 2, { text: 'Hungry, with tiredness', searchWords: ['cold', 'dirty'] }),
      ],
    });
    // As typed, "hungr" is only the start of a word. two-prefixes: 1 + 1 + 3 + 3 = 8; one-prefix: 1 + 2 + 2 + 2 = 7.
    expect(ids(searchIndicators(f, 'hungr tired cold dirty'))).toEqual(['two-prefixes', 'one-prefix']);
  });
});
