import {
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
  errors as joseErrors,
  jwtVerify,
} from 'jose';
import { isRole, type Role } from '../../shared/roles.ts';
import { Forbidden, Unauthorized } from './errors.ts';

/** Who is calling, as the verified access token says. The agency is never taken from a request body. */
export interface Principal {
  userId: string;
  username: string;
  name: string;
  email?: string;
  roles: Role[];
  agencyId: string | null;
}

export type TokenVerifier = (token: string) => Promise<Principal>;

export interface TokenVerifierOptions {
  /** The issuer (`iss`): the Cognito user pool URL in AWS, the local sign-in's URL locally. */
  issuer: string;
  /** Access tokens must name this app client (`client_id`, as Cognito access tokens do). */
  clientId: string;
  /** Where the signing keys come from; defaults to the issuer's published JWKS. */
  keys?: JWTVerifyGetKey;
}

/**
 * Verifies `Authorization: Bearer` access tokens the same way in AWS and locally: against the
 * issuer's JWKS, with RS256 only, checking issuer, expiry, `token_use` and `client_id`.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keys = options.keys ?? createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`));
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        algorithms: ['RS256'],
        clockTolerance: 5,
        // Also refuses a token issued in the future (checked only with a maximum age). A day is the
        // longest an access token can live in Cognito.
        maxTokenAge: '1 day',
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) throw new Unauthorized(describeTokenFailure(error));
      throw error;
    }
    if (payload.token_use !== 'access') throw new Unauthorized('An access token is required');
    if (payload.client_id !== options.clientId)
      throw new Unauthorized('The token was issued to another client');
    const groups = Array.isArray(payload['cognito:groups']) ? payload['cognito:groups'] : [];
    return {
      userId: String(payload.sub),
      username: typeof payload.username === 'string' ? payload.username : String(payload.sub),
      name: typeof payload.name === 'string' ? payload.name : String(payload.username ?? payload.sub),
      ...(typeof payload.email === 'string' ? { email: payload.email } : {}),
      roles: groups.filter(isRole),
      agencyId: typeof payload.agencyId === 'string' && payload.agencyId ? payload.agencyId : null,
    };
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
