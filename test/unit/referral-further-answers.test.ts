import { describe, expect, it } from 'vitest';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import { furtherAnswerProblems } from '../../shared/referrals/form-rules.ts';
import { consentRuleOf, submissionProblems } from '../../shared/referrals/rules.ts';
import type { ReferralContent } from '../../shared/referrals/schema.ts';
import { fieldTarget, sectionStates } from '../../web/referrals/progress.ts';
import { isOptional, SECTIONS } from '../../web/referrals/sections.ts';
import { completeReferral } from '../support/referral-fixtures.ts';

const ruleAt2 = consentRuleOf(illustrativeFramework, 2);
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('where the form asks each further answer', () => {
  it('links every problem the further rules can name to its own input, not the page’s first', () => {
    const worst: ReferralContent = {
      child: { nhsNumber: '943 476 5910', interpreter: { needed: true } },
      familyInformed: { told: false },
    };
    const problems = furtherAnswerProblems(worst, 'police');
    expect(fields(problems).sort()).toEqual(
      [
        'child.nhsNumber',
        'child.interpreter.language',
        'referrer.role',
        'referrer.phone',
        'referrerLevel',
        'strengths.goingWell',
        'strengths.needsToChange',
        'strengths.askingFor',
        'familyInformed.whyNot',
        'police.incidentNumber',
        'police.dashRisk',
      ].sort(),
    );
    expect(fields(furtherAnswerProblems({}))).toContain('familyInformed.told');
    const targets = Object.fromEntries(
      [...fields(problems), 'familyInformed.told'].map((f) => [f, fieldTarget(f)]),
    );
    expect(targets).toEqual({
      'child.nhsNumber': { section: 'child', id: 'child-nhs-number' },
      'child.interpreter.language': { section: 'child', id: 'child-interpreter-language' },
      'referrer.role': { section: 'referrer', id: 'referrer-role' },
      'referrer.phone': { section: 'referrer', id: 'referrer-phone' },
      referrerLevel: { section: 'indicators', id: 'referrer-level' },
      'strengths.goingWell': { section: 'strengths', id: 'going-well' },
      'strengths.needsToChange': { section: 'strengths', id: 'needs-to-change' },
      'strengths.askingFor': { section: 'strengths', id: 'asking-for' },
      'familyInformed.told': { section: 'family', id: 'family-told' },
      'familyInformed.whyNot': { section: 'family', id: 'family-why-not' },
      'police.incidentNumber': { section: 'referrer', id: 'police-incident' },
      'police.dashRisk': { section: 'referrer', id: 'police-dash' },
    });
  });

  it('links the schema’s refusals (400) of the new answers, the other children one by one', () => {
    expect(fieldTarget('child.upn')).toEqual({ section: 'child', id: 'child-upn' });
    expect(fieldTarget('child.gp')).toEqual({ section: 'child', id: 'child-gp' });
    expect(fieldTarget('child.send')).toEqual({ section: 'child', id: 'child-send' });
    expect(fieldTarget('referrer.dslName')).toEqual({ section: 'referrer', id: 'referrer-dsl' });
    expect(fieldTarget('police.crimeNumber')).toEqual({ section: 'referrer', id: 'police-crime' });
    expect(fieldTarget('notToShare')).toEqual({ section: 'family', id: 'not-to-share' });
    expect(fieldTarget('household.children')).toEqual({ section: 'household', id: 'children-heading' });
    expect(fieldTarget('household.children.0.name')).toEqual({
      section: 'household',
      id: 'household-child-1-name',
    });
    expect(fieldTarget('household.children.2.relationship').id).toBe('household-child-3-relationship');
    expect(fieldTarget('household.children.1.dateOfBirth').id).toBe('household-child-2-dob-day');
    expect(fieldTarget('household.children.0.livesWithChild').id).toBe('household-child-1-lives');
    // Deeper or unknown paths still reach the right page.
    expect(fieldTarget('strengths').section).toBe('strengths');
    expect(fieldTarget('familyInformed').section).toBe('family');
    expect(fieldTarget('police').section).toBe('referrer');
  });
});

describe('the task list, by the rules the API applies to the signed-in referrer', () => {
  it('completes every section of a complete referral, for a school and for the police', () => {
    for (const kind of ['school', 'police', undefined]) {
      const states = sectionStates(completeReferral(), ruleAt2, kind);
      for (const section of SECTIONS)
        if (!section.optional)
          expect(states[section.slug].status, `${section.slug} ${kind}`).toBe('completed');
    }
  });

  it('asks the police, and only the police, for the incident and the DASH risk level', () => {
    const content = completeReferral({ police: undefined });
    expect(sectionStates(content, ruleAt2, 'school').referrer.status).toBe('completed');
    const police = sectionStates(content, ruleAt2, 'police').referrer;
    expect(police.status).toBe('incomplete');
    expect(police.problem?.field).toBe('police.incidentNumber');
    // The task list and the check page agree with what the API will say.
    expect(fields(submissionProblems(content, ruleAt2, undefined, 'police'))).toEqual([
      'police.incidentNumber',
      'police.dashRisk',
    ]);
  });

  it('starts each new section from its own answers, and completes it only when they pass', () => {
    const states = sectionStates({ indicatorIds: ['basic-care-often-hungry'] }, ruleAt2, 'school');
    // The checker's indicators are there; the referrer's own view of the level is still to give.
    expect(states.indicators).toEqual({
      status: 'incomplete',
      problem: {
        field: 'referrerLevel',
        reason: 'Say which level of need you think the child’s needs are at',
      },
    });
    for (const slug of ['referrer', 'strengths', 'family'] as const)
      expect(states[slug].status).toBe('not-started');

    const started = sectionStates(
      {
        referrer: { role: 'Class teacher' },
        strengths: { goingWell: 'Good friends.' },
        familyInformed: { told: false },
      },
      ruleAt2,
      'school',
    );
    expect(started.referrer.problem?.field).toBe('referrer.phone');
    expect(started.strengths.problem?.field).toBe('strengths.needsToChange');
    expect(started.family.problem?.field).toBe('familyInformed.whyNot');
    expect(sectionStates({ notToShare: 'Who called.' }, ruleAt2).family.status).toBe('incomplete');

    const child = sectionStates(
      completeReferral({ child: { ...completeReferral().child, nhsNumber: '943 476 5910' } }),
      ruleAt2,
    ).child;
    expect(child.problem?.reason).toBe('Enter a real NHS number: the last digit does not match the others');
    expect(sectionStates({ household: { adults: [], children: [] } }, ruleAt2).household.status).toBe(
      'incomplete',
    );
  });

  it('leaves the new sections optional for a step-up, which brings the episode’s record instead', () => {
    const stepUp = { stepUpFrom: { episodeId: '01JB0000000000000000000000', episodeReference: 'EP-1' } };
    const optional = SECTIONS.filter((s) => isOptional(s, stepUp)).map((s) => s.slug);
    expect(optional).toEqual(['referrer', 'agencies', 'strengths', 'parent-views', 'family']);
    expect(SECTIONS.filter((s) => isOptional(s, {})).map((s) => s.slug)).toEqual([
      'agencies',
      'parent-views',
    ]);
    const states = sectionStates({ ...stepUp, indicatorIds: ['basic-care-often-hungry'] }, ruleAt2, 'police');
    expect(states.referrer.status).toBe('not-started');
    // Nor is the referrer's own view of the level asked of it.
    expect(states.indicators.status).toBe('completed');
  });
});
