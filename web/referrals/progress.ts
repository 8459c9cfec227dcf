/**
 * How far a draft referral has got: the level its indicators suggest now, which section asks each
 * field the rules can name, and each section's state by the same rules the API applies when it is
 * submitted. For the draft's pages only (the rules and the guidance checker are not wanted elsewhere).
 */

import { checkIndicators } from '../../shared/guidance/check.ts';
import type { Framework, LevelNumber } from '../../shared/guidance/schema.ts';
import {
  type ConsentRule,
  consentProblems,
  type FieldProblem,
  submissionProblems,
} from '../../shared/referrals/rules.ts';
import type { Referral, ReferralContent } from '../../shared/referrals/schema.ts';
import { SECTIONS, type SectionSlug } from './sections.ts';

/** The level the chosen indicators suggest in this guidance; the referral's own record otherwise. */
export function suggestedLevelOf(
  referral: Pick<Referral, 'indicatorIds' | 'suggestedLevel'>,
  framework: Framework | undefined,
): LevelNumber | undefined {
  if (framework && referral.indicatorIds?.length) {
    const outcome = checkIndicators(framework, referral.indicatorIds);
    if (outcome.level !== null) return outcome.level;
  }
  return referral.suggestedLevel;
}

/**
 * Where each field the rules (or the API) can name is asked: its section and the id of the input on
 * that page, so a problem links straight to what fixes it.
 */
export function fieldTarget(field: string): { section: SectionSlug; id: string } {
  const adult = /^household\.adults\.(\d+)\.(\w+)/.exec(field);
  if (adult) {
    const n = Number(adult[1]) + 1;
    const part = adult[2] === 'relationship' ? 'relationship' : adult[2] === 'contact' ? 'contact' : 'name';
    return { section: 'household', id: `adult-${n}-${part}` };
  }
  const other = /^household\.children\.(\d+)\.(\w+)/.exec(field);
  if (other) {
    const n = Number(other[1]) + 1;
    const part = { relationship: 'relationship', dateOfBirth: 'dob-day', livesWithChild: 'lives' }[
      other[2] as string
    ];
    return { section: 'household', id: `household-child-${n}-${part ?? 'name'}` };
  }
  const exact: Record<string, { section: SectionSlug; id: string }> = {
    'child.firstName': { section: 'child', id: 'child-first-name' },
    'child.lastName': { section: 'child', id: 'child-last-name' },
    'child.knownAs': { section: 'child', id: 'child-known-as' },
    'child.dateOfBirth': { section: 'child', id: 'child-dob-day' },
    'child.expectedDateOfBirth': { section: 'child', id: 'child-dob-day' },
    'child.sex': { section: 'child', id: 'child-sex' },
    'child.ethnicity': { section: 'child', id: 'child-ethnicity' },
    'child.firstLanguage': { section: 'child', id: 'child-first-language' },
    'child.needsOrDisability': { section: 'child', id: 'child-needs' },
    'child.schoolOrSetting': { section: 'child', id: 'child-school' },
    'child.address': { section: 'child', id: 'child-address-line1' },
    'child.address.line1': { section: 'child', id: 'child-address-line1' },
    'child.address.line2': { section: 'child', id: 'child-address-line2' },
    'child.address.town': { section: 'child', id: 'child-address-town' },
    'child.address.postcode': { section: 'child', id: 'child-address-postcode' },
    'child.currentWhereabouts': { section: 'child', id: 'child-whereabouts' },
    'child.nhsNumber': { section: 'child', id: 'child-nhs-number' },
    'child.upn': { section: 'child', id: 'child-upn' },
    'child.gp': { section: 'child', id: 'child-gp' },
    'child.send': { section: 'child', id: 'child-send' },
    'child.interpreter': { section: 'child', id: 'child-interpreter' },
    'child.interpreter.needed': { section: 'child', id: 'child-interpreter' },
    'child.interpreter.language': { section: 'child', id: 'child-interpreter-language' },
    referrer: { section: 'referrer', id: 'referrer-role' },
    'referrer.role': { section: 'referrer', id: 'referrer-role' },
    'referrer.phone': { section: 'referrer', id: 'referrer-phone' },
    'referrer.dslName': { section: 'referrer', id: 'referrer-dsl' },
    police: { section: 'referrer', id: 'police-incident' },
    'police.incidentNumber': { section: 'referrer', id: 'police-incident' },
    'police.crimeNumber': { section: 'referrer', id: 'police-crime' },
    'police.dashRisk': { section: 'referrer', id: 'police-dash' },
    'household.adults': { section: 'household', id: 'adults-heading' },
    'household.otherChildren': { section: 'household', id: 'children-heading' },
    'household.children': { section: 'household', id: 'children-heading' },
    otherAgencies: { section: 'agencies', id: 'other-agencies' },
    concerns: { section: 'concerns', id: 'concerns' },
    strengths: { section: 'strengths', id: 'going-well' },
    'strengths.goingWell': { section: 'strengths', id: 'going-well' },
    'strengths.needsToChange': { section: 'strengths', id: 'needs-to-change' },
    'strengths.askingFor': { section: 'strengths', id: 'asking-for' },
    indicatorIds: { section: 'indicators', id: 'indicator-search' },
    referrerLevel: { section: 'indicators', id: 'referrer-level' },
    triedSoFar: { section: 'support', id: 'tried-so-far' },
    earlyHelpAssessmentInPlace: { section: 'support', id: 'eha' },
    childViews: { section: 'child-views', id: 'child-views' },
    parentViews: { section: 'parent-views', id: 'parent-views' },
    'consent.status': { section: 'consent', id: 'consent-status' },
    'consent.byWhom': { section: 'consent', id: 'consent-by-whom' },
    'consent.date': { section: 'consent', id: 'consent-date-day' },
    'consent.notSoughtReason': { section: 'consent', id: 'consent-reason' },
    familyInformed: { section: 'family', id: 'family-told' },
    'familyInformed.told': { section: 'family', id: 'family-told' },
    'familyInformed.whyNot': { section: 'family', id: 'family-why-not' },
    notToShare: { section: 'family', id: 'not-to-share' },
  };
  const found = exact[field] ?? exact[field.replace(/\.\d+$/, '')];
  if (found) return found;
  if (field.startsWith('indicatorIds')) return { section: 'indicators', id: 'indicator-search' };
  if (field.startsWith('consent')) return { section: 'consent', id: 'consent-status' };
  if (field.startsWith('household')) return { section: 'household', id: 'adults-heading' };
  if (field.startsWith('referrer.') || field.startsWith('police'))
    return { section: 'referrer', id: 'referrer-role' };
  if (field.startsWith('strengths')) return { section: 'strengths', id: 'going-well' };
  if (field.startsWith('familyInformed')) return { section: 'family', id: 'family-told' };
  return { section: 'child', id: 'child-first-name' };
}

