import { createHmac } from 'node:crypto';
import { type ChildIdentity, childNameDobKey } from '../../shared/referrals/duplicates.ts';

/**
 * The key under which the audit trail files every entry about a child's record, so a subject access
 * request can find every record about her and every access to it (by name and date of birth, the
 * looser duplicate key of shared/referrals/duplicates.ts).
 *
 * Like the duplicate index's keys (functions/referrals/child-keys.ts) it is an HMAC-SHA256, never the
 * details themselves, but under a secret of its own: the directory function, which reads the trail,
 * holds this one and not the duplicate index's. Undefined without a date of birth (names alone match
 * too many children). The secret must not change while audit entries are kept.
 */
export type SubjectKey = (child: Partial<ChildIdentity>) => string | undefined;

export function createSubjectKey(secret: string): SubjectKey {
  if (secret.length < 32) throw new Error('The audit subject secret must be at least 32 characters');
  return (child) => {
    const key = childNameDobKey({
      firstName: child.firstName ?? '',
      lastName: child.lastName ?? '',
      dateOfBirth: child.dateOfBirth,
    });
    if (!key || !child.firstName?.trim() || !child.lastName?.trim()) return undefined;
    return `s:${createHmac('sha256', secret).update(`s:${key}`).digest('base64url')}`;
  };
}
