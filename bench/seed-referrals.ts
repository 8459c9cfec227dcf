import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { monthCounterSk, quarterCounterSk } from '../functions/referrals/keys.ts';
import { counterUpdate, referralItem } from '../functions/referrals/store-items.ts';
import { DEMO_AGENCIES, DEMO_USERS } from '../infra/seed/demo-data.ts';
import { decisionDueAt } from '../shared/platform/working-days.ts';
import { quarterOf } from '../shared/referrals/consistency.ts';
import { OUTCOMES } from '../shared/referrals/labels.ts';
import type { Referral, ReferralStatus } from '../shared/referrals/schema.ts';
import {
  addCounts,
  type BulkWriteOptions,
  bulkWrite,
  type Counters,
  writeCounters,
} from './lib/bulk-write.ts';
import { DAY, EARLIEST, FIRST_NAMES, LAST_NAMES, mulberry32, pickFrom, weighted } from './lib/synthetic.ts';

/**
 * Bulk synthetic referrals for the scale benchmark, written straight into the referrals table with
 * the app's own `referralItem` (so keys, indexes and the list summary are exactly what the app
 * writes), plus the dashboard counters those referrals imply. Every name here is invented.
 */

/** Agencies that make referrals, weighted roughly as a county's referrals arrive (schools first). */
export const REFERRING = [
  { id: 'brookfield-primary', weight: 3 },
  { id: 'ashgrove-infant', weight: 2 },
  { id: 'northshire-academy', weight: 3 },
  { id: 'northshire-community-health', weight: 3 },
  { id: 'northshire-police', weight: 4 },
  { id: 'harbour-family-support', weight: 2 },
] as const;
const KNOWN_AGENCIES = new Set(DEMO_AGENCIES.map((a) => a.id));

/** Decided referrals' outcomes: all but `already_open`, as this seeding has always drawn them. */
const DECIDED_OUTCOMES = OUTCOMES.filter((o) => o !== 'already_open');

function dueAfter(submitted: Date): Date {
  try {
    return decisionDueAt(submitted);
  } catch {
    return new Date(submitted.getTime() + DAY);
  }
}

export interface SeedPlan {
  /** How many referrals to write. */
  count: number;
  /** How many of them are open (submitted or in review): the front door's queue. */
  open: number;
  /** Distinguishes references between batches. */
  batch: number;
  now: Date;
}

