import { Hono } from 'hono';
import { monotonicFactory } from 'ulid';
import { stepDownProblems } from '../../shared/early-help/rules.ts';
import type { StepDownInput } from '../../shared/early-help/schema.ts';
import { ukDateOf } from '../../shared/platform/working-days.ts';
import { isReReferral } from '../../shared/referrals/duplicates.ts';
import { EARLY_HELP_OUTCOMES } from '../../shared/referrals/labels.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { Conflict, Unauthorized, Unprocessable } from '../platform/errors.ts';
import { type AppContext, type AppEnv, signedInAs } from '../platform/http.ts';
import type { Principal } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import { episodeAnswers } from './answers.ts';
import type { EarlyHelpParts } from './app.ts';
import { counterChanges } from './counters.ts';
import { type EpisodeRecord, type EpisodeSnapshot, listingOf } from './records.ts';
import { createEpisode, stepDownEpisode } from './routes.ts';
import type { EarlyHelpStore } from './store.ts';

/** Monotonic, so episodes made in the same millisecond keep their order in a list's ties. */
const nextEpisodeId = monotonicFactory();

export const person = (me: Principal) => ({ userId: me.userId, name: me.name });

/** The caller's own Authorization header: the referrals API is asked as them, never as this area. */
export function callerAuthorization(c: AppContext): string {
  const header = c.req.header('authorization');
  if (!header) throw new Unauthorized('Sign in to continue');
  return header;
}

/** Refuses agency ids the directory does not know, naming each field. */
export async function knownAgencies(
  deps: Pick<EarlyHelpParts, 'agencies'>,
  fields: { field: string; agencyId: string }[],
): Promise<void> {
  if (!fields.length) return;
  const names = await deps.agencies.names();
  const unknown = fields.filter((f) => !names.has(f.agencyId));
  if (unknown.length) {
    throw new Unprocessable(
      'Only partner agencies can be named',
      unknown.map((f) => ({ field: f.field, reason: `${f.agencyId} is not a partner agency` })),
    );
  }
}

/** What the snapshot keeps of the child: enough for a step-up's referral, and her keys. */
function snapshotChildOf(child: Partial<NonNullable<Referral['child']>>): EpisodeSnapshot['child'] {
  const keep = [
    'firstName',
    'lastName',
    'knownAs',
    'dateOfBirth',
    'expectedDateOfBirth',
    'schoolOrSetting',
    'address',
    'currentWhereabouts',
  ] as const;
  return Object.fromEntries(keep.filter((k) => child[k] !== undefined).map((k) => [k, child[k]]));
}

function snapshotOf(referral: Referral): EpisodeSnapshot {
  return {
    child: snapshotChildOf(referral.child ?? {}),
    ...(referral.household ? { household: referral.household } : {}),
    indicatorIds: referral.indicatorIds ?? [],
    ...(referral.consent ? { consent: referral.consent } : {}),
    ...(referral.suggestedLevel ? { suggestedLevel: referral.suggestedLevel } : {}),
  };
}

/** What a step-down keeps for a later step-up, as a referral's snapshot: it chose no indicators. */
function stepDownSnapshotOf(input: StepDownInput): EpisodeSnapshot {
  return {
    child: snapshotChildOf(input.child),
    household: input.household,
    indicatorIds: [],
    ...(input.consent ? { consent: input.consent } : {}),
  };
}

/** What the episode shows of the child: who they are, never where they live. */
function episodeChildOf(child: Partial<NonNullable<Referral['child']>>): EpisodeRecord['child'] {
  return {
    firstName: child.firstName ?? '',
    lastName: child.lastName ?? '',
    ...(child.knownAs ? { knownAs: child.knownAs } : {}),
    ...(child.dateOfBirth ? { dateOfBirth: child.dateOfBirth } : {}),
    ...(child.expectedDateOfBirth ? { expectedDateOfBirth: child.expectedDateOfBirth } : {}),
    ...(child.schoolOrSetting ? { schoolOrSetting: child.schoolOrSetting } : {}),
  };
}

/** The child's keys for re-referrals: none without both names, which would match too many children. */
function childKeysOf(deps: Pick<EarlyHelpParts, 'childKeys'>, child: EpisodeSnapshot['child']) {
  if (!child.firstName?.trim() || !child.lastName?.trim()) return [];
  return deps.childKeys({
    firstName: child.firstName,
    lastName: child.lastName,
    dateOfBirth: child.dateOfBirth ?? child.expectedDateOfBirth,
    postcode: child.address?.postcode,
  });
}

/**
 * Whether an episode starting on `startedOn` is a re-referral: an earlier episode of the same child
 * closed in the 12 months before. A child has few episodes, so each is read.
 */
