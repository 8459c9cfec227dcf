declare const shown: unique symbol;

/**
 * A record as one caller may see it. Responses and `Conflict`'s `current` take only this, so a record
 * read from the store cannot reach a body without passing through its area's view. The brand exists
 * only in the types: the value is the plain record.
 */
export type Shown<T> = T & { readonly [shown]: true };

/**
 * Records that read differently to different callers name themselves here by interface merging (as
 * functions/referrals/views.ts does); `shownAsIs` refuses them, so their views are the only way out.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by interface merging
export interface PerCallerRecords {}

type PerCaller = PerCallerRecords[keyof PerCallerRecords];
/** `never` for a record with a per-caller view (anything with all its required fields). */
type AsIs<T> = [T] extends [PerCaller] ? never : unknown;

/** For a record that every caller who may read it at all reads whole: an agency, an action, guidance. */
export function shownAsIs<T extends object>(record: T & AsIs<T>): Shown<T>;
export function shownAsIs<T extends object>(record: (T & AsIs<T>) | null | undefined): Shown<T> | undefined;
export function shownAsIs<T extends object>(record: T | null | undefined): Shown<T> | undefined {
  return (record ?? undefined) as Shown<T> | undefined;
}
