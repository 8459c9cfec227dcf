import { describe, expect, it } from 'vitest';
import {
  ACCESS_SUSPENDED_DETAIL,
  AGENCY_DEACTIVATED_DETAIL,
  AGENCY_UNKNOWN_DETAIL,
  refusalFor,
  SIGNED_IN_BEFORE_DETAIL,
} from '../../functions/platform/access.ts';
import { AccessWithdrawn, Forbidden } from '../../functions/platform/errors.ts';

/**
 * The standing rule (functions/platform/access.ts): who may still use the portal once their token
 * is verified. The cache and the wiring are proved through the apps in
 * test/api/access-lifecycle.api.test.ts.
 */
const ACTIVE = { active: true, name: 'Brookfield Primary School' };
const REVOKED_AT = '2026-11-23T09:00:00.000Z';
const revokedSeconds = Date.parse(REVOKED_AT) / 1000;

describe('who may still use the portal', () => {
  it('lets in a member of an active agency, and anyone with no agency, when nothing is withdrawn', () => {
    expect(refusalFor('brookfield-primary', ACTIVE, null, revokedSeconds)).toBeNull();
    expect(refusalFor(null, null, null)).toBeNull();
    expect(refusalFor('brookfield-primary', ACTIVE, { suspended: false })).toBeNull();
  });

  it('refuses a deactivated agency’s users, and a token naming an agency the directory does not hold', () => {
    const deactivated = refusalFor('brookfield-primary', { ...ACTIVE, active: false }, null);
    expect(deactivated).toBeInstanceOf(AccessWithdrawn);
    expect(deactivated).toBeInstanceOf(Forbidden); // so the refusal is audited like any other
    expect(deactivated).toMatchObject({ reason: 'agency-deactivated', message: AGENCY_DEACTIVATED_DETAIL });
    expect(refusalFor('gone', null, null)).toMatchObject({
      reason: 'agency-deactivated',
      message: AGENCY_UNKNOWN_DETAIL,
    });
  });

  it('refuses a suspended person whatever their token, and names the agency first when both apply', () => {
    expect(
      refusalFor('brookfield-primary', ACTIVE, { suspended: true }, revokedSeconds + 3600),
    ).toMatchObject({
      reason: 'access-suspended',
      message: ACCESS_SUSPENDED_DETAIL,
    });
    expect(refusalFor('brookfield-primary', { ...ACTIVE, active: false }, { suspended: true })).toMatchObject(
      { reason: 'agency-deactivated' },
    );
  });

  it('refuses a token issued before revokedBefore (or in that same second), and takes one issued after', () => {
    const person = { suspended: false, revokedBefore: REVOKED_AT };
    expect(refusalFor('brookfield-primary', ACTIVE, person, revokedSeconds - 1)).toMatchObject({
      reason: 'access-suspended',
      message: SIGNED_IN_BEFORE_DETAIL,
    });
    expect(refusalFor('brookfield-primary', ACTIVE, person, revokedSeconds)).not.toBeNull();
    expect(refusalFor('brookfield-primary', ACTIVE, person)).not.toBeNull();
    expect(refusalFor('brookfield-primary', ACTIVE, person, revokedSeconds + 1)).toBeNull();
  });
});
