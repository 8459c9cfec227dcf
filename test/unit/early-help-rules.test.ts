import { describe, expect, it } from 'vitest';
import {
  assessmentProblems,
  closeProblems,
  leadAnswerProblems,
  planProblems,
  reviewProblems,
  teamProblems,
} from '../../shared/early-help/rules.ts';
import type { AssessmentInput, PlanInput, ReviewInput, TeamInput } from '../../shared/early-help/schema.ts';

const TODAY = '2026-06-15';

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('answering a request to lead', () => {
  it('needs a reason to decline, so the front door can ask another agency', () => {
    const problem = {
      field: 'reason',
      reason: 'Enter why your agency cannot lead, so the front door can ask another',
    };
    expect(leadAnswerProblems({ answer: 'declined' })).toEqual([problem]);
    expect(leadAnswerProblems({ answer: 'declined', reason: '  \n ' })).toEqual([problem]);
  });

  it('accepts a decline with a reason, and an acceptance with or without one', () => {
    expect(leadAnswerProblems({ answer: 'declined', reason: 'No capacity until September' })).toEqual([]);
    expect(leadAnswerProblems({ answer: 'accepted' })).toEqual([]);
    expect(leadAnswerProblems({ answer: 'accepted', reason: '' })).toEqual([]);
  });
});

describe('the team, governed by the family’s consent', () => {
  const team: TeamInput = {
    members: [
      { agencyId: 'northshire-academy', name: 'Nadia Okafor', role: 'Head of year' },
      { agencyId: 'northshire-community-health', name: 'Priya Shah', role: 'Health visitor' },
    ],
  };
  const consent = {
    sharingAgreed: true,
    shareWithAgencyIds: ['northshire-academy', 'northshire-community-health'],
  };

  it('accepts members from agencies the family agreed to share with, and an empty team', () => {
    expect(teamProblems(team, consent)).toEqual([]);
    expect(teamProblems({ members: [] }, undefined)).toEqual([]);
    expect(teamProblems({ members: [] }, { sharingAgreed: false, shareWithAgencyIds: [] })).toEqual([]);
  });

  it('asks for the consent first, on every member', () => {
    expect(teamProblems(team, undefined)).toEqual([
      { field: 'members.0.agencyId', reason: 'Record what the family agreed to share first' },
      { field: 'members.1.agencyId', reason: 'Record what the family agreed to share first' },
    ]);
  });

  it('refuses an agency the family did not agree to share with, naming its row', () => {
    const reason = 'The family has not agreed to share information with this agency';
    expect(teamProblems(team, { ...consent, shareWithAgencyIds: ['northshire-academy'] })).toEqual([
      { field: 'members.1.agencyId', reason },
    ]);
    // Agencies listed, but the family said no to sharing at all.
    expect(teamProblems(team, { ...consent, sharingAgreed: false })).toEqual([
      { field: 'members.0.agencyId', reason },
      { field: 'members.1.agencyId', reason },
    ]);
  });
});

