import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LevelNumber } from '../../shared/guidance/schema.ts';
import type { Outcome, ReferralContent } from '../../shared/referrals/schema.ts';
import { NONE_FITTED_REASONS } from '../../shared/services/labels.ts';
import type { TableNames } from '../local/tables.ts';
import { seedDemoBoard } from './demo-board.ts';
import { JOURNEY_CHILD } from './demo-data.ts';
import {
  CHILD_VIEWS,
  concernsFrom,
  furtherAnswers,
  PARENT_FIRST_NAMES,
  RATIONALES,
  TRIED_SO_FAR,
} from './demo-words.ts';
import { illustrativeFramework } from './guidance-framework.ts';
import { addedForRoutes } from './guidance-routes.ts';
import { createSeedCaller, type Saved } from './seed-caller.ts';

/**
 * Synthetic activity, so every journey people take works on a fresh start: referrals from every
 * kind of agency over the last two quarters (decided, open, overdue, in review, a draft), the police
 * referral that makes Amira's a possible duplicate, and the board's action plan with its history.
 *
 * Everything is written through the same apps the portal serves, in-process, with the clock moved to
 * when each step happened, so counters, timelines, due times and audit entries are what they would be.
 */
const DAY = 86_400_000;

/** A small deterministic generator: the demo is the same on every machine. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const FIRST_NAMES = [
  'Ava',
  'Leo',
  'Isla',
  'Noah',
  'Freya',
  'Ollie',
  'Amelia',
  'Jacob',
  'Poppy',
  'Kai',
  'Ruby',
  'Alfie',
  'Zara',
  'Finley',
  'Maya',
  'Reggie',
];
const LAST_NAMES = [
  'Ashby',
  'Brennan',
  'Calloway',
  'Dunmore',
  'Everly',
  'Fenwick',
  'Garside',
  'Holloway',
  'Ingram',
  'Jessop',
  'Kettering',
  'Lowther',
];

const OUTCOME_FOR_LEVEL: Record<LevelNumber, Outcome[]> = {
  1: ['advice_signposting'],
  2: ['early_help_single_agency', 'advice_signposting'],
  3: ['targeted_early_help'],
  4: ['social_care_assessment', 'strategy_discussion'],
};

const FEEDBACK: Record<Outcome, string> = {
  no_further_action: 'We will not take further action.',
  advice_signposting:
    'Thank you. This is best met by universal services: we have sent the family details of the local family hub and the school nurse drop-in.',
  early_help_single_agency:
    'Thank you. Please lead early help in your setting with an Early Help Assessment; the Early Help Hub can advise (0300 000 0001).',
  targeted_early_help:
    'Thank you. A family support worker from the Early Help Hub will contact the family this week and invite you to a team around the family meeting.',
  social_care_assessment:
    'Thank you. A social worker will carry out a children and families assessment and will contact you for your knowledge of the child.',
  strategy_discussion:
    'Thank you. A strategy discussion is being held today; a social worker will contact you.',
  already_open: 'This child already has an allocated worker, who has been told of your concerns.',
};

/** The need (sub-domain) of a referral's first indicator. */
function needOf(indicatorIds: string[]): string {
  const first = illustrativeFramework.indicators.find((i) => i.id === indicatorIds[0]);
  return first?.subDomainId ?? 'family-functioning';
}

/** Indicators that suggest `level` (never an immediate-danger one below 4). */
function indicatorsFor(level: LevelNumber, pick: () => number): string[] {
  const pool = illustrativeFramework.indicators.filter(
    (i) => i.level === level && !i.immediateDanger && !addedForRoutes(i.id),
  );
  const first = pool[Math.floor(pick() * pool.length)];
  const second = pool[Math.floor(pick() * pool.length)];
  return [...new Set([first?.id, second?.id].filter((x): x is string => Boolean(x)))];
}

