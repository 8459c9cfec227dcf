import type { Problem } from '../../shared/platform/problem.ts';
import type { Referral, ReferralContent } from '../../shared/referrals/schema.ts';
import { Conflict, Forbidden, Unavailable, Unprocessable } from '../platform/errors.ts';

/**
 * The referrals, as the early-help area sees them: through the referrals API with the caller's own
 * token, never the referrals table, so the referrals area's rules on who reads what hold here too.
 * Locally the referrals app answers in-process; in AWS the request goes to the API.
 */
export type CallReferrals = (path: string, init: RequestInit) => Response | Promise<Response>;

export interface ReferralsSource {
  /** The referral as the caller may read it, or null where the referrals API answers 404. */
  get(id: string, authorization: string): Promise<Referral | null>;
  /**
   * Makes a referral once per `idempotencyKey` (a retry answers the one made first) and submits it
   * to the front door unless it was submitted already.
   */
  submitNew(content: ReferralContent, idempotencyKey: string, authorization: string): Promise<Referral>;
}

async function problemOf(res: Response): Promise<Partial<Problem>> {
  try {
    return (await res.json()) as Partial<Problem>;
  } catch {
    return {};
  }
}

/** The referrals API's refusal, as this area answers it: its rules' problems keep their fields. */
async function refusal(res: Response, doing: string): Promise<Error> {
  const problem = await problemOf(res);
  const detail = problem.detail ?? doing;
  if (res.status === 403) return new Forbidden(detail);
  if (res.status === 409) return new Conflict(detail);
  if (res.status === 422) return new Unprocessable(detail, problem.errors ?? []);
  return new Unavailable(`${doing}: the referrals service did not answer`);
}

export function createReferralsSource(call: CallReferrals): ReferralsSource {
  const headers = (authorization: string, extra: Record<string, string> = {}) => ({
    authorization,
    accept: 'application/json',
    ...extra,
  });
  return {
    async get(id, authorization) {
      const res = await call(`/api/referrals/${encodeURIComponent(id)}`, {
        method: 'GET',
        headers: headers(authorization),
      });
      if (res.status === 404) return null;
      if (!res.ok) throw await refusal(res, 'The referral could not be read');
      return (await res.json()) as Referral;
    },

    async submitNew(content, idempotencyKey, authorization) {
      const created = await call('/api/referrals', {
        method: 'POST',
        headers: headers(authorization, {
          'content-type': 'application/json',
          'idempotency-key': idempotencyKey,
        }),
        body: JSON.stringify(content),
      });
      if (!created.ok) throw await refusal(created, 'The referral could not be made');
      const referral = (await created.json()) as Referral;
      if (referral.status !== 'draft') return referral;
      const submitted = await call(`/api/referrals/${encodeURIComponent(referral.id)}/submit`, {
        method: 'POST',
        headers: headers(authorization, { 'if-match': `"${referral.version}"` }),
      });
      if (!submitted.ok) throw await refusal(submitted, 'The referral could not be submitted');
      return (await submitted.json()) as Referral;
    },
  };
}
