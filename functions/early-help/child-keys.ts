import { createHmac } from 'node:crypto';
import { type ChildKeys, createChildKeys } from '../referrals/child-keys.ts';

/**
 * The keys an episode is filed under so a later episode of the same child is known for a
 * re-referral: the duplicate index's two keys (functions/referrals/child-keys.ts), made the same way
 * but under a secret of this area's own, so no key here matches one in the referrals table and no
 * key holds a child's name, date of birth or postcode.
 *
 * The secret is derived from the one the function is given (the audit subject secret, which it
 * already holds) by an HMAC labelled for this use alone: a key in this table is then neither an
 * audit subject key nor a duplicate key, and the secret must likewise never change while episodes
 * are kept.
 */
export function createEpisodeChildKeys(functionSecret: string): ChildKeys {
  if (functionSecret.length < 32) throw new Error('The early-help secret must be at least 32 characters');
  return createChildKeys(
    createHmac('sha256', functionSecret).update('early-help episode child keys').digest('base64url'),
  );
}
