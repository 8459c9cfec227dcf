/** What the scale section's synthetic records draw from: a seeded generator and invented names. */

export const DAY = 24 * 60 * 60 * 1000;
/** shared/platform/bank-holidays.ts covers 2024 onwards: no synthetic date may fall before. */
export const EARLIEST = Date.UTC(2024, 0, 8);

export const FIRST_NAMES = [
  'Maisie',
  'Oliver',
  'Amelia',
  'Noah',
  'Isla',
  'Leo',
  'Ava',
  'Theo',
  'Freya',
  'Arlo',
  'Zara',
];
export const LAST_NAMES = [
  'Fairbrook',
  'Ashdown',
  'Kettering',
  'Moorfield',
  'Thornby',
  'Wexley',
  'Hollins',
  'Brackley',
];

/** A small deterministic generator, so two runs seed the same shapes. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pickFrom =
  (random: () => number) =>
  <T>(list: readonly T[]): T =>
    list[Math.floor(random() * list.length)] as T;

/** One id of `options`, drawn in proportion to its weight. */
export function weighted<Id extends string>(
  random: () => number,
  options: readonly { id: Id; weight: number }[],
): Id {
  const total = options.reduce((n, o) => n + o.weight, 0);
  const roll = random() * total;
  let cumulative = 0;
  const found = options.find((o) => {
    cumulative += o.weight;
    return roll < cumulative;
  });
  return (found ?? options[options.length - 1])?.id as Id;
}
