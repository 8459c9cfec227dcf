import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Episode, EpisodeForReferrer } from '../../shared/early-help/schema.ts';
import {
  addWorkingDays,
  isWorkingDay,
  ukDateOf,
  ukLocalTimeToInstant,
} from '../../shared/platform/working-days.ts';
import type { Referral, ReferralContent } from '../../shared/referrals/schema.ts';
import type { TableNames } from '../local/tables.ts';
import { DEMO_FAMILIES, type DemoFamily, PRACTITIONERS } from './demo-episode-families.ts';
import { furtherAnswers } from './demo-words.ts';
import { illustrativeFramework } from './guidance-framework.ts';
import { addedForRoutes } from './guidance-routes.ts';
import { createSeedCaller, type Saved, type SeedCaller } from './seed-caller.ts';

/**
 * The demo's early-help episodes, one per family in demo-episode-families.ts: each from a referral
 * the front door decided as early help, then asked, accepted or declined, assessed, planned,
 * reviewed, closed or stepped up, as far as its family goes. Written through the apps as the demo
 * users, with the clock at each step's working day, so every timer is what the API works out.
 */
const DAY = 86_400_000;

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - DAY).toISOString().slice(0, 10);

/** The UK date `n` working days before `today` (`today` itself for 0). */
function workingDaysAgo(today: string, n: number): string {
  let day = today;
  for (let left = n; left > 0; ) {
    day = dayBefore(day);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** Two indicators of the family's level, so the guidance suggests the level the front door decides. */
function indicatorsOf(level: 2 | 3, n: number): string[] {
  const pool = illustrativeFramework.indicators.filter(
    (i) => i.level === level && !i.immediateDanger && !addedForRoutes(i.id),
  );
  return [pool[(n * 5) % pool.length]?.id, pool[(n * 5 + 2) % pool.length]?.id].filter((id): id is string =>
    Boolean(id),
  );
}

const OUTCOME = { 2: 'early_help_single_agency', 3: 'targeted_early_help' } as const;
const FEEDBACK = {
  2: 'Thank you. Please lead early help in your setting with an Early Help Assessment; the Early Help Hub can advise.',
  3: 'Thank you. We have asked a family support worker to lead early help with the family and will tell you who.',
};

function practitioner(agencyId: string) {
  const found = PRACTITIONERS[agencyId];
  if (!found) throw new Error(`No demo practitioner at ${agencyId}`);
  return found;
}

/** The adult's relationship to the child, from how the family names them: "Mother". */
function relationshipOf(parent: string): string {
  const within = /\(([^)]+)\)/.exec(parent)?.[1] ?? 'parent';
  return `${within.charAt(0).toUpperCase()}${within.slice(1)}`;
}

type Start = {
  child: NonNullable<ReferralContent['child']>;
  household: NonNullable<ReferralContent['household']>;
  leadAgencyId: string;
};
type At = (daysAgo: number, hour: number) => string;

/** A referral the front door decides as early help on the decision day, then starts the episode from. */
async function fromDecision(seed: SeedCaller, family: DemoFamily, n: number, start: Start, at: At) {
  const { call } = seed;
  const referrer = family.referrer;
  if (!referrer) throw new Error(`No referrer for ${family.child.firstName}'s referral`);
  const ifMatch = (saved: Saved) => ({ 'if-match': `"${saved.version}"` });
  const draftOn = at(family.decided, 9);
  const content: ReferralContent = {
    child: start.child,
    household: start.household,
    concerns: family.concerns,
    indicatorIds: indicatorsOf(family.level, n),
    triedSoFar: 'Conversations with the family and support in our setting.',
    earlyHelpAssessmentInPlace: false,
    childViews: `${family.child.firstName} said they would like things at home to be calmer.`,
    consent: { status: 'given', byWhom: family.parent, date: draftOn },
    ...furtherAnswers(family.level, referrer === 'dan', n),
  };
  let referral = await call<Referral>(referrer, 'POST', '/api/referrals', content, {
    'idempotency-key': `demo-episode-${n}`,
  });
  for (const [as, action, hour, body] of [
    [referrer, 'submit', 9.25, undefined],
    ['grace', 'review', 10, undefined],
    [
      'grace',
      'decision',
      11,
      {
        levelOfNeed: family.level,
        outcome: OUTCOME[family.level],
        rationale: 'Needs are at the level the guidance suggests; the family consents to early help.',
        feedback: FEEDBACK[family.level],
      },
    ],
  ] as const) {
    at(family.decided, hour);
    referral = await call<Referral>(
      as,
      'POST',
      `/api/referrals/${referral.id}/${action}`,
      body,
      ifMatch(referral),
    );
  }
  // The front door starts the episode and asks an agency to lead.
  at(family.decided, 14);
  return call<Episode>('grace', 'POST', '/api/episodes', {
    referralId: referral.id,
    leadAgencyId: start.leadAgencyId,
  });
}

/** Social care's handover, recorded by the front door on the day of the step-down. */
async function stepDown(seed: SeedCaller, family: DemoFamily, start: Start, at: At) {
  const handover = family.steppedDown;
  if (!handover) throw new Error('Not a step-down');
  const steppedDownOn = at(family.decided, 11);
  at(family.decided, 14);
  return seed.call<Episode>('grace', 'POST', '/api/step-downs', {
    child: start.child,
    household: start.household,
    consent: { status: 'given', byWhom: family.parent, date: steppedDownOn },
    level: family.level,
    steppedDownOn,
    socialCare: handover,
    leadAgencyId: start.leadAgencyId,
  });
}

/** One family's episode, step by step; `when(n, hour)` is that working day's hour (now, for today). */
async function seedFamily(
  seed: SeedCaller,
  family: DemoFamily,
  n: number,
  when: (daysAgo: number, hour: number) => Date,
): Promise<void> {
  const { call } = seed;
  const at = (daysAgo: number, hour: number) => {
    const instant = when(daysAgo, hour);
    seed.at(instant.getTime());
    return ukDateOf(instant);
  };
  const ifMatch = (saved: Saved) => ({ 'if-match': `"${saved.version}"` });
  const lead = practitioner(family.lead);
  const parentName = family.parent.split(' (')[0] ?? family.parent;

  const first = family.declined?.agency ?? family.lead;
  const child = {
    ...family.child,
    address: {
      line1: `${20 + n} Demo Lane`,
      town: 'Northtown',
      postcode: `NS${1 + (n % 9)} ${3 + (n % 6)}EH`,
    },
  };
  const household = {
    adults: [
      {
        name: parentName,
        relationship: relationshipOf(family.parent),
        parentalResponsibility: true,
        doNotContact: false,
      },
    ],
  };
  let episode = family.steppedDown
    ? await stepDown(seed, family, { child, household, leadAgencyId: first }, at)
    : await fromDecision(seed, family, n, { child, household, leadAgencyId: first }, at);
  const path = (step: string) => `/api/episodes/${episode.id}/${step}`;
  const change = async (as: string, method: 'POST' | 'PUT', step: string, body: unknown) => {
    episode = await call<Episode>(as, method, path(step), body, ifMatch(episode));
  };
  if (family.declined) {
    const { agency, answered, reason, askedAgain } = family.declined;
    at(answered, 10);
    // A decliner no longer reads the episode: the front door reads it again before asking another agency.
    await call<EpisodeForReferrer>(
      practitioner(agency).username,
      'POST',
      path('lead'),
      { answer: 'declined', reason },
      ifMatch(episode),
    );
    at(askedAgain, 9);
    episode = await call<Episode>('grace', 'GET', `/api/episodes/${episode.id}`);
    await change('grace', 'POST', 'lead-request', { agencyId: family.lead });
  }
  if (family.accepted === undefined) return;
  at(family.accepted, 11);
  await change(lead.username, 'POST', 'lead', { answer: 'accepted' });

  const team = family.team ?? [];
  const agreedOn = at(family.accepted - 1, 10);
  await change(lead.username, 'PUT', 'consent', {
    sharingAgreed: true,
    shareWithAgencyIds: [family.lead, ...team],
    agreedBy: family.parent,
    agreedOn,
  });
  if (team.length) {
    at(family.accepted - 1, 10.5);
    const member = (agencyId: string, role?: string) => {
      const p = practitioner(agencyId);
      return { agencyId, name: p.name, role: role ?? p.role };
    };
    await change(lead.username, 'PUT', 'team', {
      members: [member(family.lead, `${lead.role} (lead practitioner)`), ...team.map((a) => member(a))],
    });
  }

  const assessment = family.assessment;
  if (assessment) {
    const words = {
      strengths: `${parentName} loves ${family.child.firstName} and wants things to change.`,
      needs: family.concerns,
      familyWords: `“We want help before things get worse.”`,
    };
    const startedOn = at(assessment.started, 15);
    await change(lead.username, 'PUT', 'assessment', { startedOn, ...words });
    if (assessment.completed !== undefined) {
      const completedOn = at(assessment.completed, 16);
      await change(lead.username, 'PUT', 'assessment', { startedOn, completedOn, ...words });
    }
  }

  if (family.plan) {
    const planOn = at(family.plan.agreed, 14);
    await change(lead.username, 'PUT', 'plan', {
      agreedOn: planOn,
      outcomes: family.plan.outcomes.map(([title, what, owner]) => ({
        title,
        actions: [{ what, owner, dueOn: addWorkingDays(planOn, 10) }],
      })),
    });
  }
  for (const [r, review] of (family.reviews ?? []).entries()) {
    const heldOn = at(review.held, 13);
    await change(lead.username, 'POST', 'reviews', {
      heldOn,
      attendees: [parentName, lead.name, ...team.map((a) => practitioner(a).name)].join(', '),
      progress: (episode.plan?.outcomes ?? []).map((o, i) => ({ outcomeId: o.id, score: 3 + 2 * r + i })),
      childViews: `${family.child.firstName} says some things are better, and some are still hard.`,
      familyViews: `${parentName} says the support is helping.`,
      decision: review.decision,
      ...(review.notes ? { notes: review.notes } : {}),
    });
  }
  if (family.closed) {
    at(family.closed.on, 12);
    await change(lead.username, 'POST', 'close', { reason: family.closed.reason, note: family.closed.note });
  }
}

export async function seedDemoEpisodes(
  db: DynamoDBDocumentClient,
  tables: TableNames,
  options: { now?: Date; progress?: (line: string) => void } = {},
): Promise<void> {
  const progress = options.progress ?? (() => {});
  const seed = await createSeedCaller(db, tables, options.now ?? new Date());
  const today = ukDateOf(seed.realNow);
  // Today's steps happen just before now, whatever the hour; earlier days' at the hour given.
  const when = (daysAgo: number, hour: number) =>
    daysAgo === 0
      ? new Date(seed.realNow.getTime() - 20 * 60_000)
      : ukLocalTimeToInstant(workingDaysAgo(today, daysAgo), Math.floor(hour), Math.round((hour % 1) * 60));
  for (const [n, family] of DEMO_FAMILIES.entries()) {
    progress(`  early-help episodes ${n + 1}/${DEMO_FAMILIES.length}`);
    await seedFamily(seed, family, n, when);
  }
  seed.at(seed.realNow.getTime());
}
