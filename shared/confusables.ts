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

/**
 * Cyrillic and Greek letters drawn like a Latin letter in common fonts (from TR39's confusables),
 * each group as the letters and, character for character, the Latin letters they pass for.
 */
const LOOK_ALIKE_GROUPS: [string, string][] = [
  ['АВЕЅІЈКМНОРСТУХҮҺԚԜӀ', 'ABESIJKMHOPCTYXYHQWI'], // Cyrillic capitals
  ['аеѕіјорсухһԁԛԝӏү', 'aesijopcyxhdqwly'], // Cyrillic small letters
  ['ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ', 'ABEZHIKMNOPTYX'], // Greek capitals
  ['αικνορυχγϲϳ', 'aikvopuxycj'], // Greek small letters
  ['ıɑɡ', 'iag'], // Latin letters drawn like others
];

const LOOK_ALIKES = new Map(
  LOOK_ALIKE_GROUPS.flatMap(([from, to]) =>
    Array.from(from, (letter, i) => [letter, to[i] ?? letter] as const),
  ),
);
const LOOK_ALIKE = new RegExp(`[${[...LOOK_ALIKES.keys()].join('')}]`, 'gu');
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const APOSTROPHES = /[\u2018\u2019\u201b\u02bc\u2032\u0060\u00b4]/gu;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63]/gu;

/** The key two names share when they look the same. */
export function confusableSkeleton(name: string): string {
  return (
    name
      .normalize('NFKC')
      .replace(IGNORABLE, '')
      .replace(LOOK_ALIKE, (letter) => LOOK_ALIKES.get(letter) ?? letter)
      // Upper then lower case folds what lower case alone keeps apart (ß and SS, ς and σ).
      .toUpperCase()
      .toLowerCase()
      .replace(APOSTROPHES, "'")
      .replace(DASHES, '-')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}
