/**
 * Reproducible random samples: the same seed and the same records always give the same sample, so
 * a month's audit sample can be drawn again from its recorded seed and shown to be what was drawn.
 * Stratified, so every group (each referring agency) appears while the sample has room for it.
 * Pure: no Math.random, no clock.
 */

/** A 32-bit hash of a string (FNV-1a): turns a recorded seed such as "2026-12#0f3a" into a number. */
export function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A seeded generator of numbers in [0, 1) (mulberry32): small, fast and the same on every machine. */
export function seededRandom(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher–Yates, driven by `random`). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Draws `size` of `items` (all of them if there are fewer), reproducibly from `seed`: first one from
 * each group in a shuffled order of groups, so every group appears while there is room, then the rest
 * at random from everything left (so larger groups get more, as they would by chance). The order the
 * items arrive in does not matter: they are put in order of `idOf` first. The sample keeps the draw's
 * order.
 */
export function stratifiedSample<T>(
  items: readonly T[],
  options: { size: number; seed: string; idOf: (item: T) => string; groupOf: (item: T) => string },
): T[] {
  const { size, seed, idOf, groupOf } = options;
  if (!Number.isInteger(size) || size < 0)
    throw new RangeError('A sample size must be a whole number, 0 or more');
  const ordered = [...items].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
  const random = seededRandom(seed);
  const groups = new Map<string, T[]>();
  for (const item of ordered) groups.set(groupOf(item), [...(groups.get(groupOf(item)) ?? []), item]);
  const groupNames = shuffled([...groups.keys()].sort(), random);
  const pools = new Map(groupNames.map((name) => [name, shuffled(groups.get(name) ?? [], random)]));

  const sample: T[] = [];
  for (const name of groupNames) {
    if (sample.length >= size) break;
    const first = pools.get(name)?.shift();
    if (first !== undefined) sample.push(first);
  }
  const rest = shuffled(
    groupNames.flatMap((name) => pools.get(name) ?? []),
    random,
  );
  for (const item of rest) {
    if (sample.length >= size) break;
    sample.push(item);
  }
  return sample;
}
