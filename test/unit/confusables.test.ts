import { describe, expect, it } from 'vitest';
import { checkLookAlikeGroups, confusableSkeleton } from '../../shared/platform/confusables.ts';

/** Each step of the fold on its own, so that a name that only looks like another claims its key. */
describe('the key of a name', () => {
  it('reads the lunate sigma, small and capital, as the c it is drawn like', () => {
    // NFKC turns ϲ into ς and Ϲ into Σ, which look nothing like a c, so they are mapped before it.
    expect(confusableSkeleton('Northshire Poli\u03f2e')).toBe('northshire police');
    expect(confusableSkeleton('\u03f9hildren First')).toBe('children first');
    // The sigmas themselves are not c.
    expect(confusableSkeleton('\u03c2\u03a3')).not.toContain('c');
  });

  it('folds one letter typed two ways to one key, whether or not it is a look-alike', () => {
    // Cyrillic ӧ, as one character and as о with a combining diaeresis: not a Latin ö either way.
    expect(confusableSkeleton('\u043e\u0308')).toBe(confusableSkeleton('\u04e7'));
    expect(confusableSkeleton('\u04e7')).not.toBe(confusableSkeleton('ö'));
  });

  it('reads full-width and styled letters and ligatures as the letters they stand for (NFKC)', () => {
    expect(confusableSkeleton('ＮＯＲＴＨ')).toBe('north');
    expect(confusableSkeleton('\u{1d40d}orth \ufb01elds')).toBe('north fields');
  });

  it('drops characters that show nothing: zero-width, soft hyphens, direction marks, variation selectors', () => {
    expect(confusableSkeleton('North\u200bshire\u00ad Po\u200elice\ufe0f')).toBe('northshire police');
  });

  it('maps only the look-alikes: other Cyrillic letters stay as they are', () => {
    // О and а pass for O and a; л, ь and г look like no Latin letter.
    expect(confusableSkeleton('Ольга')).toBe('o\u043b\u044c\u0433a');
  });

  it('folds case as upper then lower case does, so ß and SS are one', () => {
    expect(confusableSkeleton('Straße')).toBe('strasse');
    expect(confusableSkeleton('STRASSE')).toBe('strasse');
  });

  it('reads an acute accent typed for an apostrophe as one, though NFKC makes it a space and an accent', () => {
    expect(confusableSkeleton('St Mary\u00b4s')).toBe(confusableSkeleton("St Mary's"));
  });

  it('makes every apostrophe one apostrophe and every dash one hyphen', () => {
    for (const apostrophe of ['\u2018', '\u2019', '\u201b', '\u02bc', '\u2032', '\u0060', '\u00b4'])
      expect(confusableSkeleton(`St Mary${apostrophe}s`), apostrophe).toBe("st mary's");
    for (const dash of [
      '\u2010',
      '\u2011',
      '\u2012',
      '\u2013',
      '\u2014',
      '\u2015',
      '\u2212',
      '\ufe58',
      '\ufe63',
    ])
      expect(confusableSkeleton(`North${dash}East`), dash).toBe('north-east');
  });

  it('makes any run of spaces one space, and trims the ends', () => {
    expect(confusableSkeleton('  North \t\u00a0 Shire\u3000Police ')).toBe('north shire police');
  });
});

describe('the table of look-alikes', () => {
  it('takes groups of letters that pair one for one with Latin letters', () => {
    expect(() => checkLookAlikeGroups([['\u0430\u043e', 'ao']])).not.toThrow();
    expect(() => checkLookAlikeGroups([])).not.toThrow();
  });

  it('refuses a group whose sides do not pair one for one, or that is empty', () => {
    expect(() => checkLookAlikeGroups([['\u0430\u043e', 'a']])).toThrow(/do not pair one for one/);
    expect(() => checkLookAlikeGroups([['\u0430', 'ao']])).toThrow(/do not pair one for one/);
    expect(() => checkLookAlikeGroups([['', '']])).toThrow(/do not pair one for one/);
  });

  it('refuses a look-alike that would pass for anything but a Latin letter', () => {
    for (const latin of ['a1', '1a', 'a ', 'aé'])
      expect(() => checkLookAlikeGroups([['\u0430\u043e', latin]]), latin).toThrow(/Latin letters/);
  });

  it('refuses a letter listed twice, in one group or in two', () => {
    expect(() => checkLookAlikeGroups([['\u0430\u0430', 'aa']])).toThrow(/\u0430 is in the table twice/);
    expect(() =>
      checkLookAlikeGroups([
        ['\u0430', 'a'],
        ['\u0430', 'o'],
      ]),
    ).toThrow(/twice/);
  });
});
