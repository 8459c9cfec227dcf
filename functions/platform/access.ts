import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AccessWithdrawn } from './errors.ts';
import type { Principal } from './identity.ts';
import { tableOf } from './table.ts';

/**
 * Whether a verified caller may still use the portal: their agency is active in the directory and
 * their own access has not been withdrawn. A token proves who someone is, not that they still belong:
 * an agency that closes, merges or leaves the partnership, or a person who leaves, must lose access
 * at once, not when their token expires.
 *
 * The directory table holds both answers: the agency (`AGENCY / AGENCY#<id>`, `active`, `name`) and
 * the person (`USER#<sub> / ACCESS`, `suspended`, `revokedBefore`). Each is remembered per process for
 * at most `STANDING_MAX_AGE_MS`, so a revocation takes effect within that bound on every function.
 */
export const STANDING_MAX_AGE_MS = 30_000;

/** How many agencies and how many people each process remembers (least recently used forgotten). */
const STANDING_CACHE_SIZE = 1000;

export const AGENCY_PARTITION = 'AGENCY';
export const PERSON_PARTITION_PREFIX = 'USER#';
export const PERSON_SORT_KEY = 'ACCESS';

export const agencyStandingKey = (agencyId: string) => ({ pk: AGENCY_PARTITION, sk: `AGENCY#${agencyId}` });
export const personKey = (userId: string) => ({
  pk: `${PERSON_PARTITION_PREFIX}${userId}`,
  sk: PERSON_SORT_KEY,
});

/** What the directory says of an agency, for access (null: no such agency). */
export interface AgencyStanding {
  active: boolean;
  name: string;
  /** The kind of agency (school, police, …): a police referral asks for more. */
  kind?: string;
}

/** What the directory says of a person (null: nothing recorded, so nothing withdrawn). */
export interface PersonStanding {
  /** Suspended by an administrator: refused until restored. */
  suspended: boolean;
  /** Tokens issued before this moment (ISO 8601) are refused; set on suspension and by Cognito changes. */
  revokedBefore?: string;
}

export const AGENCY_DEACTIVATED_DETAIL =
  'Your agency has been deactivated in the portal, so you can no longer use it. Ask your safeguarding lead, or contact the partnership.';
export const AGENCY_UNKNOWN_DETAIL =
  'Your agency is not in the portal’s directory, so you cannot use the portal. Ask your safeguarding lead, or contact the partnership.';
export const ACCESS_SUSPENDED_DETAIL =
  'Your access to the portal has been withdrawn. If you think this is wrong, ask your safeguarding lead or the partnership’s system owner.';
export const SIGNED_IN_BEFORE_DETAIL =
  'Your access to the portal changed after you signed in. Sign in again to continue.';

/**
 * The rule, pure: the reason a caller is refused, or null if they may go on. `issuedAt` is the
 * token's `iat` in seconds; a token with none is treated as issued before any revocation.
 */
export function refusalFor(
  agencyId: string | null,
  agency: AgencyStanding | null,
  person: PersonStanding | null,
  issuedAt?: number,
): AccessWithdrawn | null {
  if (agencyId !== null && agency === null)
    return new AccessWithdrawn('agency-deactivated', AGENCY_UNKNOWN_DETAIL);
  if (agency && !agency.active) return new AccessWithdrawn('agency-deactivated', AGENCY_DEACTIVATED_DETAIL);
  if (person?.suspended) return new AccessWithdrawn('access-suspended', ACCESS_SUSPENDED_DETAIL);
  if (person?.revokedBefore) {
    // `iat` is whole seconds: a token from the same second as the revocation is refused, not kept.
    const issuedMs = (issuedAt ?? 0) * 1000;
    if (!(issuedMs > Date.parse(person.revokedBefore))) {
      return new AccessWithdrawn('access-suspended', SIGNED_IN_BEFORE_DETAIL);
    }
  }
  return null;
}

/** Reads standings from the directory table, uncached (the sign-in trigger and the local sign-in use it). */
export interface StandingReader {
  agency(agencyId: string): Promise<AgencyStanding | null>;
  person(userId: string): Promise<PersonStanding | null>;
}