async function isReReferred(
  store: Pick<EarlyHelpStore, 'episodesOfChild' | 'get'>,
  childKeys: readonly string[],
  startedOn: string,
): Promise<boolean> {
  if (!childKeys.length) return false;
  const earlier = await Promise.all((await store.episodesOfChild(childKeys)).map((id) => store.get(id)));
  const started = new Date(`${startedOn}T00:00:00Z`);
  return earlier.some((episode) => {
    const closedOn = episode?.closure?.closedOn;
    return (
      closedOn !== undefined &&
      closedOn <= startedOn &&
      isReReferral(new Date(`${closedOn}T00:00:00Z`), started)
    );
  });
}

/** The request to lead that starts with the episode, when the front door names an agency. */
const leadAsked = (leadAgencyId: string | undefined, me: Principal, at: string) =>
  leadAgencyId
    ? { lead: { agencyId: leadAgencyId, answer: 'asked' as const, askedAt: at, askedBy: person(me) } }
    : {};

/**
 * The front door starts an episode: from its decision of early help (one per referral), or from a
 * child stepping down from social care (one per case reference and date).
 */
export function createEpisodeCreation(deps: EarlyHelpParts): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, clock, audit } = deps;
  const { event, respond, shown } = episodeAnswers(deps);

  const alreadyStarted = async (me: Principal, episodeId: string, message: string): Promise<never> => {
    const existing = await store.get(episodeId);
    throw new Conflict(message, existing ? await shown(me, existing) : undefined);
  };

  /** The fields every new episode starts with, whatever began it. */
  const opening = async (now: Date) => {
    const at = now.toISOString();
    return {
      id: nextEpisodeId(now.getTime()),
      reference: await store.nextReference(now.getUTCFullYear()),
      version: 1,
      createdAt: at,
      updatedAt: at,
      state: 'awaiting_lead' as const,
      declined: [],
      team: [],
      reviewsHeldOn: [],
    };
  };

  /** Writes the new episode with everything beside it, and answers it; a taken claim is a 409. */
  const start = async (
    c: AppContext,
    me: Principal,
    record: EpisodeRecord,
    snapshot: EpisodeSnapshot,
    detail: string,
    taken: string,
  ) => {
    const standards = await deps.standards();
    const childKeys = childKeysOf(deps, snapshot.child);
    const reReferred = await isReReferred(store, childKeys, record.startedOn);
    const result = await store.create(
      record,
      snapshot,
      listingOf(record, standards),
      audit.putItem(event(c, me, 'episode.create', record, { detail })),
      { childKeys, counters: counterChanges(null, record, standards, { reReferred }) },
    );
    if (!result.created) return alreadyStarted(me, result.episodeId, taken);
    c.header('location', `/api/episodes/${record.id}`);
    return respond(c, me, record, 201, { reviews: [], standards });
  };

  bindRoute(app, createEpisode, async (c) => {
    const me = signedInAs(c, 'triage');
    const input = c.req.valid('json');
    const taken = 'This referral has an episode already';
    if (input.leadAgencyId)
      await knownAgencies(deps, [{ field: 'leadAgencyId', agencyId: input.leadAgencyId }]);
    const existingId = await store.episodeOfReferral(input.referralId);
    if (existingId) return alreadyStarted(me, existingId, taken);
    const referral = await deps.referrals.get(input.referralId, callerAuthorization(c));
    const decision = referral?.decision;
    if (!referral || !decision || !EARLY_HELP_OUTCOMES.includes(decision.outcome)) {
      throw new Unprocessable('An episode starts from a decision of early help', [
        {
          field: 'referralId',
          reason: referral
            ? 'was not decided as targeted or single-agency early help'
            : 'is not a referral the front door can read',
        },
      ]);
    }
    const now = clock();
    const record: EpisodeRecord = {
      ...(await opening(now)),
      origin: 'referral_decision',
      referral: { id: referral.id, reference: referral.reference, agencyId: referral.agencyId },
      level: decision.levelOfNeed,
      child: episodeChildOf(referral.child ?? {}),
      startedOn: ukDateOf(new Date(decision.decidedAt)),
      ...leadAsked(input.leadAgencyId, me, now.toISOString()),
    };
    return start(c, me, record, snapshotOf(referral), `from referral ${referral.id}`, taken);
  });

  bindRoute(app, stepDownEpisode, async (c) => {
    const me = signedInAs(c, 'triage');
    const input = c.req.valid('json');
    const now = clock();
    const problems = stepDownProblems(input, now);
    if (problems.length) throw new Unprocessable('The step-down cannot be recorded', problems);
    if (input.leadAgencyId)
      await knownAgencies(deps, [{ field: 'leadAgencyId', agencyId: input.leadAgencyId }]);
    const record: EpisodeRecord = {
      ...(await opening(now)),
      origin: 'step_down',
      stepDown: {
        socialCareReference: input.socialCare.reference,
        socialWorker: input.socialCare.socialWorker,
        summary: input.socialCare.summary,
      },
      level: input.level,
      child: episodeChildOf(input.child),
      startedOn: input.steppedDownOn,
      ...leadAsked(input.leadAgencyId, me, now.toISOString()),
    };
    return start(
      c,
      me,
      record,
      stepDownSnapshotOf(input),
      'step-down from social care',
      'This step-down is recorded already',
    );
  });

  return app;
}
