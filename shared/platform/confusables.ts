/**
 * A key under which names that look the same are the same: the idea of Unicode TR39's "skeleton",
 * kept small. "Northshire Pоlice" (a Cyrillic о), "North\u200bshire Police" and "NORTHSHIRE  POLICE"
 * all fold to "northshire police". Used to claim names (agencies), never to show them.
 *
 * Steps: NFKC (full-width and styled letters, ligatures), drop default-ignorable characters
 * (zero-width, direction marks, variation selectors, soft hyphens), map the Cyrillic and Greek
 * letters that are drawn like Latin ones (upper and lower case apart, as they look different), fold
 * the case, and make spaces, apostrophes and dashes one of each. The few of those letters and
 * apostrophes that NFKC would turn into something else first (ϲ, Ϲ, ´) are mapped before it.
 * Accents are kept: "Siân" and "Sian" look different, and may be different agencies.
 */

/** Groups of look-alike letters: each the letters and, one for one, the Latin letters they pass for. */
export type LookAlikeGroups = readonly (readonly [letters: string, latin: string])[];

/**
 * Cyrillic and Greek letters drawn like a Latin letter in common fonts (from TR39's confusables),
 * each group as the letters and, character for character, the Latin letters they pass for.
 */
const LOOK_ALIKE_GROUPS: LookAlikeGroups = [
  ['АВЕЅІЈКМНОРСТУХҮҺԚԜӀ', 'ABESIJKMHOPCTYXYHQWI'], // Cyrillic capitals
  ['аеѕіјорсухһԁԛԝӏү', 'aesijopcyxhdqwly'], // Cyrillic small letters
  ['ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹ', 'ABEZHIKMNOPTYXC'], // Greek capitals (Ϲ: the capital lunate sigma)
  ['αικνορυχγϲϳ', 'aikvopuxycj'], // Greek small letters
  ['ıɑɡ', 'iag'], // Latin letters drawn like others
];

/**
 * Throws unless every group pairs its letters one for one with Latin letters (A–Z, a–z) and no
 * letter is in the table twice. A table built wrong would fold names to the wrong key without a
 * word, so the module checks its own table as it loads and refuses to load with a broken one.
 */
export function checkLookAlikeGroups(groups: LookAlikeGroups): void {
  const seen = new Set<string>();
  for (const [letters, latin] of groups) {
    const from = Array.from(letters);
    if (from.length === 0 || from.length !== Array.from(latin).length)
      throw new Error(`Look-alikes "${letters}" and "${latin}" do not pair one for one`);
    if (!/^[A-Za-z]+$/.test(latin))
      throw new Error(`Look-alikes must pass for Latin letters, not "${latin}"`);
    for (const letter of from) {
      if (seen.has(letter)) throw new Error(`Look-alike ${letter} is in the table twice`);
      seen.add(letter);
    }
  }
}

checkLookAlikeGroups(LOOK_ALIKE_GROUPS);

const LOOK_ALIKES: ReadonlyMap<string, string> = new Map(
  LOOK_ALIKE_GROUPS.flatMap(([letters, latin]) =>
    // The Latin side is A–Z and a–z (checked above), one UTF-16 unit a letter.
    Array.from(letters, (letter, i) => [letter, latin.charAt(i)] as const),
  ),
);

/** Apostrophes and dashes, each read as the one of its kind. */
const APOSTROPHES = '\u2018\u2019\u201b\u02bc\u2032\u0060\u00b4';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63';

/** Each character that is read as another: look-alike letters, apostrophes and dashes. */
const FOLDS: ReadonlyMap<string, string> = new Map([
  ...LOOK_ALIKES,
  ...Array.from(APOSTROPHES, (c) => [c, "'"] as const),
  ...Array.from(DASHES, (c) => [c, '-'] as const),
]);

/**
 * The folds NFKC would get to first and turn into something else: the lunate sigmas ϲ and Ϲ into
 * ς and Σ (which look nothing like a c), the acute accent ´ into a space and a combining accent.
 * These are folded before NFKC as well as after.
 */
const BEFORE_NFKC: ReadonlyMap<string, string> = new Map(
  [...FOLDS].filter(([c]) => c.normalize('NFKC') !== c),
);

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Each character in `table` as the one it is read as. */
function fold(text: string, table: ReadonlyMap<string, string>): string {
  return Array.from(text, (c) => table.get(c) ?? c).join('');
}

/** The key two names share when they look the same. */
export function confusableSkeleton(name: string): string {
  return (
    fold(fold(name, BEFORE_NFKC).normalize('NFKC').replace(IGNORABLE, ''), FOLDS)
      // Upper then lower case folds what lower case alone keeps apart (ß and SS, ς and σ).
      .toUpperCase()
      .toLowerCase()
      .replace(/\s+/gu, ' ')
      .trim()
  );
}