export async function seedDemoActivity(
  db: DynamoDBDocumentClient,
  tables: TableNames,
  options: { now?: Date; progress?: (line: string) => void } = {},
): Promise<void> {
  const progress = options.progress ?? (() => {});
  const seed = await createSeedCaller(db, tables, options.now ?? new Date());
  const { call, at, realNow } = seed;
  // The front door's members join its team by reading the queue: whom Grace can reassign to.
  for (const member of ['grace', 'leon']) await call(member, 'GET', '/api/referrals');

  // Referrals: [referrer, suggested level, decided level or null, days ago submitted, state]
  const pick = random(20_261_123);
  type Plan = {
    as: string;
    suggested: LevelNumber;
    decided: LevelNumber | null;
    daysAgo: number;
    state: 'closed' | 'decided' | 'in_review' | 'submitted';
  };
  const plans: Plan[] = [];
  // Enough referrals that each agency's quarterly figures are above the dashboard's small-number
  // threshold, so the demo shows the figures rather than "not shown"; the police refer most, as they do.
  const share = ['dan', 'dan', 'dan', 'amira', 'amira', 'nadia', 'priya', 'joe'] as const;
  for (let i = 0; i < 120; i++) {
    const as = share[i % share.length] ?? 'amira';
    const suggested = (1 + Math.floor(pick() * 4)) as LevelNumber;
    const daysAgo = 8 + Math.floor(pick() * 170);
    // The police applied their own risk tool before the new guidance: their older referrals disagree more.
    const disagreeChance = as === 'dan' ? (daysAgo > 90 ? 0.7 : 0.2) : as === 'joe' ? 0.4 : 0.15;
    let decided = suggested;
    if (pick() < disagreeChance)
      decided = Math.min(4, Math.max(1, suggested + (pick() < 0.6 ? 1 : -1))) as LevelNumber;
    plans.push({ as, suggested, decided, daysAgo, state: daysAgo > 40 ? 'closed' : 'decided' });
  }
  plans.push(
    { as: 'nadia', suggested: 2, decided: null, daysAgo: 4, state: 'submitted' },
    { as: 'priya', suggested: 3, decided: null, daysAgo: 1, state: 'submitted' },
    { as: 'joe', suggested: 2, decided: null, daysAgo: 1, state: 'in_review' },
    { as: 'dan', suggested: 3, decided: null, daysAgo: 0, state: 'submitted' },
  );

  const child = (n: number): ReferralContent['child'] => ({
    firstName: FIRST_NAMES[n % FIRST_NAMES.length],
    lastName: LAST_NAMES[(n * 7) % LAST_NAMES.length],
    dateOfBirth: `${2010 + (n % 14)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}`,
    address: {
      line1: `${n + 1} Sample Street`,
      town: 'Northtown',
      postcode: `NS${1 + (n % 9)} ${1 + (n % 9)}AB`,
    },
  });
  const content = (
    childDetails: ReferralContent['child'],
    level: LevelNumber,
    indicatorIds: string[],
    n: number,
    police: boolean,
  ): ReferralContent => {
    const parent =
      `${PARENT_FIRST_NAMES[n % PARENT_FIRST_NAMES.length]} ${childDetails?.lastName ?? ''}`.trim();
    return {
      child: childDetails,
      household: {
        adults: [{ name: parent, relationship: 'Mother', parentalResponsibility: true, doNotContact: false }],
      },
      concerns: concernsFrom(childDetails?.firstName ?? 'The child', indicatorIds, n),
      indicatorIds,
      triedSoFar: TRIED_SO_FAR[n % TRIED_SO_FAR.length] as string,
      earlyHelpAssessmentInPlace: level >= 3,
      childViews: CHILD_VIEWS[n % CHILD_VIEWS.length] as string,
      consent:
        level < 4
          ? { status: 'given', byWhom: `${parent} (mother)`, date: seed.now().toISOString().slice(0, 10) }
          : { status: 'not_sought', notSoughtReason: 'would_increase_risk_to_child' },
      ...furtherAnswers(level, police, n),
    };
  };

  /**
   * A signposting decision's services: two from the demo directory that meet the need at the level,
   * or, for one decision in four (or when none does), that none fitted and why: the unmet need the
   * dashboard counts.
   */
  const signposts = async (need: string, level: LevelNumber, n: number) => {
    const found =
      n % 4 === 3
        ? []
        : (
            await call<{ items: { service: { id: string } }[] }>(
              'grace',
              'GET',
              `/api/services?need=${need}&level=${Math.min(level, 3)}&limit=2`,
            )
          ).items;
    if (found.length) return { serviceIds: found.map((m) => m.service.id) };
    const reason = NONE_FITTED_REASONS[Math.floor(n / 4) % NONE_FITTED_REASONS.length] ?? 'no-service';
    return { serviceIds: [], noneFitted: { reason, need } };
  };

  const referAndProgress = async (plan: Plan, childDetails: ReferralContent['child'], n: number) => {
    const submitted = realNow.getTime() - plan.daysAgo * DAY - 3 * 3600_000;
    at(submitted - 3600_000);
    const indicatorIds = indicatorsFor(plan.suggested, pick);
    const draft = await call<Saved>(
      plan.as,
      'POST',
      '/api/referrals',
      content(childDetails, plan.suggested, indicatorIds, n, plan.as === 'dan'),
      {
        'idempotency-key': `demo-seed-${n}`,
      },
    );
    at(submitted);
    let saved = await call<Saved>(plan.as, 'POST', `/api/referrals/${draft.id}/submit`, undefined, {
      'if-match': `"${draft.version}"`,
    });
    if (plan.state === 'submitted') return;
    at(submitted + 2 * 3600_000);
    saved = await call<Saved>('grace', 'POST', `/api/referrals/${saved.id}/review`, undefined, {
      'if-match': `"${saved.version}"`,
    });
    if (plan.state === 'in_review' || !plan.decided) return;
    // Most decisions land within the working day; some drift.
    at(submitted + (pick() < 0.8 ? 4 : 50) * 3600_000);
    const outcomes = OUTCOME_FOR_LEVEL[plan.decided];
    const outcome = outcomes[Math.floor(pick() * outcomes.length)] ?? 'advice_signposting';
    saved = await call<Saved>(
      'grace',
      'POST',
      `/api/referrals/${saved.id}/decision`,
      {
        levelOfNeed: plan.decided,
        outcome,
        rationale: RATIONALES[plan.decided],
        feedback: FEEDBACK[outcome],
        ...(outcome === 'advice_signposting'
          ? { signposts: await signposts(needOf(indicatorIds), plan.decided, n) }
          : {}),
      },
      { 'if-match': `"${saved.version}"` },
    );
    if (plan.state === 'closed') {
      at(submitted + 20 * DAY);
      await call('grace', 'POST', `/api/referrals/${saved.id}/close`, undefined, {
        'if-match': `"${saved.version}"`,
      });
    }
  };

  // The police referral about the journeys' child, last month: Amira's will be flagged against it.
  progress('  referrals: the police referral about the journeys’ child');
  await referAndProgress(
    { as: 'dan', suggested: 2, decided: 2, daysAgo: 30, state: 'closed' },
    JOURNEY_CHILD,
    1000,
  );
  for (const [n, plan] of plans.entries()) {
    if (n % 8 === 0) progress(`  referrals ${n + 1}/${plans.length}`);
    await referAndProgress(plan, child(n), n);
  }
  // Dan's half-finished draft: he saves as he goes.
  at(realNow.getTime() - 2 * 3600_000);
  await call(
    'dan',
    'POST',
    '/api/referrals',
    {
      child: { firstName: 'Harvey', lastName: 'Lowther' },
      concerns: 'Attended a domestic incident last night; two children present.',
    },
    { 'idempotency-key': 'demo-seed-dan-draft' },
  );

  progress('  the board’s action plan');
  await seedDemoBoard(seed);
  at(realNow.getTime());
}