export type SectionStatus = 'completed' | 'incomplete' | 'not-started';

export interface SectionState {
  status: SectionStatus;
  /** The first thing still to do, when it is incomplete. */
  problem?: FieldProblem;
}

/**
 * How far each section has got, by the same rules the API applies when the referral is submitted;
 * `agencyKind` is the signed-in referrer's agency's, as the API reads it (a police referral asks more).
 */
export function sectionStates(
  content: ReferralContent,
  consentRule: ConsentRule,
  agencyKind?: string,
): Record<SectionSlug, SectionState> {
  const problems = submissionProblems(content, consentRule, undefined, agencyKind);
  const firstProblem = (slug: SectionSlug) => problems.find((p) => fieldTarget(p.field).section === slug);
  const child = content.child ?? {};
  const started: Record<SectionSlug, boolean> = {
    child: Object.values(child).some((v) => v !== undefined && v !== ''),
    referrer: content.referrer !== undefined || content.police !== undefined,
    household: content.household !== undefined,
    agencies: content.otherAgencies !== undefined,
    concerns: Boolean(content.concerns),
    strengths: Object.values(content.strengths ?? {}).some(Boolean),
    indicators: Boolean(content.indicatorIds?.length) || content.referrerLevel !== undefined,
    support: Boolean(content.triedSoFar) || content.earlyHelpAssessmentInPlace !== undefined,
    'child-views': Boolean(content.childViews),
    'parent-views': content.parentViews !== undefined,
    consent: content.consent !== undefined,
    family: content.familyInformed !== undefined || Boolean(content.notToShare),
  };
  const states = {} as Record<SectionSlug, SectionState>;
  for (const section of SECTIONS) {
    const problem =
      section.slug === 'consent' && content.consent
        ? consentProblems(consentRule, content.consent)[0]
        : firstProblem(section.slug);
    if (!started[section.slug]) states[section.slug] = { status: 'not-started' };
    else if (problem) states[section.slug] = { status: 'incomplete', problem };
    else states[section.slug] = { status: 'completed' };
  }
  return states;
}
