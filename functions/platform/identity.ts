import {
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
  errors as joseErrors,
  jwtVerify,
} from 'jose';
import { isRole, type Role } from '../../shared/platform/roles.ts';
import { Forbidden, Unauthorized } from './errors.ts';

/** Who is calling, as the verified access token says. The agency is never taken from a request body. */
export interface Principal {
  userId: string;
  username: string;
  name: string;
  email?: string;
  roles: Role[];
  agencyId: string | null;
  /** The agency's name as the directory holds it now; set once the caller's access is checked. */
  agencyName?: string;
  /** The agency's kind (school, police, …), set with its name. */
  agencyKind?: string;
  /**
   * When the token was issued (`iat`, seconds since the epoch): a token issued before the person's
   * access was withdrawn is refused (functions/platform/access.ts).
   */
  issuedAt?: number;
}

export type TokenVerifier = (token: string) => Promise<Principal>;

export interface TokenVerifierOptions {
  /** The issuer (`iss`): the Cognito user pool URL in AWS, the local sign-in's URL locally. */
  issuer: string;
  /** Access tokens must name this app client (`client_id`, as Cognito access tokens do). */
  clientId: string;
  /** Where the signing keys come from; defaults to the issuer's published JWKS. */
  keys?: JWTVerifyGetKey;
  /** What time it is: a token's expiry and age are judged by it. */
  clock?: () => Date;
  /** How many verified tokens are remembered (most recently used kept); 0 remembers none. */
  cacheSize?: number;
}

/** A day is the longest an access token can live in Cognito. */
const MAX_TOKEN_AGE_SECONDS = 24 * 60 * 60;

/**
 * Verifies `Authorization: Bearer` access tokens the same way in AWS and locally: against the
 * issuer's JWKS, with RS256 only, checking issuer, expiry, `token_use` and `client_id`.
 *
 * A token that passed is remembered, by its exact text, until it expires or reaches its maximum age,
 * whichever is first: a signed token cannot change, so checking its signature again on each of a
 * user's requests (RS256, the largest part of the app's own work per request) would only repeat the
 * same answer. A token that failed is never remembered. Only the signature is remembered: whether the
 * caller may still use the portal (agency active, person not suspended) is checked on every request,
 * by `AccessCheck` (access.ts), so this cache cannot outlive a revocation.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  // The issuer's key set is made on the first check, not at cold start: jose's remote key set builds
  // a `Headers` at once, which makes Node load its fetch implementation (~30 ms). Hono's Lambda
  // adapter loads it on the first request anyway, so at load it would only be paid twice as early.
  let remoteKeys: JWTVerifyGetKey | undefined;
  const keys: JWTVerifyGetKey =
    options.keys ??
    ((header, input) => {
      remoteKeys ??= createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`));
      return remoteKeys(header, input);
    });
  const clock = options.clock ?? (() => new Date());
  const cacheSize = options.cacheSize ?? 1000;
  const verified = new Map<string, { principal: Principal; until: number }>();

  const verify = async (token: string): Promise<{ principal: Principal; until: number }> => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        algorithms: ['RS256'],
        clockTolerance: 5,
        // Also refuses a token issued in the future (checked only with a maximum age).
        maxTokenAge: MAX_TOKEN_AGE_SECONDS,
        requiredClaims: ['sub', 'exp', 'iat'],
        currentDate: clock(),
      }));
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) throw new Unauthorized(describeTokenFailure(error));
      throw error;
    }
    if (payload.token_use !== 'access') throw new Unauthorized('An access token is required');
    if (payload.client_id !== options.clientId)
      throw new Unauthorized('The token was issued to another client');
    const groups = Array.isArray(payload['cognito:groups']) ? payload['cognito:groups'] : [];
    const principal: Principal = Object.freeze({
      userId: String(payload.sub),
      username: typeof payload.username === 'string' ? payload.username : String(payload.sub),
      name: typeof payload.name === 'string' ? payload.name : String(payload.username ?? payload.sub),
      ...(typeof payload.email === 'string' ? { email: payload.email } : {}),
      roles: Object.freeze(groups.filter(isRole)) as Role[],
      agencyId: typeof payload.agencyId === 'string' && payload.agencyId ? payload.agencyId : null,
      issuedAt: Number(payload.iat),
    });
    // jwtVerify required both claims as numbers; no clock tolerance is given to a remembered token.
    const until = Math.min(Number(payload.exp), Number(payload.iat) + MAX_TOKEN_AGE_SECONDS) * 1000;
    return { principal, until };
  };

  return async (token) => {
    const now = clock().getTime();
    const known = verified.get(token);
    if (known) {
      verified.delete(token);
      if (now < known.until) {
        verified.set(token, known); // most recently used last
        return known.principal;
      }
    }
    const fresh = await verify(token);
    if (cacheSize > 0 && now < fresh.until) {
      verified.set(token, fresh);
      if (verified.size > cacheSize) verified.delete(verified.keys().next().value as string);
    }
    return fresh.principal;
  };
}

function describeTokenFailure(error: InstanceType<typeof joseErrors.JOSEError>): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `The token's ${error.claim} claim is not valid`;
  return 'The token is not valid';
}

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header.trim());
  return match?.[1];
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return roles.some((r) => principal.roles.includes(r));
}

/** Throws Forbidden unless the caller holds one of the roles. */
export function requireRole(principal: Principal, ...roles: Role[]): void {
  if (!hasRole(principal, ...roles)) throw new Forbidden(`This needs the ${roles.join(' or ')} role`);
}
