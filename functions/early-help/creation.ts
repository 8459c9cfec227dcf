import { Hono } from 'hono';
import { monotonicFactory } from 'ulid';
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
import { createEpisode } from './routes.ts';
import type { EarlyHelpStore } from './store.ts';

/** Monotonic, so episodes made in the same millisecond keep their order in a list's ties. */
const nextEpisodeId = monotonicFactory();

/** The front door's decisions that start an episode. */

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

function snapshotOf(referral: Referral): EpisodeSnapshot {
  const child = referral.child ?? {};
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
  return {
    child: Object.fromEntries(keep.filter((k) => child[k] !== undefined).map((k) => [k, child[k]])),
    ...(referral.household ? { household: referral.household } : {}),
    indicatorIds: referral.indicatorIds ?? [],
    ...(referral.consent ? { consent: referral.consent } : {}),
    ...(referral.suggestedLevel ? { suggestedLevel: referral.suggestedLevel } : {}),
  };
}

/** The child's keys for re-referrals: none without both names, which would match too many children. */
function childKeysOf(deps: Pick<EarlyHelpParts, 'childKeys'>, child: NonNullable<Referral['child']>) {
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

/** The front door starts an episode from its decision of early help: one per referral. */
export function createEpisodeCreation(deps: EarlyHelpParts): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, clock, audit } = deps;
  const { event, respond, shown } = episodeAnswers(deps);

  const alreadyStarted = async (me: Principal, episodeId: string): Promise<never> => {
    const existing = await store.get(episodeId);
    throw new Conflict(
      'This referral has an episode already',
      existing ? await shown(me, existing) : undefined,
    );
  };

  bindRoute(app, createEpisode, async (c) => {
    const me = signedInAs(c, 'triage');
    const input = c.req.valid('json');
    if (input.leadAgencyId)
      await knownAgencies(deps, [{ field: 'leadAgencyId', agencyId: input.leadAgencyId }]);
    const existingId = await store.episodeOfReferral(input.referralId);
    if (existingId) return alreadyStarted(me, existingId);
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
    const at = now.toISOString();
    const child = referral.child ?? {};
    const id = nextEpisodeId(now.getTime());
    const record: EpisodeRecord = {
      id,
      reference: await store.nextReference(now.getUTCFullYear()),
      version: 1,
      createdAt: at,
      updatedAt: at,
      state: 'awaiting_lead',
      origin: 'referral_decision',
      referral: { id: referral.id, reference: referral.reference, agencyId: referral.agencyId },
      level: decision.levelOfNeed,
      child: {
        firstName: child.firstName ?? '',
        lastName: child.lastName ?? '',
        ...(child.knownAs ? { knownAs: child.knownAs } : {}),
        ...(child.dateOfBirth ? { dateOfBirth: child.dateOfBirth } : {}),
        ...(child.expectedDateOfBirth ? { expectedDateOfBirth: child.expectedDateOfBirth } : {}),
        ...(child.schoolOrSetting ? { schoolOrSetting: child.schoolOrSetting } : {}),
      },
      startedOn: ukDateOf(new Date(decision.decidedAt)),
      ...(input.leadAgencyId
        ? {
            lead: {
              agencyId: input.leadAgencyId,
              answer: 'asked' as const,
              askedAt: at,
              askedBy: person(me),
            },
          }
        : {}),
      declined: [],
      team: [],
      reviewsHeldOn: [],
    };
    const standards = await deps.standards();
    const childKeys = childKeysOf(deps, child);
    const reReferred = await isReReferred(store, childKeys, record.startedOn);
    const result = await store.create(
      record,
      snapshotOf(referral),
      listingOf(record, standards),
      audit.putItem(event(c, me, 'episode.create', record, { detail: `from referral ${referral.id}` })),
      { childKeys, counters: counterChanges(null, record, standards, { reReferred }) },
    );
    if (!result.created) return alreadyStarted(me, result.episodeId);
    c.header('location', `/api/episodes/${id}`);
    return respond(c, me, record, 201, { reviews: [], standards });
  });

  return app;
}