describe('the Early Help Assessment', () => {
  const accepted = '2026-06-01';
  const complete: AssessmentInput = {
    startedOn: '2026-06-02',
    completedOn: '2026-06-12',
    strengths: 'Mum is determined; grandparents nearby.',
    needs: 'Routines at bedtime; attendance.',
    familyWords: '“We want mornings to be calmer.”',
  };

  it('accepts a completed assessment, and dates on their boundaries', () => {
    expect(assessmentProblems(complete, accepted, TODAY)).toEqual([]);
    // Started the day the lead accepted; completed the same day, which is today.
    const sameDay = { ...complete, startedOn: accepted, completedOn: accepted };
    expect(assessmentProblems(sameDay, accepted, accepted)).toEqual([]);
  });

  it('accepts one under way with nothing written yet', () => {
    const started = { startedOn: '2026-06-02', strengths: '', needs: '', familyWords: '' };
    expect(assessmentProblems(started, accepted, TODAY)).toEqual([]);
  });

  it('refuses a start in the future, or before the lead accepted', () => {
    expect(
      assessmentProblems({ ...complete, startedOn: '2026-06-16', completedOn: undefined }, accepted, TODAY),
    ).toEqual([{ field: 'startedOn', reason: 'must be today or in the past' }]);
    expect(assessmentProblems({ ...complete, startedOn: '2026-05-31' }, accepted, TODAY)).toEqual([
      { field: 'startedOn', reason: 'must be on or after the day the lead practitioner accepted' },
    ]);
  });

  it('refuses a completion in the future, or before the start', () => {
    expect(assessmentProblems({ ...complete, completedOn: '2026-06-16' }, accepted, TODAY)).toEqual([
      { field: 'completedOn', reason: 'must be today or in the past' },
    ]);
    expect(assessmentProblems({ ...complete, completedOn: '2026-06-01' }, accepted, TODAY)).toEqual([
      { field: 'completedOn', reason: 'must be on or after the start' },
    ]);
  });

  it('needs strengths, needs and the family’s own words to complete it, each by its field', () => {
    const blank = { ...complete, strengths: ' ', needs: '', familyWords: '\n' };
    expect(assessmentProblems(blank, accepted, TODAY)).toEqual([
      { field: 'strengths', reason: 'Enter the family’s strengths before completing the assessment' },
      { field: 'needs', reason: 'Enter the needs found before completing the assessment' },
      { field: 'familyWords', reason: 'Enter the family’s own words before completing the assessment' },
    ]);
    expect(fields(assessmentProblems({ ...complete, needs: '' }, accepted, TODAY))).toEqual(['needs']);
  });
});

describe('the plan', () => {
  const completed = '2026-06-10';
  const chart = { what: 'Morning routine chart', owner: 'Joe', dueOn: '2026-06-12' };
  const checkIn = { what: 'Check in with school', owner: 'Nadia', dueOn: '2026-07-01' };
  const call = { what: 'Weekly call', owner: 'Joe', dueOn: '2026-06-19' };
  const withActions = (mornings: (typeof chart)[]): PlanInput => ({
    agreedOn: '2026-06-12',
    outcomes: [
      { title: 'Calmer mornings', actions: mornings },
      { title: 'Better attendance', actions: [call] },
    ],
  });
  const plan = withActions([chart, checkIn]);

  it('accepts a plan agreed after the assessment, with actions due from that day on', () => {
    expect(planProblems(plan, completed, TODAY)).toEqual([]);
    expect(planProblems({ ...plan, agreedOn: completed, outcomes: [] }, completed, completed)).toEqual([]);
  });

  it('refuses a plan agreed in the future, or before the assessment was completed', () => {
    expect(planProblems({ ...plan, agreedOn: '2026-06-16' }, completed, TODAY)).toEqual([
      { field: 'agreedOn', reason: 'must be today or in the past' },
      // The first action, due 12 Jun, is now before the plan.
      { field: 'outcomes.0.actions.0.dueOn', reason: 'must be on or after the day the plan was agreed' },
    ]);
    expect(planProblems({ ...plan, agreedOn: '2026-06-09', outcomes: [] }, completed, TODAY)).toEqual([
      { field: 'agreedOn', reason: 'must be on or after the day the assessment was completed' },
    ]);
  });

  it('names the action that falls due before the plan by its outcome and place', () => {
    const early = withActions([chart, { ...checkIn, dueOn: '2026-06-11' }]);
    expect(planProblems(early, completed, TODAY)).toEqual([
      { field: 'outcomes.0.actions.1.dueOn', reason: 'must be on or after the day the plan was agreed' },
    ]);
  });
});

