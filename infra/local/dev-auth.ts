import { Hono } from 'hono';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { type StandingReader, signInRefusal } from '../../functions/platform/access.ts';
import { PROBLEM_CONTENT_TYPE } from '../../shared/platform/problem.ts';
import * as z from '../../shared/platform/zod.ts';
import { DEMO_AGENCIES, DEMO_USERS, type DemoUser } from '../seed/demo-data.ts';

/**
 * The local sign-in: local runtime only, never deployed. It signs access tokens shaped
 * like Cognito's (`token_use`, `client_id`, `cognito:groups`, plus the `agencyId` claim our
 * pre-token-generation trigger adds) with a key made at start-up, and publishes that key as a JWKS,
 * so the functions verify local tokens exactly as they verify Cognito's.
 */
export const LOCAL_CLIENT_ID = 'portal-local-web';
const TOKEN_LIFETIME_SECONDS = 60 * 60;

export interface DevIssuer {
  issuer: string;
  clientId: string;
  /** Mount at `/auth/dev`. */
  app: Hono;
  sign(user: DemoUser, claims?: Record<string, unknown>): Promise<string>;
}

export interface DevIssuerOptions {
  /**
   * Where agencies' and people's standing is read (the directory table): a user whose agency is
   * deactivated, or who is suspended, gets no token, as Cognito's pre-token trigger refuses in AWS.
   */
  standing?: StandingReader;
}

export async function createDevIssuer(
  issuer: string,
  users: readonly DemoUser[] = DEMO_USERS,
  options: DevIssuerOptions = {},
): Promise<DevIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };

  const sign: DevIssuer['sign'] = (user, claims = {}) => {
    const jwt = new SignJWT({
      username: user.username,
      name: user.name,
      email: user.email,
      token_use: 'access',
      client_id: LOCAL_CLIENT_ID,
      scope: 'openid profile email',
      'cognito:groups': user.roles,
      agencyId: user.agencyId,
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject(user.sub)
      .setIssuer(issuer)
      .setJti(crypto.randomUUID());
    // Tests may set their own times (an expired token); otherwise a token lasts an hour.
    if (claims.iat === undefined) jwt.setIssuedAt();
    if (claims.exp === undefined) jwt.setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`);
    return jwt.sign(privateKey);
  };

  const agencyName = new Map(DEMO_AGENCIES.map((a) => [a.id, a.name]));
  const TokenRequest = z.strictObject({ username: z.string().check(z.minLength(1), z.maxLength(64)) });

  const app = new Hono();
  app.get('/.well-known/jwks.json', (c) => c.json({ keys: [jwk] }));
  app.get('/users', (c) =>
    c.json({
      users: users.map((u) => ({
        username: u.username,
        name: u.name,
        jobTitle: u.jobTitle,
        roles: u.roles,
        agency: { id: u.agencyId, name: agencyName.get(u.agencyId) ?? u.agencyId },
      })),
    }),
  );
  app.post('/token', async (c) => {
    const parsed = z.safeParse(TokenRequest, await c.req.json().catch(() => undefined));
    const user = parsed.success ? users.find((u) => u.username === parsed.data.username) : undefined;
    if (!user) {
      return c.body(
        JSON.stringify({
          type: 'https://portal.example/problems/invalid-request',
          title: 'Your request has errors',
          status: 400,
          errors: [{ field: 'username', reason: 'Choose one of the demo users' }],
        }),
        400,
        { 'content-type': PROBLEM_CONTENT_TYPE },
      );
    }
    const refusal = options.standing ? await signInRefusal(options.standing, user.sub, user.agencyId) : null;
    if (refusal) {
      return c.body(
        JSON.stringify({
          type: `https://portal.example/problems/${refusal.reason}`,
          title: refusal.title,
          status: 403,
          detail: refusal.message,
        }),
        403,
        { 'content-type': PROBLEM_CONTENT_TYPE },
      );
    }
    return c.json({ token: await sign(user), expiresIn: TOKEN_LIFETIME_SECONDS });
  });

  return { issuer, clientId: LOCAL_CLIENT_ID, app, sign };
}
