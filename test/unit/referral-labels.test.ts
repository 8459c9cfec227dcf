import { describe, expect, it } from 'vitest';
import {
  CONSENT_NOT_SOUGHT_REASONS,
  CONSENT_STATUSES,
  SEXES,
  CONSENT_NOT_SOUGHT_LABELS as SHARED_CONSENT_NOT_SOUGHT_LABELS,
  OUTCOME_LABELS as SHARED_OUTCOME_LABELS,
  OUTCOMES as SHARED_OUTCOMES,
  STATUS_LABELS as SHARED_STATUS_LABELS,
  UK_POSTCODE as SHARED_UK_POSTCODE,
} from '../../shared/referrals/schema.ts';
import {
  CONSENT_NOT_SOUGHT_LABELS,
  CONSENT_NOT_SOUGHT_REASON_LIST,
  CONSENT_STATUS_LABELS,
  OUTCOME_LABELS,
  OUTCOMES,
  SEX_LABELS,
  STATUS_LABELS,
  UK_POSTCODE,
} from '../../web/referrals/labels.ts';

describe("the referral pages' copies of the fixed lists", () => {
  it('are the same as shared/referrals/schema.ts, in the same order', () => {
    expect(STATUS_LABELS).toEqual(SHARED_STATUS_LABELS);
    expect(OUTCOME_LABELS).toEqual(SHARED_OUTCOME_LABELS);
    expect(OUTCOMES).toEqual([...SHARED_OUTCOMES]);
    expect(CONSENT_NOT_SOUGHT_LABELS).toEqual(SHARED_CONSENT_NOT_SOUGHT_LABELS);
    expect(CONSENT_NOT_SOUGHT_REASON_LIST).toEqual([...CONSENT_NOT_SOUGHT_REASONS]);
    expect(Object.keys(CONSENT_STATUS_LABELS)).toEqual([...CONSENT_STATUSES]);
    expect(Object.keys(SEX_LABELS)).toEqual([...SEXES]);
    expect(UK_POSTCODE.source).toBe(SHARED_UK_POSTCODE.source);
  });
});
