import { BatchWriteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { monthCounterSk, quarterCounterSk } from '../functions/referrals/keys.ts';
import { counterUpdate, referralItem } from '../functions/referrals/store-items.ts';
import { DEMO_AGENCIES, DEMO_USERS } from '../infra/seed/demo-data.ts';
import { decisionDueAt } from '../shared/platform/working-days.ts';
import { quarterOf } from '../shared/referrals/consistency.ts';
import { OUTCOMES } from '../shared/referrals/labels.ts';
import type { Referral, ReferralStatus } from '../shared/referrals/schema.ts';

/**
 * Bulk synthetic referrals for the scale benchmark, written straight into the referrals table with
 * the app's own `referralItem` (so keys, indexes and the list summary are exactly what the app
 * writes), plus the dashboard counters those referrals imply. Every name here is invented.
 */

/** Agencies that make referrals, weighted roughly as a county's referrals arrive (schools first). */
const REFERRING = [
  { id: 'brookfield-primary', weight: 3 },
  { id: 'ashgrove-infant', weight: 2 },
  { id: 'northshire-academy', weight: 3 },
  { id: 'northshire-community-health', weight: 3 },
  { id: 'northshire-police', weight: 4 },
  { id: 'harbour-family-support', weight: 2 },
] as const;
const KNOWN_AGENCIES = new Set(DEMO_AGENCIES.map((a) => a.id));
const TOTAL_WEIGHT = REFERRING.reduce((n, a) => n + a.weight, 0);

const FIRST = ['Maisie', 'Oliver', 'Amelia', 'Noah', 'Isla', 'Leo', 'Ava', 'Theo', 'Freya', 'Arlo', 'Zara'];
const LAST = ['Fairbrook', 'Ashdown', 'Kettering', 'Moorfield', 'Thornby', 'Wexley', 'Hollins', 'Brackley'];
/** Decided referrals' outcomes: all but `already_open`, as this seeding has always drawn them. */
const DECIDED_OUTCOMES = OUTCOMES.filter((o) => o !== 'already_open');
const DAY = 24 * 60 * 60 * 1000;
/** shared/platform/bank-holidays.ts covers 2024 onwards. */
const EARLIEST = Date.UTC(2024, 0, 8);

function dueAfter(submitted: Date): Date {
  try {
    return decisionDueAt(submitted);
  } catch {
    return new Date(submitted.getTime() + DAY);
  }
}

/** A small deterministic generator, so two runs seed the same shapes. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

type Counters = Map<string, Record<string, number>>;

function addCounter(counters: Counters, sk: string, add: Record<string, number>): void {
  const row = counters.get(sk) ?? {};
  for (const [k, v] of Object.entries(add)) row[k] = (row[k] ?? 0) + v;
  counters.set(sk, row);
}

/** One synthetic referral; `open` ones are recent, the rest spread over three years. */
export function syntheticReferral(
  n: number,
  plan: SeedPlan,
  random: () => number,
  counters: Counters,
): Referral {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const roll = random() * TOTAL_WEIGHT;
  let cumulative = 0;
  const agencyId =
    REFERRING.find((a) => {
      cumulative += a.weight;
      return roll < cumulative;
    })?.id ?? 'northshire-police';
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
  const firstName = pick(FIRST);
  const lastName = pick(LAST);
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
  addCounter(counters, monthCounterSk(submitted.toISOString(), agencyId), { submitted: 1 });
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
    addCounter(counters, quarterCounterSk(quarterOf(decidedAt.toISOString()), agencyId), {
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
 * Writes `plan.count` referrals with BatchWriteItem, 25 at a time, `inFlight` batches at once
 * (unprocessed items are retried with backoff), then adds the dashboard counters they imply.
 */
export async function seedReferrals(
  db: DynamoDBDocumentClient,
  tableName: string,
  plan: SeedPlan,
  options: {
    inFlight?: number;
    progress?: (done: number, perSecond: number, target: number) => void;
    /** performance.now() after which no new batch starts (what was written so far stays). */
    deadline?: number;
    /** Asked before each batch: lowers the count while seeding (e.g. once the rate is known). */
    limit?: (written: number, seconds: number) => number;
  } = {},
): Promise<SeedResult> {
  const random = mulberry32(0x5eed + plan.batch);
  const counters: Counters = new Map();
  const inFlight = options.inFlight ?? 8;
  const started = performance.now();
  let next = 0;
  let written = 0;
  let lastReport = started;

  const writeBatch = async (items: Record<string, unknown>[]) => {
    let requests = items.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      if (attempt > 12) throw new Error('DynamoDB Local kept returning unprocessed items');
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  };

  const limit = () =>
    Math.min(plan.count, options.limit?.(written, (performance.now() - started) / 1000) ?? plan.count);
  const worker = async () => {
    while (next < limit() && performance.now() < (options.deadline ?? Number.POSITIVE_INFINITY)) {
      const from = next;
      const to = Math.min(plan.count, from + 25);
      next = to;
      const items: Record<string, unknown>[] = [];
      for (let n = from; n < to; n++) items.push(referralItem(syntheticReferral(n, plan, random, counters)));
      await writeBatch(items);
      written += items.length;
      const now = performance.now();
      if (options.progress && now - lastReport > 2000) {
        lastReport = now;
        options.progress(written, written / ((now - started) / 1000), limit());
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));

  // The counters the app keeps in the same transactions as each decision (functions/referrals/app.ts).
  const rows = [...counters];
  for (let i = 0; i < rows.length; i += 16) {
    await Promise.all(
      rows
        .slice(i, i + 16)
        .map(([sk, add]) => db.send(new UpdateCommand(counterUpdate(tableName, { sk, add })))),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  return { written, seconds, perSecond: written / seconds, counterRows: rows.length, open: plan.open };
}
