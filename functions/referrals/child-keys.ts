import { createHmac } from 'node:crypto';
import { type ChildIdentity, childMatchKey, childNameDobKey } from '../../shared/referrals/duplicates.ts';

/**
 * The keys under which a submitted referral is filed for duplicate detection (the `CHILD#` items):
 * the strict key (`c:`) and, with a date of birth, the looser one (`nd:`), from shared/referrals/duplicates.ts.
 *
 * Table keys are never encrypted and can surface outside the table (CloudTrail data events,
 * Contributor Insights, support cases), so a child's name, date of birth and postcode are not put in
 * them: each match key is replaced by its HMAC-SHA256 under a secret only the referrals function holds.
 * Equal identities still give equal keys; without the secret a key cannot be checked against a guess.
 * The secret must not change while referrals are kept: keys made under another would never match.
 */
export type ChildKeys = (child: ChildIdentity) => string[];

export function createChildKeys(secret: string): ChildKeys {
  if (secret.length < 32) throw new Error('The match-key secret must be at least 32 characters');
  const hash = (kind: string, key: string) =>
    `${kind}:${createHmac('sha256', secret).update(`${kind}:${key}`).digest('base64url')}`;
  return (child) => {
    const loose = childNameDobKey(child);
    return [hash('c', childMatchKey(child)), ...(loose ? [hash('nd', loose)] : [])];
  };
}

/** Which of the two keys matched: the strict one, or the name and date of birth alone. */
export function matchedOn(matchKey: string): 'child' | 'name_and_birth' {
  return matchKey.startsWith('nd:') ? 'name_and_birth' : 'child';
}
