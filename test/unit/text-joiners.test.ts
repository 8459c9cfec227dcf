import { describe, expect, it } from 'vitest';
import { TEXT_REASONS, textProblem } from '../../shared/platform/text.ts';

/**
 * Free text keeps the zero-width joiner (U+200D) and non-joiner (U+200C) only between two visible
 * characters, where emoji sequences and Persian or Indic writing put them. Anywhere else they show
 * nothing and join nothing, so they are refused as any other invisible character is.
 */
describe('joiners in multi-line text', () => {
  const ZWJ = '\u200d';
  const ZWNJ = '\u200c';

  it.each([
    ['an emoji sequence', `👩${ZWJ}👧 drew a picture`],
    ['Persian with a non-joiner inside a word', `مادرش می${ZWNJ}گوید`],
    ['a joiner between two letters of a line after the first', `First line\nmi${ZWNJ}guyad`],
    ['a joiner between a letter and a full stop', `a${ZWJ}.`],
  ])('keeps %s', (_what, value) => {
    expect(textProblem(value, 'multiline')).toBeUndefined();
  });

  it.each([
    ['a joiner at the start', `${ZWJ}hidden`],
    ['a non-joiner at the start', `${ZWNJ}hidden`],
    ['a joiner at the end', `hidden${ZWJ}`],
    ['a non-joiner at the end', `hidden${ZWNJ}`],
    ['a joiner after a space', `a ${ZWJ}b`],
    ['a non-joiner before a space', `a${ZWNJ} b`],
    ['a joiner before a new line', `first${ZWJ}\nsecond`],
    ['a non-joiner after a new line', `first\n${ZWNJ}second`],
    ['a joiner beside another joiner', `a${ZWJ}${ZWNJ}b`],
    ['two joiners of one kind in a row', `a${ZWJ}${ZWJ}b`],
  ])('refuses %s', (_what, value) => {
    expect(textProblem(value, 'multiline')).toBe(TEXT_REASONS.invisible);
  });

  it('refuses every joiner in names and one-line answers, even between letters', () => {
    for (const kind of ['name', 'line'] as const) {
      expect(textProblem(`North${ZWJ}shire`, kind), kind).toBe(TEXT_REASONS.invisible);
      expect(textProblem(`North${ZWNJ}shire`, kind), kind).toBe(TEXT_REASONS.invisible);
    }
  });
});
