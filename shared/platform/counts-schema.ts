import * as z from './zod.ts';

/**
 * How a published count or percentage about children is described in every stats response: the
 * number, or the marker of one not shown (shared/platform/small-numbers.ts).
 */

/**
 * A count or share not shown (fewer than the threshold, or hidden so that one cannot be worked out).
 * No `id`: zod would then refer to it as `#/$defs/Suppressed`, which the OpenAPI document has nowhere
 * to resolve, so it is described in place wherever it appears.
 */
const SuppressedSchema = z
  .object({ suppressed: z.literal(true) })
  .check(
    z.describe(
      'Not shown: a count below the small-number threshold, or one hidden so that such a count cannot be worked out from a total. Never a zero.',
    ),
  );
export const CountSchema = z.union([z.int().check(z.minimum(0)), SuppressedSchema]);
export const ShareSchema = z
  .union([z.number().check(z.minimum(0), z.maximum(100)), SuppressedSchema, z.null()])
  .check(z.describe('A percentage; null for 0 of 0'));
/** The kappa's shape: a number, the marker, or null. */
export const MaybeSuppressedNumberSchema = (description: string) =>
  z.union([z.number(), SuppressedSchema, z.null()]).check(z.describe(description));

export const SmallNumbersSchema = z.object({
  threshold: z.int().check(z.describe('Counts from 1 to one below this are not shown')),
});