describe('a review', () => {
  const agreed = { agreedOn: '2026-05-01', outcomes: [{ id: 'o1' }, { id: 'o2' }] };
  const review: ReviewInput = {
    heldOn: '2026-06-12',
    attendees: 'Mum, Joe (lead), Nadia (school)',
    progress: [
      { outcomeId: 'o1', score: 6 },
      { outcomeId: 'o2', score: 3 },
    ],
    childViews: 'Likes the chart.',
    familyViews: 'Mornings are better.',
    decision: 'continue',
  };

  it('accepts a review scoring every outcome once, on or after the plan or the last review', () => {
    expect(reviewProblems(review, agreed, undefined, TODAY)).toEqual([]);
    expect(reviewProblems({ ...review, heldOn: '2026-05-01' }, agreed, undefined, TODAY)).toEqual([]);
    expect(reviewProblems({ ...review, heldOn: '2026-06-01' }, agreed, '2026-06-01', TODAY)).toEqual([]);
    expect(reviewProblems({ ...review, heldOn: TODAY }, agreed, undefined, TODAY)).toEqual([]);
  });

  it('refuses a review in the future', () => {
    expect(reviewProblems({ ...review, heldOn: '2026-06-16' }, agreed, undefined, TODAY)).toEqual([
      { field: 'heldOn', reason: 'must be today or in the past' },
    ]);
  });

  it('refuses a review before the plan, or before the last review, saying which', () => {
    expect(reviewProblems({ ...review, heldOn: '2026-04-30' }, agreed, undefined, TODAY)).toEqual([
      { field: 'heldOn', reason: 'must be on or after the day the plan was agreed' },
    ]);
    expect(reviewProblems({ ...review, heldOn: '2026-05-31' }, agreed, '2026-06-01', TODAY)).toEqual([
      { field: 'heldOn', reason: 'must be on or after the last review' },
    ]);
  });

  it('scores every outcome of the plan, once, and no other', () => {
    const unknown = { ...review, progress: [...review.progress, { outcomeId: 'o9', score: 1 }] };
    expect(reviewProblems(unknown, agreed, undefined, TODAY)).toEqual([
      { field: 'progress.2.outcomeId', reason: 'is not an outcome of this plan' },
    ]);
    const twice = { ...review, progress: [...review.progress, { outcomeId: 'o1', score: 7 }] };
    expect(reviewProblems(twice, agreed, undefined, TODAY)).toEqual([
      { field: 'progress.2.outcomeId', reason: 'is scored twice' },
    ]);
    const missing = { ...review, progress: [{ outcomeId: 'o2', score: 3 }] };
    expect(reviewProblems(missing, agreed, undefined, TODAY)).toEqual([
      { field: 'progress', reason: 'Score the progress of every outcome of the plan' },
    ]);
    expect(fields(reviewProblems({ ...review, progress: [] }, agreed, undefined, TODAY))).toEqual([
      'progress',
    ]);
  });

  it('needs notes for a step-up, because the front door reads them, and for no other decision', () => {
    const problem = {
      field: 'notes',
      reason: 'Enter what has changed: the front door reads it with the step-up',
    };
    expect(reviewProblems({ ...review, decision: 'step_up' }, agreed, undefined, TODAY)).toEqual([problem]);
    expect(
      reviewProblems({ ...review, decision: 'step_up', notes: '   ' }, agreed, undefined, TODAY),
    ).toEqual([problem]);
    expect(
      reviewProblems(
        { ...review, decision: 'step_up', notes: 'Dad has returned; police call-out on Friday.' },
        agreed,
        undefined,
        TODAY,
      ),
    ).toEqual([]);
    for (const decision of ['continue', 'step_down', 'close'] as const) {
      expect(reviewProblems({ ...review, decision }, agreed, undefined, TODAY)).toEqual([]);
    }
  });

  it('lists every problem at once, in field order', () => {
    const bad: ReviewInput = {
      ...review,
      heldOn: '2026-06-20',
      progress: [{ outcomeId: 'o9', score: 1 }],
      decision: 'step_up',
    };
    expect(fields(reviewProblems(bad, agreed, undefined, TODAY))).toEqual([
      'heldOn',
      'progress.0.outcomeId',
      'progress',
      'notes',
    ]);
  });
});

describe('closing', () => {
  it('needs a note when the reason is another one', () => {
    const problem = { field: 'note', reason: 'Enter the reason the episode is closing' };
    expect(closeProblems({ reason: 'other' })).toEqual([problem]);
    expect(closeProblems({ reason: 'other', note: ' \t' })).toEqual([problem]);
    expect(closeProblems({ reason: 'other', note: 'Family asked to pause; will re-refer.' })).toEqual([]);
  });

  it('needs no note for a listed reason', () => {
    for (const reason of [
      'outcomes_met',
      'stepped_down',
      'consent_withdrawn',
      'moved_away',
      'stepped_up',
    ] as const) {
      expect(closeProblems({ reason })).toEqual([]);
    }
  });
});
