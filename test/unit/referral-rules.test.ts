import { describe, expect, it } from 'vitest';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import {
  CONSENT_REFUSAL_REASON,
  consentProblems,
  consentRuleOf,
  decisionProblems,
  submissionProblems,
} from '../../shared/referrals/rules.ts';
import type { DecisionInput, ReferralContent } from '../../shared/referrals/schema.ts';
import { completeReferral } from '../support/referral-fixtures.ts';

/** The consent rule the seeded guidance gives a level (consent needed at 1–3, not at 4). */
const ruleAt = (level: 1 | 2 | 3 | 4 | undefined) => consentRuleOf(illustrativeFramework, level);

type Consent = NonNullable<ReferralContent['consent']>;

const given: Consent = { status: 'given', byWhom: 'Kerry Fairbrook (mother)', date: '2026-11-20' };
const refused: Consent = { status: 'refused', byWhom: 'Kerry Fairbrook (mother)', date: '2026-11-20' };
const notSought: Consent = { status: 'not_sought', notSoughtReason: 'would_increase_risk_to_child' };

const decision = (change: Partial<DecisionInput>): DecisionInput => ({
  levelOfNeed: 2,
  outcome: 'targeted_early_help',
  rationale: 'Needs are at level 2 and the family want help.',
  feedback: 'A family support worker will call the family this week.',
  ...change,
});

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('consent, by the level the indicators suggest', () => {
  it('asks whether the family consented when nothing is recorded, at any level', () => {
    for (const level of [undefined, 1, 2, 3, 4] as const) {
      expect(consentProblems(ruleAt(level), undefined)).toEqual([
        { field: 'consent.status', reason: 'Say whether the family consented' },
      ]);
    }
  });

  it('below level 4 refuses a referral without consent, and says to talk to the family or call the front door', () => {
    for (const level of [undefined, 1, 2, 3] as const) {
      for (const consent of [refused, notSought]) {
        expect(consentProblems(ruleAt(level), consent)).toEqual([
          { field: 'consent.status', reason: CONSENT_REFUSAL_REASON },
        ]);
      }
    }
    expect(CONSENT_REFUSAL_REASON).toBe(
      'Early help is voluntary: at the level your indicators suggest, the guidance needs the family’s informed consent before you refer. ' +
        'Talk to the family first. If you think the child may be at risk of significant harm, call the Front Door instead.',
    );
  });

  it('below level 4 accepts consent given, with who gave it and when', () => {
    for (const level of [undefined, 1, 2, 3] as const)
      expect(consentProblems(ruleAt(level), given)).toEqual([]);
  });

  it('at level 4 accepts consent refused or not sought: safeguarding does not wait for it', () => {
    expect(consentProblems(ruleAt(4), refused)).toEqual([]);
    expect(consentProblems(ruleAt(4), notSought)).toEqual([]);
    expect(consentProblems(ruleAt(4), given)).toEqual([]);
  });

  it('at level 4 asks why consent was not sought, and nothing else', () => {
    expect(consentProblems(ruleAt(4), { status: 'not_sought' })).toEqual([
      { field: 'consent.notSoughtReason', reason: 'Choose why consent was not sought' },
    ]);
    // Not sought means nobody gave or refused it: no name or date is asked for.
    expect(
      consentProblems(ruleAt(4), { status: 'not_sought', notSoughtReason: 'child_in_immediate_danger' }),
    ).toEqual([]);
  });

  it('asks who gave or refused consent and when, naming each missing field', () => {
    expect(consentProblems(ruleAt(2), { status: 'given' })).toEqual([
      { field: 'consent.byWhom', reason: 'Enter who gave or refused consent' },
      { field: 'consent.date', reason: 'Enter the date consent was given or refused' },
    ]);
    expect(fields(consentProblems(ruleAt(2), { status: 'given', byWhom: 'Kerry Fairbrook' }))).toEqual([
      'consent.date',
    ]);
    expect(fields(consentProblems(ruleAt(4), { status: 'refused', date: '2026-11-20' }))).toEqual([
      'consent.byWhom',
    ]);
    expect(fields(consentProblems(ruleAt(4), { status: 'refused', byWhom: '', date: '' }))).toEqual([
      'consent.byWhom',
      'consent.date',
    ]);
  });
});

