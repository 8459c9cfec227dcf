import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTVerifyGetKey, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { Unauthorized } from '../../functions/platform/errors.ts';
import { createTokenVerifier } from '../../functions/platform/identity.ts';

/**
 * The token verifier remembers tokens it has verified (functions/platform/identity.ts). What must
 * hold: a remembered token is still refused once it expires or is a day old, a refused token is never
 * remembered, and the memory is bounded.
 */
const ISSUER = 'https://issuer.test';
const CLIENT_ID = 'portal-web';
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

let privateKey: CryptoKey;
let publicKey: CryptoKey;

beforeAll(async () => {
  ({ privateKey, publicKey } = await generateKeyPair('RS256'));
});

async function token(
  claims: { iat: number; exp: number; sub?: string; groups?: string[] },
  issuer = ISSUER,
): Promise<string> {
  return new SignJWT({
    token_use: 'access',
    client_id: CLIENT_ID,
    username: 'amira',
    'cognito:groups': claims.groups ?? ['referrer'],
    agencyId: 'northshire-primary',
  })
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(issuer)
    .setSubject(claims.sub ?? 'user-1')
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .sign(privateKey);
}

/** A verifier on a clock the test moves, counting how often a signature is really checked. */
function verifierAt(start: number, cacheSize?: number) {
  let now = start;
  let checks = 0;
  const keys: JWTVerifyGetKey = async () => {
    checks += 1;
    return publicKey;
  };
  const verify = createTokenVerifier({
    issuer: ISSUER,
    clientId: CLIENT_ID,
    keys,
    clock: () => new Date(now),
    ...(cacheSize === undefined ? {} : { cacheSize }),
  });
  return {
    verify,
    advance: (ms: number) => {
      now += ms;
    },
    checks: () => checks,
  };
}

const seconds = (ms: number) => Math.floor(ms / 1000);

describe('the token verifier', () => {
  it('checks a signature once for a user’s many requests and gives the same caller each time', async () => {
    const v = verifierAt(T0);
    const t = await token({ iat: seconds(T0), exp: seconds(T0) + 3600 });
    const first = await v.verify(t);
    const again = await v.verify(t);
    expect(again).toEqual(first);
    expect(first).toMatchObject({ userId: 'user-1', roles: ['referrer'], agencyId: 'northshire-primary' });
    expect(v.checks()).toBe(1);
  });

  it('says when the token was issued, so a token from before a revocation can be told apart', async () => {
    const v = verifierAt(T0);
    const t = await token({ iat: seconds(T0) - 120, exp: seconds(T0) + 3600 });
    expect((await v.verify(t)).issuedAt).toBe(seconds(T0) - 120);
    // Remembered, it still carries its own issue time, not the time it was remembered.
    v.advance(60_000);
    expect((await v.verify(t)).issuedAt).toBe(seconds(T0) - 120);
  });

  it('refuses a remembered token once it has expired', async () => {
    const v = verifierAt(T0);
    const t = await token({ iat: seconds(T0), exp: seconds(T0) + 60 });
    await v.verify(t);
    v.advance(61_000);
    // Within the 5 s clock tolerance jose still accepts it; past that it is refused.
    v.advance(5_000);
    await expect(v.verify(t)).rejects.toThrow(Unauthorized);
  });

  it('refuses a remembered token once it is more than a day old, whatever its expiry says', async () => {
    const v = verifierAt(T0);
    const t = await token({ iat: seconds(T0), exp: seconds(T0) + 3 * 24 * 3600 });
    await v.verify(t);
    v.advance(24 * 3600 * 1000 + 6_000);
    await expect(v.verify(t)).rejects.toThrow(Unauthorized);
  });

  it('never remembers a refused token: it is checked, and refused, every time', async () => {
    const v = verifierAt(T0);
    const early = await token({ iat: seconds(T0) + 600, exp: seconds(T0) + 3600 });
    await expect(v.verify(early)).rejects.toThrow(Unauthorized);
    await expect(v.verify(early)).rejects.toThrow(Unauthorized);
    expect(v.checks()).toBe(2);
  });

  it('keeps a token’s signature bound to its text: a changed payload is checked and refused', async () => {
    const v = verifierAt(T0);
    const t = await token({ iat: seconds(T0), exp: seconds(T0) + 3600 });
    await v.verify(t);
    const [header, payload, signature] = t.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admin'] })).toString(
      'base64url',
    );
    await expect(v.verify(`${header}.${forged}.${signature}`)).rejects.toThrow(Unauthorized);
  });

  it('remembers only as many tokens as it is allowed, dropping the least recently used', async () => {
    const v = verifierAt(T0, 2);
    const [a, b, c] = await Promise.all(
      ['a', 'b', 'c'].map((sub) => token({ sub, iat: seconds(T0), exp: seconds(T0) + 3600 })),
    );
    await v.verify(a as string);
    await v.verify(b as string);
    await v.verify(a as string); // a is now the most recently used
    await v.verify(c as string); // b is dropped
    expect(v.checks()).toBe(3);
    await v.verify(a as string);
    expect(v.checks()).toBe(3);
    await v.verify(b as string);
    expect(v.checks()).toBe(4);
  });

  it('fetches the issuer’s published keys when first needed, and once for many tokens', async () => {
    const jwk = { ...(await exportJWK(publicKey)), alg: 'RS256', use: 'sig' };
    let asked = 0;
    const server = createServer((req, res) => {
      if (req.url !== '/.well-known/jwks.json') return res.writeHead(404).end();
      asked += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const now = Date.now();
      const verify = createTokenVerifier({ issuer, clientId: CLIENT_ID });
      expect(asked).toBe(0);
      const [a, b] = await Promise.all(
        ['a', 'b'].map((sub) => token({ sub, iat: seconds(now), exp: seconds(now) + 3600 }, issuer)),
      );
      expect(await verify(a as string)).toMatchObject({ userId: 'a' });
      expect(await verify(b as string)).toMatchObject({ userId: 'b' });
      expect(asked).toBe(1);
    } finally {
      server.close();
    }
  });
});