export function createStandingReader(db: DynamoDBDocumentClient, directoryTable: string): StandingReader {
  const table = tableOf(db, directoryTable);
  return {
    async agency(agencyId) {
      const item = await table.get(agencyStandingKey(agencyId), {
        ProjectionExpression: 'active, #n, #k',
        ExpressionAttributeNames: { '#n': 'name', '#k': 'kind' },
      });
      return item
        ? {
            active: item.active === true,
            name: String(item.name ?? agencyId),
            ...(typeof item.kind === 'string' ? { kind: item.kind } : {}),
          }
        : null;
    },
    async person(userId) {
      const item = await table.get(personKey(userId), { ProjectionExpression: 'suspended, revokedBefore' });
      if (!item) return null;
      return {
        suspended: item.suspended === true,
        ...(typeof item.revokedBefore === 'string' ? { revokedBefore: item.revokedBefore } : {}),
      };
    },
  };
}

/**
 * Whether a new token may be issued (Cognito's pre-token-generation trigger, the local sign-in): the
 * agency must be active and the person not suspended. `revokedBefore` concerns older tokens only.
 */
export async function signInRefusal(
  reader: StandingReader,
  userId: string,
  agencyId: string | null,
): Promise<AccessWithdrawn | null> {
  const [agency, person] = await Promise.all([
    agencyId ? reader.agency(agencyId) : Promise.resolve(null),
    reader.person(userId),
  ]);
  return refusalFor(agencyId, agency, person ? { suspended: person.suspended } : null);
}

/** The check every area function makes after the token is verified. */
export interface AccessCheck {
  /** The caller with their agency's current name, or AccessWithdrawn (403) if they may no longer use the portal. */
  standing(principal: Principal): Promise<Principal>;
  /** Forgets what this process remembers of an agency or a person (after this process changed it). */
  forget(what: { agencyId?: string; userId?: string }): void;
}

export interface AccessCheckOptions {
  clock: () => Date;
  /** @default STANDING_MAX_AGE_MS */
  maxAgeMs?: number;
  /** @default 1000 of each */
  cacheSize?: number;
}

/** A small least-recently-used map whose entries expire `maxAgeMs` after they were read from the store. */
class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  constructor(
    private readonly maxAgeMs: number,
    private readonly size: number,
  ) {}

  get(key: string, now: number): { value: V } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (now - entry.at >= this.maxAgeMs || now < entry.at) return undefined;
    this.entries.set(key, entry);
    return { value: entry.value };
  }

  set(key: string, value: V, at: number): void {
    if (this.maxAgeMs <= 0 || this.size <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, at });
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

export function createAccessCheck(reader: StandingReader, options: AccessCheckOptions): AccessCheck {
  const maxAgeMs = options.maxAgeMs ?? STANDING_MAX_AGE_MS;
  const size = options.cacheSize ?? STANDING_CACHE_SIZE;
  const agencies = new ExpiringCache<AgencyStanding | null>(maxAgeMs, size);
  const people = new ExpiringCache<PersonStanding | null>(maxAgeMs, size);

  const cached = async <V>(
    cache: ExpiringCache<V>,
    key: string,
    read: (key: string) => Promise<V>,
  ): Promise<V> => {
    const now = options.clock().getTime();
    const known = cache.get(key, now);
    if (known) return known.value;
    const value = await read(key);
    cache.set(key, value, now);
    return value;
  };

  return {
    async standing(principal) {
      const [agency, person] = await Promise.all([
        principal.agencyId
          ? cached(agencies, principal.agencyId, (id) => reader.agency(id))
          : Promise.resolve(null),
        cached(people, principal.userId, (id) => reader.person(id)),
      ]);
      const refusal = refusalFor(principal.agencyId, agency, person, principal.issuedAt);
      if (refusal) throw refusal;
      return agency
        ? Object.freeze({
            ...principal,
            agencyName: agency.name,
            ...(agency.kind ? { agencyKind: agency.kind } : {}),
          })
        : principal;
    },
    forget({ agencyId, userId }) {
      if (agencyId) agencies.delete(agencyId);
      if (userId) people.delete(userId);
    },
  };
}

/** Convenience: the check over the directory table. */
export function createDirectoryAccessCheck(
  db: DynamoDBDocumentClient,
  directoryTable: string,
  options: AccessCheckOptions,
): AccessCheck {
  return createAccessCheck(createStandingReader(db, directoryTable), options);
}