describe('what a submitted referral must have', () => {
  it('accepts a complete referral at level 2 with the family’s consent', () => {
    expect(submissionProblems(completeReferral(), ruleAt(2))).toEqual([]);
  });

  it('names every missing answer, in the order the form asks for them', () => {
    expect(submissionProblems({}, ruleAt(2))).toEqual([
      { field: 'child.firstName', reason: 'Enter the child’s first name' },
      { field: 'child.lastName', reason: 'Enter the child’s last name' },
      {
        field: 'child.dateOfBirth',
        reason: 'Enter the child’s date of birth, or the expected date of birth for an unborn child',
      },
      { field: 'child.address', reason: 'Enter the child’s address or where they are now' },
      { field: 'household.adults', reason: 'Add at least one adult with parental responsibility' },
      { field: 'concerns', reason: 'Describe your concerns in your own words' },
      { field: 'indicatorIds', reason: 'Choose at least one indicator from the threshold guidance' },
      { field: 'triedSoFar', reason: 'Say what has been tried so far' },
      { field: 'earlyHelpAssessmentInPlace', reason: 'Say whether an Early Help Assessment is in place' },
      { field: 'childViews', reason: 'Record the child’s own views, or why they could not be sought' },
      { field: 'consent.status', reason: 'Say whether the family consented' },
      // Then what the front door needs beyond the child (form-rules.ts, tested on their own).
      ...[
        'referrer.role',
        'referrer.phone',
        'referrerLevel',
        'strengths.goingWell',
        'strengths.needsToChange',
        'strengths.askingFor',
        'familyInformed.told',
      ].map((field) => ({ field, reason: expect.any(String) })),
    ]);
  });

  it.each([
    ['child.firstName', { firstName: '' }],
    ['child.lastName', { lastName: '' }],
    ['child.dateOfBirth', { dateOfBirth: undefined }],
    ['child.address', { address: undefined }],
  ] as const)('refuses a child without %s', (field, change) => {
    const referral = completeReferral();
    referral.child = { ...referral.child, ...change } as ReferralContent['child'];
    expect(fields(submissionProblems(referral, ruleAt(2)))).toEqual([field]);
  });

  it('takes an expected date of birth for an unborn child, and where a child is now for an address', () => {
    const referral = completeReferral();
    referral.child = {
      firstName: 'Baby',
      lastName: 'Fairbrook',
      expectedDateOfBirth: '2027-03-01',
      currentWhereabouts: 'Staying with her aunt in Northtown',
    };
    expect(submissionProblems(referral, ruleAt(2))).toEqual([]);
  });

  it('needs an adult with parental responsibility, not just any adult', () => {
    const noParent = completeReferral({
      household: {
        adults: [
          {
            name: 'Lee Dunmore',
            relationship: "Mother's partner",
            parentalResponsibility: false,
            doNotContact: true,
          },
        ],
      },
    });
    expect(fields(submissionProblems(noParent, ruleAt(2)))).toEqual(['household.adults']);
    expect(fields(submissionProblems(completeReferral({ household: { adults: [] } }), ruleAt(2)))).toEqual([
      'household.adults',
    ]);
  });

  it.each([
    ['concerns', { concerns: '' }],
    ['indicatorIds', { indicatorIds: [] }],
    ['triedSoFar', { triedSoFar: '' }],
    ['earlyHelpAssessmentInPlace', { earlyHelpAssessmentInPlace: undefined }],
    ['childViews', { childViews: '' }],
  ] as const)('refuses a referral without %s', (field, change) => {
    expect(
      fields(submissionProblems(completeReferral(change as Partial<ReferralContent>), ruleAt(2))),
    ).toEqual([field]);
  });

  it('counts "no Early Help Assessment" as an answer', () => {
    expect(submissionProblems(completeReferral({ earlyHelpAssessmentInPlace: false }), ruleAt(2))).toEqual(
      [],
    );
    expect(submissionProblems(completeReferral({ earlyHelpAssessmentInPlace: true }), ruleAt(2))).toEqual([]);
  });

  it('applies the consent rule of the suggested level', () => {
    const withoutConsent = completeReferral({ consent: refused });
    expect(submissionProblems(withoutConsent, ruleAt(3))).toEqual([
      { field: 'consent.status', reason: CONSENT_REFUSAL_REASON },
    ]);
    expect(submissionProblems(withoutConsent, ruleAt(4))).toEqual([]);
  });

  it('refuses a date of birth with anything before or after it', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    for (const dateOfBirth of ['x2018-05-14', '2018-05-14x', '12018-05-14']) {
      const referral = completeReferral();
      referral.child = { ...referral.child, dateOfBirth };
      expect(fields(submissionProblems(referral, ruleAt(2), now)), dateOfBirth).toEqual([
        'child.dateOfBirth',
      ]);
    }
  });

  it('checks the child’s dates only when given the clock', () => {
    const referral = completeReferral();
    referral.child = { ...referral.child, dateOfBirth: '9999-12-31' };
    expect(submissionProblems(referral, ruleAt(2))).toEqual([]);
    expect(fields(submissionProblems(referral, ruleAt(2), new Date('2026-12-02T10:00:00Z')))).toEqual([
      'child.dateOfBirth',
    ]);
  });
});

