import type { ReferralContent } from '../../shared/referrals/schema.ts';

/** A complete referral about a made-up child, ready to submit at level 2 with the family's consent. */
export function completeReferral(overrides: Partial<ReferralContent> = {}): ReferralContent {
  return {
    child: {
      firstName: 'Maisie',
      lastName: 'Fairbrook',
      dateOfBirth: '2018-05-14',
      sex: 'female',
      firstLanguage: 'English',
      schoolOrSetting: 'Brookfield Primary School',
      address: { line1: '12 Example Row', town: 'Northtown', postcode: 'NS1 2AB' },
    },
    household: {
      adults: [
        {
          name: 'Kerry Fairbrook',
          relationship: 'Mother',
          parentalResponsibility: true,
          doNotContact: false,
        },
        {
          name: 'Lee Dunmore',
          relationship: "Mother's partner",
          parentalResponsibility: false,
          doNotContact: true,
        },
      ],
    },
    concerns: 'Maisie has come in hungry most mornings this half term and says there is shouting at home.',
    indicatorIds: ['basic-care-often-hungry', 'family-frequent-shouting'],
    triedSoFar: 'Breakfast club place offered; conversation with mum at pick-up.',
    earlyHelpAssessmentInPlace: false,
    childViews: 'Maisie said she likes breakfast club and that home is "loud".',
    parentViews: 'Mum would welcome some help with money and routines.',
    consent: { status: 'given', byWhom: 'Kerry Fairbrook (mother)', date: '2026-11-20' },
    ...overrides,
  };
}
