import { describe, expect, it } from 'vitest';
import {
  type Actor,
  canAddNote,
  canTransition,
  checkWithdrawReason,
  REFERRAL_NOT_FOUND_MESSAGE,
  REFERRAL_TRANSITIONS,
  type Transition,
  WITHDRAW_REASON_MAX_LENGTH,
} from '../../shared/referrals/lifecycle.ts';
import type { ReferralStatus } from '../../shared/referrals/schema.ts';

const OWNER = 'agency-school';
const ref = (status: ReferralStatus, agencyId = OWNER) => ({ status, agencyId });
/** A user who is both a referrer for the owning agency and a front-door officer: every check reaches the status. */
const both: Actor = { roles: ['referrer', 'triage'], agencyId: OWNER };

describe('what each transition records', () => {
  it('needs a reason only to withdraw, and records the reviewer only on review', () => {
    const flags = Object.fromEntries(
      Object.entries(REFERRAL_TRANSITIONS).map(([name, rule]) => [
        name,
        [rule.needsReason, rule.recordsReviewer, rule.ownAgencyOnly],
      ]),
    );
    expect(flags).toEqual({
      submit: [false, false, true],
      withdraw: [true, false, true],
      review: [false, true, false],
      decide: [false, false, false],
      close: [false, false, false],
    });
  });

  it('names each step for the timeline', () => {
    expect(Object.values(REFERRAL_TRANSITIONS).map((rule) => rule.label)).toEqual([
      'Submitted',
      'Withdrawn',
      'Opened for review',
      'Decided',
      'Closed',
    ]);
  });
});

describe('refusals, in words the person who tried can act on', () => {
  it('only the agency that made a referral may submit it, even for a front-door officer who can read it', () => {
    const otherAgency: Actor = { roles: ['referrer', 'triage'], agencyId: 'agency-police' };
    expect(canTransition('submit', otherAgency, ref('submitted'))).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'Only the agency that made this referral can submit it',
    });
    expect(canTransition('withdraw', otherAgency, ref('submitted'))).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'Only the agency that made this referral can withdraw it',
    });
  });

  it('names the transition a role can never do', () => {
    expect(canTransition('decide', { roles: ['board'], agencyId: OWNER }, ref('in_review'))).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'You do not have permission to decide referrals',
    });
  });

  it('says "Referral not found" for one the actor may not read', () => {
    expect(REFERRAL_NOT_FOUND_MESSAGE).toBe('Referral not found');
    expect(canTransition('review', { roles: ['triage'], agencyId: null }, ref('draft'))).toEqual({
      ok: false,
      reason: 'not-found',
      message: 'Referral not found',
    });
  });

  it.each([
    ['review', 'draft', 'This referral is still a draft: it has not been submitted yet'],
    ['decide', 'draft', 'This referral is still a draft: it has not been submitted yet'],
    ['submit', 'submitted', 'This referral has already been submitted'],
    ['decide', 'submitted', 'This referral must be opened for review before it can be decided'],
    ['close', 'submitted', 'This referral has not been decided yet, so it cannot be closed'],
    [
      'withdraw',
      'in_review',
      'This referral can no longer be withdrawn: the front door is already reviewing it',
    ],
    ['review', 'in_review', 'This referral is already being reviewed'],
    ['close', 'in_review', 'This referral has not been decided yet, so it cannot be closed'],
    ['submit', 'in_review', 'This referral has already been submitted and is being reviewed'],
    ['decide', 'decided', 'This referral has already been decided'],
    ['review', 'closed', 'This referral has been closed'],
    ['withdraw', 'withdrawn', 'This referral has been withdrawn'],
  ] as [Transition, ReferralStatus, string][])('%s on a %s referral: "%s"', (transition, status, message) => {
    expect(canTransition(transition, both, ref(status))).toEqual({ ok: false, reason: 'conflict', message });
  });

  it('refuses notes from a role that never adds them, and to a withdrawn referral', () => {
    expect(canAddNote({ roles: ['board'], agencyId: OWNER }, ref('submitted'))).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'You do not have permission to add notes to referrals',
    });
    expect(canAddNote(both, ref('withdrawn'))).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'This referral has been withdrawn: no more information can be added',
    });
    expect(canAddNote(both, ref('decided'))).toEqual({ ok: true });
  });
});

describe('the reason for a withdrawal', () => {
  it(`takes up to ${WITHDRAW_REASON_MAX_LENGTH} characters, and says how many are allowed`, () => {
    expect(checkWithdrawReason('x'.repeat(1000))).toEqual({ ok: true, reason: 'x'.repeat(1000) });
    expect(checkWithdrawReason(` ${'x'.repeat(1000)} `)).toMatchObject({ ok: true });
    expect(checkWithdrawReason('x'.repeat(1001))).toEqual({
      ok: false,
      message: 'The reason must be 1000 characters or fewer',
    });
    expect(checkWithdrawReason(42)).toEqual({
      ok: false,
      message: 'Enter why you are withdrawing this referral',
    });
  });
});