/** One synthetic referral; `open` ones are recent, the rest spread over three years. */
export function syntheticReferral(
  n: number,
  plan: SeedPlan,
  random: () => number,
  counters: Counters,
): Referral {
  const pick = pickFrom(random);
  const agencyId = weighted(random, REFERRING);
  if (!KNOWN_AGENCIES.has(agencyId)) throw new Error(`Unknown demo agency ${agencyId}`);
  const referrer = DEMO_USERS.find((u) => u.agencyId === agencyId && u.roles.includes('referrer'));
  const grace = DEMO_USERS.find((u) => u.roles.includes('triage'));
  const createdBy = { userId: referrer?.sub ?? `bench-${agencyId}`, name: referrer?.name ?? 'A referrer' };
  const triage = { userId: grace?.sub ?? 'bench-triage', name: grace?.name ?? 'The front door' };

  const isOpen = n < plan.open;
  let status: ReferralStatus;
  if (isOpen) status = random() < 0.65 ? 'submitted' : 'in_review';
  else {
    const r = random();
    status = r < 0.04 ? 'draft' : r < 0.08 ? 'withdrawn' : r < 0.3 ? 'decided' : 'closed';
  }
  const nowMs = plan.now.getTime();
  // Closed ones spread over up to three years, within the years the bank-holiday data covers.
  const spread = Math.max(DAY, Math.min(3 * 365 * DAY, nowMs - 5 * DAY - EARLIEST));
  const createdMs = Math.round(isOpen ? nowMs - random() * 3 * DAY : nowMs - 4 * DAY - random() * spread);
  const created = new Date(createdMs);
  const submitted = new Date(createdMs + random() * 2 * 60 * 60 * 1000);
  const due = dueAfter(submitted);
  const level = (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4;
  const firstName = pick(FIRST_NAMES);
  const lastName = pick(LAST_NAMES);
  const year = created.getUTCFullYear();

  const referral: Referral = {
    id: ulid(createdMs),
    reference: `EH-${year}-B${plan.batch}${String(n).padStart(6, '0')}`,
    status,
    agencyId,
    createdBy,
    createdAt: created.toISOString(),
    updatedAt: created.toISOString(),
    version: 1,
    child: {
      firstName,
      lastName,
      dateOfBirth: `${2010 + Math.floor(random() * 14)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      sex: random() < 0.5 ? 'female' : 'male',
      schoolOrSetting: 'Brookfield Primary School',
      address: {
        line1: `${1 + Math.floor(random() * 90)} Example Row`,
        town: 'Northtown',
        postcode: 'NS1 2AB',
      },
    },
    household: {
      adults: [
        {
          name: `Kerry ${lastName}`,
          relationship: 'Mother',
          parentalResponsibility: true,
          doNotContact: false,
        },
      ],
    },
    concerns: `${firstName} has come in hungry most mornings this half term and says there is shouting at home. Attendance has dropped to 88% and ${firstName} is tired in lessons.`,
    indicatorIds: ['basic-care-often-hungry', 'family-frequent-shouting'],
    triedSoFar: 'Breakfast club place offered; conversation with the parent at pick-up.',
    earlyHelpAssessmentInPlace: false,
    childViews: `${firstName} said they like breakfast club and that home is "loud".`,
    consent: {
      status: 'given',
      byWhom: `Kerry ${lastName} (mother)`,
      date: created.toISOString().slice(0, 10),
    },
    guidanceVersion: 1,
    suggestedLevel: level === 4 ? 3 : level,
  };
  if (status === 'draft') return referral;

  let version = 2;
  let updatedAt = submitted;
  Object.assign(referral, { submittedAt: submitted.toISOString(), decisionDueAt: due.toISOString() });
  addCounts(counters, monthCounterSk(submitted.toISOString(), agencyId), { submitted: 1 });
  if (status === 'withdrawn') {
    updatedAt = new Date(submitted.getTime() + 30 * 60 * 1000);
    referral.withdrawn = { reason: 'Sent to the wrong service', at: updatedAt.toISOString() };
    version++;
  }
  if (status === 'in_review' || status === 'decided' || status === 'closed') {
    updatedAt = new Date(submitted.getTime() + random() * 6 * 60 * 60 * 1000);
    referral.reviewer = { ...triage, at: updatedAt.toISOString() };
    version++;
  }
  if (status === 'decided' || status === 'closed') {
    const decidedAt = new Date(submitted.getTime() + random() * 1.3 * DAY);
    const outcome = pick(DECIDED_OUTCOMES);
    referral.decision = {
      levelOfNeed: level,
      outcome,
      rationale: 'Needs are met at this level; the family agreed to support.',
      feedback: 'Thank you: the family have been offered support and will hear from a worker.',
      ...(outcome === 'no_further_action' ? { alternativeSupport: 'The school nurse drop-in.' } : {}),
      decidedAt: decidedAt.toISOString(),
      decidedBy: triage,
    };
    const suggested = referral.suggestedLevel ?? level;
    addCounts(counters, quarterCounterSk(quarterOf(decidedAt.toISOString()), agencyId), {
      decided: 1,
      decidedOnTime: decidedAt <= due ? 1 : 0,
      [`o_${outcome}`]: 1,
      [`m${suggested}${level}`]: 1,
    });
    updatedAt = decidedAt;
    version++;
  }
  if (status === 'closed') {
    updatedAt = new Date(updatedAt.getTime() + random() * 30 * DAY);
    referral.closedAt = updatedAt.toISOString();
    version++;
  }
  referral.updatedAt = updatedAt.toISOString();
  referral.version = version;
  return referral;
}

export interface SeedResult {
  written: number;
  seconds: number;
  perSecond: number;
  counterRows: number;
  open: number;
}

/**
 * Writes `plan.count` referrals in bulk (lib/bulk-write.ts), then adds the dashboard counters they
 * imply.
 */
export async function seedReferrals(
  db: DynamoDBDocumentClient,
  tableName: string,
  plan: SeedPlan,
  options: BulkWriteOptions = {},
): Promise<SeedResult> {
  const random = mulberry32(0x5eed + plan.batch);
  const counters: Counters = new Map();
  const started = performance.now();
  const { written } = await bulkWrite(
    db,
    tableName,
    plan.count,
    (n) => [referralItem(syntheticReferral(n, plan, random, counters))],
    options,
  );

  // The counters the app keeps in the same transactions as each decision (functions/referrals/app.ts).
  const counterRows = await writeCounters(db, counters, (row) => counterUpdate(tableName, row));
  const seconds = (performance.now() - started) / 1000;
  return { written, seconds, perSecond: written / seconds, counterRows, open: plan.open };
}
