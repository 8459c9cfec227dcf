import { createHmac, timingSafeEqual } from 'node:crypto';
import type { $ZodType } from 'zod/v4/core';
import * as z from '../../shared/platform/zod.ts';
import { InvalidRequest } from './errors.ts';

/**
 * Opaque, tamper-proof list cursors: the store's LastEvaluatedKey, the user it was
 * issued to, the list it pages through and an expiry, signed with HMAC-SHA256. A cursor that was
 * altered, belongs to someone else, comes from another list or has expired is refused with 400 (a
 * key from another list would otherwise reach the store as a start key it rejects: a 500).
 */
export type StoreKey = Record<string, unknown>;

/** One page of a list, and the key to start the next one from (none on the last page). */
export interface Page<T> {
  items: T[];
  lastKey?: StoreKey;
}

export const ListQuerySchema = z.strictObject({
  // A check on the coerced number, not a pipe into z.int(): the document then says "integer, 1 to 200".
  limit: z._default(
    z.coerce
      .number()
      .check(
        z.int({ error: 'must be a whole number' }),
        z.minimum(1, 'must be at least 1'),
        z.maximum(200, 'must be 200 or fewer'),
      ),
    50,
  ),
  cursor: z.optional(z.string().check(z.maxLength(2048, 'is too long'))),
});

/** A page of a list as the API answers it: the items, and the cursor to the next page (null on the last). */
export const listPageOf = <T extends $ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

const CURSOR_LIFETIME_MS = 60 * 60 * 1000;

export interface CursorCodec {
  /** `list` names the list and its filters, e.g. `referrals:open:true`. */
  encode(key: StoreKey | undefined, userId: string, list?: string): string | null;
  decode(cursor: string | undefined, userId: string, list?: string): StoreKey | undefined;
}

export function createCursorCodec(secret: string, clock: () => Date): CursorCodec {
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');
  const refuse = (reason: string) => new InvalidRequest([{ field: 'cursor', reason }]);
  return {
    encode(key, userId, list = '') {
      if (!key) return null;
      const payload = Buffer.from(
        JSON.stringify({ k: key, u: userId, l: list, e: clock().getTime() + CURSOR_LIFETIME_MS }),
      ).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    decode(cursor, userId, list = '') {
      if (cursor === undefined) return undefined;
      const [payload, signature, extra] = cursor.split('.');
      if (!payload || !signature || extra !== undefined) throw refuse('is not a cursor this service issued');
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        throw refuse('is not a cursor this service issued');
      }
      let parsed: { k?: unknown; u?: unknown; l?: unknown; e?: unknown };
      try {
        parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw refuse('is not a cursor this service issued');
      }
      if (parsed.u !== userId) throw refuse('was issued to someone else');
      if ((parsed.l ?? '') !== list) throw refuse('belongs to another list: start the list again');
      if (typeof parsed.e !== 'number' || parsed.e < clock().getTime())
        throw refuse('has expired: start the list again');
      if (typeof parsed.k !== 'object' || parsed.k === null)
        throw refuse('is not a cursor this service issued');
      return parsed.k as StoreKey;
    },
  };
}
