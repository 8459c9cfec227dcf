import { describe, expect, it } from 'vitest';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../shared/referrals/labels.ts';
import {
  type Actor,
  canAddNote,
  canRead,
  canTransition,
  checkWithdrawReason,
  REFERRAL_NOT_FOUND_MESSAGE,
  REFERRAL_TRANSITIONS,
  TRANSITIONS,
  type Transition,
} from '../../shared/referrals/lifecycle.ts';

const OWNER = 'agency-school';

const actors = {
  'referrer (own agency)': { roles: ['referrer'], agencyId: OWNER },
  'referrer (other agency)': { roles: ['referrer'], agencyId: 'agency-police' },
  triage: { roles: ['triage'], agencyId: 'agency-council' },
  board: { roles: ['board'], agencyId: OWNER },
  admin: { roles: ['admin'], agencyId: OWNER },
  'guidance-editor': { roles: ['guidance-editor'], agencyId: OWNER },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;

/**
 * The expected outcome for each status, in the order
 *   draft  submitted  in_review  decided  closed  withdrawn
 * A status name means allowed (moving to it); C conflict (409), F forbidden (403), N not found (404).
 */
const EXPECTED: Record<ActorName, Record<Transition, string>> = {
  'referrer (own agency)': {
    submit: 'submitted C C C C C',
    withdraw: 'withdrawn withdrawn C C C C',
    review: 'F F F F F F',
    decide: 'F F F F F F',
    close: 'F F F F F F',
  },
  'referrer (other agency)': {
    submit: 'N N N N N N',
    withdraw: 'N N N N N N',
    review: 'F F F F F F',
    decide: 'F F F F F F',
    close: 'F F F F F F',
  },
  triage: {
    submit: 'F F F F F F',
    withdraw: 'F F F F F F',
    review: 'N in_review C C C C',
    decide: 'N C decided C C C',
    close: 'N C C closed C C',
  },
  board: {
    submit: 'F F F F F F',
    withdraw: 'F F F F F F',
    review: 'F F F F F F',
    decide: 'F F F F F F',
    close: 'F F F F F F',
  },
  admin: {
    submit: 'F F F F F F',
    withdraw: 'F F F F F F',
    review: 'F F F F F F',
    decide: 'F F F F F F',
    close: 'F F F F F F',
  },
  'guidance-editor': {
    submit: 'F F F F F F',
    withdraw: 'F F F F F F',
    review: 'F F F F F F',
    decide: 'F F F F F F',
    close: 'F F F F F F',
  },
};

const code = { 'not-found': 'N', forbidden: 'F', conflict: 'C' } as const;

const cases = (Object.keys(actors) as ActorName[]).flatMap((actor) =>
  (['submit', 'withdraw', 'review', 'decide', 'close'] as const).flatMap((transition) => {
    const expected = EXPECTED[actor][transition].split(' ');
    return REFERRAL_STATUSES.map((status, i) => ({ actor, transition, status, expected: expected[i] }));
  }),
);

describe('referral lifecycle: every status × transition × role', () => {
  it('has the five transitions and six statuses the table covers', () => {
    expect([...TRANSITIONS].sort()).toEqual(['close', 'decide', 'review', 'submit', 'withdraw']);
    expect(cases).toHaveLength(6 * 5 * 6);
  });

  it.each(cases)(
    '$actor → $transition a $status referral: $expected',
    ({ actor, transition, status, expected }) => {
      const result = canTransition(transition, actors[actor], { status, agencyId: OWNER });
      expect(result.ok ? result.to : code[result.reason]).toBe(expected);
    },
  );
});

describe('what the person is told', () => {
  const triage = actors.triage;
  const own = actors['referrer (own agency)'];

  it.each([
    ['triage', 'decide', 'decided', 'This referral has already been decided'],
    ['triage', 'review', 'in_review', 'This referral is already being reviewed'],
    ['triage', 'decide', 'submitted', 'This referral must be opened for review before it can be decided'],
    ['triage', 'close', 'in_review', 'This referral has not been decided yet, so it cannot be closed'],
    [
      'own',
      'withdraw',
      'in_review',
      'This referral can no longer be withdrawn: the front door is already reviewing it',
    ],
    ['own', 'submit', 'submitted', 'This referral has already been submitted'],
    ['own', 'withdraw', 'withdrawn', 'This referral has been withdrawn'],
    ['own', 'submit', 'closed', 'This referral has been closed'],
  ] as const)('%s trying to %s a %s referral hears "%s"', (who, transition, status, message) => {
    const result = canTransition(transition, who === 'triage' ? triage : own, { status, agencyId: OWNER });
    expect(result).toEqual({ ok: false, reason: 'conflict', message });
  });

  it('tells another agency nothing about the referral, whatever its status', () => {
    const messages = new Set(
      REFERRAL_STATUSES.flatMap((status) =>
        (['submit', 'withdraw'] as const).map((t) => {
          const result = canTransition(t, actors['referrer (other agency)'], { status, agencyId: OWNER });
          return result.ok ? 'allowed' : result.message;
        }),
      ),
    );
    expect([...messages]).toEqual([REFERRAL_NOT_FOUND_MESSAGE]);
  });

  it('hides a draft from the front door: it is the referrer’s work in progress', () => {
    expect(canTransition('review', triage, { status: 'draft', agencyId: OWNER })).toEqual({
      ok: false,
      reason: 'not-found',
      message: REFERRAL_NOT_FOUND_MESSAGE,
    });
  });

  it('refuses a front-door user who is also a referrer elsewhere from acting for another agency', () => {
    const both: Actor = { roles: ['referrer', 'triage'], agencyId: 'agency-council' };
    // Another agency's draft is invisible to them; a submitted one is readable but not theirs to withdraw.
    expect(canTransition('submit', both, { status: 'draft', agencyId: OWNER })).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    expect(canTransition('withdraw', both, { status: 'submitted', agencyId: OWNER })).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    expect(canTransition('review', both, { status: 'submitted', agencyId: OWNER })).toEqual({
      ok: true,
      to: 'in_review',
    });
  });

  it('refuses a referrer with no agency, and a user with no roles', () => {
    expect(
      canTransition('submit', { roles: ['referrer'], agencyId: null }, { status: 'draft', agencyId: OWNER }),
    ).toMatchObject({ reason: 'not-found' });
    expect(
      canTransition('submit', { roles: [], agencyId: OWNER }, { status: 'draft', agencyId: OWNER }),
    ).toMatchObject({
      reason: 'forbidden',
    });
  });

  it('records the reviewer on review and needs a reason to withdraw', () => {
    expect(REFERRAL_TRANSITIONS.review.recordsReviewer).toBe(true);
    expect(REFERRAL_TRANSITIONS.withdraw.needsReason).toBe(true);
    expect(checkWithdrawReason('   ')).toEqual({
      ok: false,
      message: 'Enter why you are withdrawing this referral',
    });
    expect(checkWithdrawReason(undefined)).toMatchObject({ ok: false });
    expect(checkWithdrawReason('x'.repeat(1001))).toMatchObject({ ok: false });
    expect(checkWithdrawReason('  Family moved out of area ')).toEqual({
      ok: true,
      reason: 'Family moved out of area',
    });
  });
});

describe('reading and notes', () => {
  /** Reading: draft submitted in_review decided closed withdrawn; Y can read. The front door never sees drafts. */
  const READERS: Record<ActorName, string> = {
    'referrer (own agency)': 'Y Y Y Y Y Y',
    'referrer (other agency)': '- - - - - -',
    triage: '- Y Y Y Y Y',
    board: '- - - - - -',
    admin: '- - - - - -',
    'guidance-editor': '- - - - - -',
  };

  it.each(Object.keys(READERS) as ActorName[])('%s reading', (actor) => {
    const got = REFERRAL_STATUSES.map((status) =>
      canRead(actors[actor], { status, agencyId: OWNER }) ? 'Y' : '-',
    ).join(' ');
    expect(got).toBe(READERS[actor]);
  });

  /** Notes: draft submitted in_review decided closed withdrawn; Y allowed. */
  const NOTES: Record<ActorName, string> = {
    'referrer (own agency)': 'Y Y Y Y C C',
    'referrer (other agency)': 'N N N N N N',
    triage: 'N Y Y Y C C',
    board: 'F F F F F F',
    admin: 'F F F F F F',
    'guidance-editor': 'F F F F F F',
  };

  it.each(Object.keys(NOTES) as ActorName[])('%s adding further information', (actor) => {
    const got = REFERRAL_STATUSES.map((status: ReferralStatus) => {
      const result = canAddNote(actors[actor], { status, agencyId: OWNER });
      return result.ok ? 'Y' : code[result.reason];
    }).join(' ');
    expect(got).toBe(NOTES[actor]);
  });

  it('explains why a closed referral takes no more information', () => {
    expect(canAddNote(actors.triage, { status: 'closed', agencyId: OWNER })).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'This referral has been closed: no more information can be added',
    });
  });
});
