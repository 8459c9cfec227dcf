import { describe, expect, it } from 'vitest';
import {
  CHALLENGE_RESPONSE_WORKING_DAYS,
  canRespond,
  challengeDueDate,
  isChallengeOverdue,
} from '../../shared/board/challenges.ts';
import {
  canVerify,
  isBetterRag,
  measureMovement,
  measureNumber,
  withEvidence,
} from '../../shared/board/evidence.ts';
import { computeRag } from '../../shared/board/rules.ts';

/**
 * The evidence a better RAG needs, and the chair's challenge, worked by hand. Today is Wednesday
 * 10 June 2026; the action is due on 20 June (in 10 days) and was amber before its latest update
 * ("Due in 10 days and no update yet"): the update makes it fresh, so the dates alone give green.
 */
const today = '2026-06-10';
const TOM = 'tom-sub';
const HELEN = 'helen-sub';
const dueSoon = {
  status: 'in_progress' as const,
  dueDate: '2026-06-20',
  lastUpdateAt: '2026-06-10T09:00:00Z',
};
const afterUpdate = (extra: Partial<Parameters<typeof computeRag>[0]> = {}) =>
  computeRag({ ...dueSoon, latestUpdate: { ragBefore: 'amber', byUserId: TOM }, ...extra }, today);
const measure = (baseline: string, current: string, target: string) => ({ baseline, current, target });

describe('reading an outcome measure', () => {
  it('takes the first number of each value', () => {
    expect(measureNumber('62%')).toBe(62);
    expect(measureNumber('1,200 children')).toBe(1200);
    expect(measureNumber('-3.5 days')).toBe(-3.5);
    expect(measureNumber('not known')).toBeUndefined();
    expect(measureNumber(undefined)).toBeUndefined();
  });

  it('sees movement from the baseline in the target’s direction, up or down', () => {
    expect(measureMovement(measure('62%', '70%', '80%'))).toBe('toward');
    expect(measureMovement(measure('62%', '85%', '80%'))).toBe('toward'); // past the target still counts
    expect(measureMovement(measure('30 days', '21 days', '10 days'))).toBe('toward'); // a target below
    expect(measureMovement(measure('62%', '62%', '80%'))).toBe('none');
    expect(measureMovement(measure('62%', '58%', '80%'))).toBe('away');
    expect(measureMovement(measure('80%', '85%', '80%'))).toBe('none'); // the baseline is the target
    expect(measureMovement(measure('62%', 'about right', '80%'))).toBe('unreadable');
    expect(measureMovement(undefined)).toBe('absent');
  });
});

