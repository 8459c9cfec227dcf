import type { ActionFields } from '../../shared/board/schema.ts';
import { LEADS } from './demo-words.ts';
import type { Saved, SeedCaller } from './seed-caller.ts';

/**
 * The board's action plan with its history, written through the board's API with the clock moved to
 * when each step happened: ten actions in every RAG, one closed, one whose update stayed amber for
 * want of evidence (its measure did not move and no one verified it), and one challenge from Helen,
 * the independent chair, waiting for the owner agency's response. Synthetic, like all the demo data.
 */
const DAY = 86_400_000;

export async function seedDemoBoard(seed: SeedCaller): Promise<void> {
  const { call, at, realNow } = seed;
  const today = (offsetDays: number) =>
    new Date(realNow.getTime() + offsetDays * DAY).toISOString().slice(0, 10);
  const actions: (Partial<ActionFields> & {
    title: string;
    updates: { daysAgo: number; narrative: string; status?: string; measureCurrent?: string }[];
    close?: boolean;
    /** Helen's challenge, still waiting for the owner agency's response. */
    challenge?: { daysAgo: number; text: string };
  })[] = [
    {
      title: 'Joint commissioning of early help for exploitation',
      theme: 'joint-commissioning',
      // Cites the front door's unmet need: the dashboard shows it beside the joint-commissioning actions.
      source: {
        kind: 'unmet_need',
        reference: 'Unmet need recorded at the front door, 2026',
        paragraph: 'Safety and exploitation',
      },
      ownerAgencyId: 'northshire-council',
      // Due in 12 days with its last update 60 days old: amber until someone reports progress that
      // moves the measure (journey 5).
      dueDate: today(12),
      outcomeMeasure: {
        measure: 'Children at risk of exploitation offered early help within 10 working days',
        baseline: '40%',
        target: '75%',
        current: '40%',
      },
      updates: [
        { daysAgo: 60, narrative: 'Needs analysis shared with health and police.', status: 'in_progress' },
      ],
    },
    {
      title: 'Every partner uses the threshold checker before referring',
      theme: 'thresholds',
      ownerAgencyId: 'northshire-partnership',
      dueDate: today(75),
      // 16 days ago, so its 10 working days have run out: the dashboard shows it overdue.
      challenge: {
        daysAgo: 16,
        text: 'The briefings are done, but what shows referrers now use the checker? Bring the share of referrals whose level matched the decision, before and after.',
      },
      updates: [
        {
          daysAgo: 12,
          narrative: 'Police briefings on the new guidance done in all three districts.',
          status: 'in_progress',
        },
      ],
    },
    {
      title: 'Referrers hear the outcome of every early-help referral',
      theme: 'early-help',
      ownerAgencyId: 'northshire-front-door',
      dueDate: today(40),
      updates: [
        {
          daysAgo: 20,
          narrative: 'Feedback now sent through the portal for every decision.',
          status: 'in_progress',
        },
      ],
    },
    {
      title: 'Multi-agency neglect toolkit refreshed and trained',
      theme: 'neglect',
      ownerAgencyId: 'northshire-community-health',
      dueDate: today(-35),
      updates: [
        { daysAgo: 70, narrative: 'Trainer recruitment delayed.', status: 'in_progress' },
        { daysAgo: 40, narrative: 'Still no trainer; escalated to the executive group.', status: 'blocked' },
      ],
    },
    {
      title: 'Domestic abuse notifications to schools within 24 hours',
      theme: 'domestic-abuse',
      ownerAgencyId: 'northshire-police',
      dueDate: today(-5),
      updates: [{ daysAgo: 45, narrative: 'Pilot in the north district.', status: 'in_progress' }],
    },
    {
      title: 'Care leavers’ housing pathway agreed with district councils',
      theme: 'care-leavers',
      ownerAgencyId: 'northshire-council',
      dueDate: today(10),
      outcomeMeasure: {
        measure: 'Care leavers in suitable accommodation at 19',
        baseline: '78%',
        target: '90%',
        current: '78%',
      },
      // An update with no movement in the measure and no one to verify it: it stays amber and says why.
      updates: [
        {
          daysAgo: 3,
          narrative: 'Draft pathway sent to the district councils for comment.',
          status: 'in_progress',
          measureCurrent: '78%',
        },
      ],
    },
    {
      title: 'Audit of decisions made at the front door',
      theme: 'thresholds',
      ownerAgencyId: 'northshire-partnership',
      dueDate: today(-60),
      updates: [{ daysAgo: 90, narrative: 'Audit completed; report to the board.', status: 'in_progress' }],
      close: true,
    },
    {
      title: 'Children’s mental health support in every secondary school',
      theme: 'mental-health',
      ownerAgencyId: 'northshire-community-health',
      dueDate: today(120),
      updates: [
        { daysAgo: 5, narrative: 'Two mental health support teams recruited.', status: 'in_progress' },
      ],
    },
    {
      title: 'Missing-from-education protocol shared with academies',
      theme: 'education',
      ownerAgencyId: 'northshire-academy',
      dueDate: today(30),
      updates: [
        {
          daysAgo: 25,
          narrative: 'Protocol drafted; consultation with headteachers.',
          status: 'in_progress',
        },
      ],
    },
    {
      title: 'Safeguarding training for voluntary sector volunteers',
      theme: 'workforce',
      ownerAgencyId: 'harbour-family-support',
      dueDate: today(55),
      updates: [],
    },
  ];
  for (const [n, a] of actions.entries()) {
    at(realNow.getTime() - 120 * DAY);
    const { updates, close, challenge, ...fieldsIn } = a;
    let saved = await call<Saved>('tom', 'POST', '/api/board/actions', {
      reference: `BA-${String(n + 1).padStart(3, '0')}`,
      description: `${a.title}: an action of the partnership's plan (synthetic demo data).`,
      source:
        fieldsIn.source ??
        (n % 2
          ? { kind: 'business_plan', reference: 'Partnership business plan 2026–27' }
          : { kind: 'inspection', reference: 'Inspection of children’s services', paragraph: String(n + 1) }),
      lead: LEADS[fieldsIn.ownerAgencyId ?? ''] ?? 'Partnership business manager',
      contributingAgencyIds: [],
      startDate: today(-120),
      ...fieldsIn,
    });
    for (const u of updates) {
      at(realNow.getTime() - u.daysAgo * DAY);
      saved = await call<Saved>(
        'tom',
        'POST',
        `/api/board/actions/${saved.id}/updates`,
        {
          narrative: u.narrative,
          ...(u.status ? { status: u.status } : {}),
          ...(u.measureCurrent ? { measureCurrent: u.measureCurrent } : {}),
        },
        { 'if-match': `"${saved.version}"` },
      );
    }
    if (challenge) {
      at(realNow.getTime() - challenge.daysAgo * DAY);
      saved = await call<Saved>(
        'helen',
        'POST',
        `/api/board/actions/${saved.id}/challenges`,
        { text: challenge.text },
        { 'if-match': `"${saved.version}"` },
      );
    }
    if (close) {
      at(realNow.getTime() - 50 * DAY);
      await call(
        'tom',
        'POST',
        `/api/board/actions/${saved.id}/close`,
        {
          evidence: [{ title: 'Audit report to the board' }],
          signOff: { name: 'Helen Marsh', role: 'Independent chair' },
        },
        { 'if-match': `"${saved.version}"` },
      );
    }
  }
  at(realNow.getTime());
}
