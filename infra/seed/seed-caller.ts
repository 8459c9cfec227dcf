import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { createDirectoryAccessCheck } from '../../functions/platform/access.ts';
import { createAuditWriter } from '../../functions/platform/audit.ts';
import type { PlatformDeps } from '../../functions/platform/http.ts';
import { createTokenVerifier } from '../../functions/platform/identity.ts';
import { silentLogger } from '../../functions/platform/logger.ts';
import { createCursorCodec } from '../../functions/platform/pagination.ts';
import { areaForPath } from '../../shared/deployment/routes.ts';
import { createAreaApps } from '../local/areas.ts';
import { createDevIssuer } from '../local/dev-auth.ts';
import type { TableNames } from '../local/tables.ts';
import { DEMO_USERS } from './demo-data.ts';

/**
 * The apps the portal serves, in-process, called as demo users on a clock the seed moves: demo data
 * written through them is what the API would write (counters, timelines, due times, audit entries).
 */
/** What the seed needs of a record it changes next: its id and the version to send as If-Match. */
export type Saved = { id: string; version: number };

export interface SeedCaller {
  /** Calls `path` as the demo user `as`; anything but a 2xx stops the seed with what was answered. */
  call<T>(
    as: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
  /** Moves the apps' clock to `ms`. */
  at(ms: number): void;
  now(): Date;
  /** The real time the seed started at, which tokens are checked against. */
  readonly realNow: Date;
}

export async function createSeedCaller(
  db: DynamoDBDocumentClient,
  tables: TableNames,
  realNow: Date,
): Promise<SeedCaller> {
  let now = realNow;
  const clock = () => now;
  const issuer = await createDevIssuer('https://seed.invalid/auth/dev');
  const jwks = (await (await issuer.app.request('/.well-known/jwks.json')).json()) as JSONWebKeySet;
  const platform: PlatformDeps = {
    verifyToken: createTokenVerifier({
      issuer: issuer.issuer,
      clientId: issuer.clientId,
      keys: createLocalJWKSet(jwks),
    }),
    access: createDirectoryAccessCheck(db, tables.directory, { clock }),
    audit: createAuditWriter(db, tables.audit, clock),
    clock,
    logger: silentLogger,
    cursors: createCursorCodec('seed-only-cursor-secret-0123456789abcdef', clock),
  };
  const apps = createAreaApps(db, tables, platform);
  const tokens = new Map<string, string>();
  const tokenOf = async (as: string) => {
    const user = DEMO_USERS.find((u) => u.username === as);
    if (!user) throw new Error(`No demo user ${as}`);
    if (!tokens.has(as))
      tokens.set(
        as,
        await issuer.sign(user, {
          exp: Math.floor(realNow.getTime() / 1000) + 3600,
          // Tokens are checked against the real clock (at most a day old), whatever the seed's clock says.
          iat: Math.floor(realNow.getTime() / 1000) - 60,
        }),
      );
    return tokens.get(as) as string;
  };
  return {
    realNow,
    now: clock,
    at(ms) {
      now = new Date(ms);
    },
    async call<T>(as: string, method: string, path: string, body?: unknown, headers = {}) {
      const token = await tokenOf(as);
      const area = areaForPath(path);
      if (!area) throw new Error(`No area for ${path}`);
      const res = await apps[area].request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok)
        throw new Error(`Seeding: ${method} ${path} as ${as} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}