describe('the RAG after an update', () => {
  it('turns green when the measure moved toward its target, and says so', () => {
    const rag = afterUpdate({ outcomeMeasure: measure('62%', '70%', '80%') });
    expect(rag).toMatchObject({ rag: 'green', computed: 'green' });
    expect(rag.reason).toBe(
      'On track: due in 10 days; the outcome measure has moved toward its target (baseline 62%, now 70%, target 80%)',
    );
  });

  it('keeps the rating it had before when the measure has not moved, and says why', () => {
    const rag = afterUpdate({ outcomeMeasure: measure('62%', '62%', '80%') });
    expect(rag).toMatchObject({ rag: 'amber', computed: 'amber' });
    expect(rag.reason).toBe(
      'Stays amber: the outcome measure has not moved toward its target (baseline 62%, now 62%, target 80%) and no second board member has verified the update',
    );
  });

  it('keeps it when the measure moved away from its target', () => {
    const rag = afterUpdate({ outcomeMeasure: measure('62%', '58%', '80%') });
    expect(rag.rag).toBe('amber');
    expect(rag.reason).toContain('has moved away from its target (baseline 62%, now 58%, target 80%)');
  });

  it('keeps it when there is no measure, or one that cannot be compared', () => {
    expect(afterUpdate().reason).toBe(
      'Stays amber: the action has no outcome measure to show movement and no second board member has verified the update',
    );
    expect(afterUpdate({ outcomeMeasure: measure('some', 'more', 'lots') }).rag).toBe('amber');
  });

  it('turns green when a second board member verified the update', () => {
    const rag = afterUpdate({
      latestUpdate: {
        ragBefore: 'amber',
        byUserId: TOM,
        verified: { byUserId: HELEN, byName: 'Helen Marsh' },
      },
    });
    expect(rag.rag).toBe('green');
    expect(rag.reason).toBe('On track: due in 10 days; Helen Marsh verified the latest update');
  });

  it('does not count a verification by the update’s own author', () => {
    const rag = afterUpdate({
      latestUpdate: {
        ragBefore: 'amber',
        byUserId: TOM,
        verified: { byUserId: TOM, byName: 'Tom Ashworth' },
      },
    });
    expect(rag.rag).toBe('amber');
  });

  it('holds red too, but never stops the dates making a rating worse', () => {
    expect(afterUpdate({ latestUpdate: { ragBefore: 'red', byUserId: TOM } }).rag).toBe('red');
    // Overdue is red whatever the evidence: a rating no better than before needs none.
    const overdue = computeRag(
      { ...dueSoon, dueDate: '2026-06-01', latestUpdate: { ragBefore: 'green', byUserId: TOM } },
      today,
    );
    expect(overdue).toMatchObject({ rag: 'red', reason: 'Overdue by 9 days' });
  });

  it('leaves a green action green, an action with no update as the dates say, and a complete one green', () => {
    expect(afterUpdate({ latestUpdate: { ragBefore: 'green', byUserId: TOM } }).reason).toBe(
      'On track: due in 10 days',
    );
    expect(computeRag(dueSoon, today).rag).toBe('green');
    const closed = computeRag(
      { ...dueSoon, status: 'complete', latestUpdate: { ragBefore: 'amber', byUserId: TOM } },
      today,
    );
    expect(closed).toMatchObject({ rag: 'green', reason: 'Complete' });
  });

  it('lets an override still win, with the held rating beside it', () => {
    const rag = afterUpdate({
      override: { rag: 'green', justification: 'Commissioning signed off at the board.' },
    });
    expect(rag).toMatchObject({ rag: 'green', computed: 'amber', overridden: true });
  });

  it('orders the ratings green over amber over red', () => {
    expect(isBetterRag('green', 'amber')).toBe(true);
    expect(isBetterRag('amber', 'red')).toBe(true);
    expect(isBetterRag('amber', 'amber')).toBe(false);
    expect(
      withEvidence({ rag: 'amber', reason: 'x' }, { ragBefore: 'green', byUserId: TOM }, undefined),
    ).toEqual({
      rag: 'amber',
      reason: 'x',
    });
  });
});

describe('verifying an update', () => {
  it('is for a second board member, once', () => {
    expect(canVerify({ byUserId: TOM }, HELEN)).toEqual({ ok: true });
    expect(canVerify({ byUserId: TOM }, TOM)).toEqual({
      ok: false,
      reason: 'You added this progress update: a second board member must verify it, not its author',
    });
    expect(canVerify({ byUserId: TOM, verified: { by: HELEN } }, 'someone-else')).toMatchObject({
      ok: false,
    });
  });
});

describe('the chair’s challenge', () => {
  it('is due 10 working days on, round weekends and bank holidays', () => {
    expect(CHALLENGE_RESPONSE_WORKING_DAYS).toBe(10);
    // Wednesday 10 June 2026 → Wednesday 24 June.
    expect(challengeDueDate('2026-06-10')).toBe('2026-06-24');
    // Friday 18 December 2026: Christmas Day (Friday), Boxing Day's substitute (Monday 28th) and New
    // Year's Day (Friday) are not working days: 21–24, 29–31 December, 4–6 January.
    expect(challengeDueDate('2026-12-18')).toBe('2027-01-06');
  });

  it('is overdue once its due day has passed without a response', () => {
    expect(isChallengeOverdue({ dueDate: '2026-06-24' }, '2026-06-24')).toBe(false);
    expect(isChallengeOverdue({ dueDate: '2026-06-24' }, '2026-06-25')).toBe(true);
    expect(isChallengeOverdue({ dueDate: '2026-06-24', response: {} }, '2026-06-25')).toBe(false);
  });

  it('is answered by a board member of the owner agency, never the challenger', () => {
    const challenge = { by: { userId: HELEN } };
    const action = { ownerAgencyId: 'northshire-council' };
    expect(canRespond(challenge, action, { userId: TOM, agencyId: 'northshire-council' }, 'Council')).toEqual(
      {
        ok: true,
      },
    );
    expect(
      canRespond(challenge, action, { userId: TOM, agencyId: 'northshire-police' }, 'Council'),
    ).toMatchObject({ ok: false, why: 'not-owner' });
    expect(
      canRespond(challenge, { ownerAgencyId: 'p' }, { userId: HELEN, agencyId: 'p' }, 'Partnership'),
    ).toMatchObject({ ok: false, why: 'challenger' });
    expect(
      canRespond(
        { ...challenge, response: {} },
        action,
        { userId: TOM, agencyId: 'northshire-council' },
        'C',
      ),
    ).toMatchObject({ ok: false, why: 'answered' });
  });
});
