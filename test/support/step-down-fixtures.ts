/**
 * A step-down from children's social care as the front door records it (POST
 * /api/step-downs): a synthetic child, household and consent, and social care's handover.
 * Each case reference is one step-down; pass a new one for a new episode.
 */
export const stepDownInput = (reference = 'CSC-2026-0412', steppedDownOn = '2026-05-29') => ({
  child: {
    firstName: 'Tilly',
    lastName: 'Marchbank',
    dateOfBirth: '2016-04-09',
    schoolOrSetting: 'Brookfield Primary School',
    address: { line1: '4 Quarry Row', town: 'Eastmoor', postcode: 'NS3 4TR' },
  },
  household: {
    adults: [
      { name: 'Dawn Marchbank', relationship: 'Mother', parentalResponsibility: true, doNotContact: false },
    ],
  },
  consent: { status: 'given', byWhom: 'Dawn Marchbank (mother)', date: steppedDownOn },
  level: 3,
  steppedDownOn,
  socialCare: {
    reference,
    socialWorker: 'Hannah Oyelaran',
    summary: 'The child protection plan ended at review; mum still wants help with routines and money.',
  },
  leadAgencyId: 'harbour-family-support',
});

let made = 0;
/** A case reference no other test has used, for a step-down that must be new. */
export const newCaseReference = () => `CSC-T${Date.now().toString(36)}-${made++}`.toUpperCase();
