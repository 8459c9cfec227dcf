/**
 * Every key of the guidance table, made and read here only: every version is
 * `GUIDANCE / VERSION#000003` (zero-padded, so versions sort by number); the current published one is
 * copied to `GUIDANCE / CURRENT`, so reading it is one GetItem.
 */
export const GUIDANCE_PK = 'GUIDANCE';
export const VERSION_PREFIX = 'VERSION#';

export const versionKey = (version: number) => ({
  pk: GUIDANCE_PK,
  sk: `${VERSION_PREFIX}${String(version).padStart(6, '0')}`,
});
export const CURRENT_KEY = { pk: GUIDANCE_PK, sk: 'CURRENT' } as const;
