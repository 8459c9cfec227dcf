/**
 * A key under which names that look the same are the same: the idea of Unicode TR39's "skeleton",
 * kept small. "Northshire Pоlice" (a Cyrillic о), "North\u200bshire Police" and "NORTHSHIRE  POLICE"
 * all fold to "northshire police". Used to claim names (agencies), never to show them.
 *
 * Steps: NFKC (full-width and styled letters, ligatures), drop default-ignorable characters
 * (zero-width, direction marks, variation selectors, soft hyphens), map the Cyrillic and Greek
 * letters that are drawn like Latin ones (upper and lower case apart, as they look different), fold
 * the case, and make spaces, apostrophes and dashes one of each. Accents are kept: "Siân" and
 * "Sian" look different, and may be different agencies.
 */

/** Cyrillic and Greek letters drawn like a Latin letter in common fonts (from TR39's confusables). */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic capitals
  А: 'A', В: 'B', Е: 'E', Ѕ: 'S', І: 'I', Ј: 'J', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C',
  Т: 'T', У: 'Y', Х: 'X', Ү: 'Y', Һ: 'H', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'I',
  // Cyrillic small letters
  а: 'a', е: 'e', ѕ: 's', і: 'i', ј: 'j', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', һ: 'h', ԁ: 'd',
  ԛ: 'q', ԝ: 'w', ӏ: 'l', ү: 'y',
  // Greek capitals
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T',
  Υ: 'Y', Χ: 'X',
  // Greek small letters
  α: 'a', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', υ: 'u', χ: 'x', γ: 'y', ϲ: 'c', ϳ: 'j',
  // Latin letters drawn like others
  ı: 'i', ɑ: 'a', ɡ: 'g',
};

const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const APOSTROPHES = /[\u2018\u2019\u201b\u02bc\u2032\u0060\u00b4]/gu;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63]/gu;

/** The key two names share when they look the same. */
export function confusableSkeleton(name: string): string {
  return (
    name
      .normalize('NFKC')
      .replace(IGNORABLE, '')
      .replace(LOOK_ALIKE, (letter) => LOOK_ALIKES[letter] ?? letter)
      // Upper then lower case folds what lower case alone keeps apart (ß and SS, ς and σ).
      .toUpperCase()
      .toLowerCase()
      .replace(APOSTROPHES, "'")
      .replace(DASHES, '-')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}