describe('a decision the referrer can act on', () => {
  const SERVICE = '01KJPZV280FNGW0NE641ECMYA4';
  const NONE = { reason: 'no-service', need: 'housing-income' } as const;

  it('for signposting and "no further action", names services or says none fitted, not both', () => {
    for (const outcome of ['advice_signposting', 'no_further_action'] as const) {
      expect(decisionProblems(decision({ outcome }))).toEqual([
        {
          field: 'signposts.serviceIds',
          reason: 'Choose the services the family can turn to, or say that none fitted',
        },
      ]);
      expect(decisionProblems(decision({ outcome, signposts: { serviceIds: [SERVICE] } }))).toEqual([]);
      expect(
        decisionProblems(decision({ outcome, signposts: { serviceIds: [], noneFitted: NONE } })),
      ).toEqual([]);
      expect(
        decisionProblems(decision({ outcome, signposts: { serviceIds: [SERVICE], noneFitted: NONE } })),
      ).toEqual([
        { field: 'signposts.noneFitted', reason: 'Choose services or say that none fitted, not both' },
      ]);
    }
  });

  it('names no services for any other outcome', () => {
    expect(
      decisionProblems(decision({ outcome: 'targeted_early_help', signposts: { serviceIds: [SERVICE] } })),
    ).toEqual([
      { field: 'signposts', reason: 'Only advice or signposting and no further action name services' },
    ]);
  });

  it('asks nothing more of any other outcome', () => {
    expect(decisionProblems(decision({ outcome: 'targeted_early_help' }))).toEqual([]);
  });
});

describe('consent rules read from the guidance version', () => {
  // A second version in which the partnership decided level 3 needs no consent, as level 4 does not.
  const relaxed = {
    ...illustrativeFramework,
    levels: illustrativeFramework.levels.map((l) =>
      l.level === 3 ? { ...l, consent: { ...l.consent, required: false } } : l,
    ),
  };

  it('changes what a level 3 referral must record when a version changes the rule', () => {
    const referral = completeReferral({ consent: notSought });
    expect(fields(submissionProblems(referral, consentRuleOf(illustrativeFramework, 3)))).toEqual([
      'consent.status',
    ]);
    expect(submissionProblems(referral, consentRuleOf(relaxed, 3))).toEqual([]);
    // Levels the version left alone keep their rule.
    expect(fields(submissionProblems(referral, consentRuleOf(relaxed, 2)))).toEqual(['consent.status']);
  });

  it('needs consent when no level is suggested, or the version has no such level', () => {
    expect(consentRuleOf(relaxed, undefined)).toEqual({ required: true });
    expect(consentRuleOf(undefined, 4)).toEqual({ required: true });
    expect(consentRuleOf({ levels: [] }, 4)).toEqual({ required: true });
    expect(consentRuleOf(illustrativeFramework, 4)).toEqual({ required: false });
  });
});
