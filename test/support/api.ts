import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll } from 'vitest';
import {
  type AccessCheck,
  createAccessCheck,
  createStandingReader,
} from '../../functions/platform/access.ts';
import { createAuditWriter } from '../../functions/platform/audit.ts';
import type { PlatformDeps } from '../../functions/platform/http.ts';
import { createTokenVerifier } from '../../functions/platform/identity.ts';
import { createLogger } from '../../functions/platform/logger.ts';
import type { MetricWriter } from '../../functions/platform/metrics.ts';
import { createCursorCodec } from '../../functions/platform/pagination.ts';
import { createAreaApps, DEFAULT_ATTACHMENTS_DIR } from '../../infra/local/areas.ts';
import {
  createLocalAttachmentStore,
  type LocalAttachmentStore,
} from '../../infra/local/attachment-storage-local.ts';
import { createDevIssuer, type DevIssuer } from '../../infra/local/dev-auth.ts';
import { DEMO_USERS, type DemoUser } from '../../infra/seed/demo-data.ts';
import { seedDemoData } from '../../infra/seed/seed.ts';
import { areaForPath } from '../../shared/deployment/routes.ts';
import type { Area } from '../../shared/deployment/tables.ts';
import { createTestStore, type TestStore } from './store.ts';
import { STUB_ASSETS } from './stub-site.ts';

export const TEST_ISSUER = 'https://issuer.test/auth/dev';

export interface RequestOptions {
  /** A demo username to sign in as, or a raw token. */
  as?: string;
  token?: string;
  body?: unknown;
  /** Sent as is, for malformed-body tests. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestApi {
  store: TestStore;
  issuer: DevIssuer;
  /** The apps' check of each caller's standing (agency active, person not suspended), shared by the four. */
  access: AccessCheck;
  /** Captured log lines, to check nothing personal is written. */
  logs: string[];
  /** Every command sent to the store, with the table or index it named (for "one Query, no Scan" checks). */
  storeCalls: { command: string; table?: string; index?: string }[];
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  /** A request to an upload or download address the attachments storage gave (answered in-process). */
  storage(url: string, init?: RequestInit): Promise<Response>;
  tokenFor(username: string, claims?: Record<string, unknown>): Promise<string>;
  user(username: string): DemoUser;
  close(): Promise<void>;
}

/**
 * The four area apps wired to fresh tables in DynamoDB Local, called in-process through
 * `app.request()` and routed by path exactly as API Gateway and the local runtime route them.
 * Tokens are signed by a test issuer and verified against its published JWKS.
 */
export async function createTestApi(
  options: {
    seed?: boolean;
    clock?: () => Date;
    attachments?: LocalAttachmentStore;
    /** Where the apps' per-request metrics go: nowhere unless given (a test captures them). */
    metrics?: MetricWriter;
  } = {},
): Promise<TestApi> {
  const store = await createTestStore();
  const clock = options.clock ?? (() => new Date());
  // Agencies and guidance only: each test file makes the referrals and actions it reasons about.
  if (options.seed !== false) await seedDemoData(store.db, store.tables, { clock, activity: false });
  const standing = createStandingReader(store.db, store.tables.directory);
  const issuer = await createDevIssuer(TEST_ISSUER, undefined, { standing });
  const jwks = (await (await issuer.app.request('/.well-known/jwks.json')).json()) as JSONWebKeySet;
  const logs: string[] = [];
  const storeCalls: TestApi['storeCalls'] = [];
  store.db.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TableName?: string; IndexName?: string };
      storeCalls.push({
        command: String(context.commandName),
        table: input.TableName,
        index: input.IndexName,
      });
      return next(args);
    },
    { step: 'initialize', name: 'recordStoreCalls' },
  );
  const access = createAccessCheck(standing, { clock });
  const platform: PlatformDeps = {
    verifyToken: createTokenVerifier({
      issuer: TEST_ISSUER,
      clientId: issuer.clientId,
      keys: createLocalJWKSet(jwks),
    }),
    access,
    audit: createAuditWriter(store.db, store.tables.audit, clock),
    clock,
    logger: createLogger({ level: 'debug', write: (line) => logs.push(line) }),
    cursors: createCursorCodec('test-cursor-secret-of-at-least-32-characters', clock),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };
  // Attached documents in the local runtime's folder, its upload and download addresses answered in-process.
  const documents =
    options.attachments ??
    createLocalAttachmentStore({
      dir: DEFAULT_ATTACHMENTS_DIR,
      baseUrl: () => 'http://attachments.test',
      clock,
    });
  const apps = createAreaApps(store.db, store.tables, platform, {
    pageAssets: STUB_ASSETS,
    attachments: documents.storage,
  });
  const user = (username: string) => {
    const found = DEMO_USERS.find((u) => u.username === username);
    if (!found) throw new Error(`No demo user ${username}`);
    return found;
  };
  const tokenFor = (username: string, claims?: Record<string, unknown>) =>
    issuer.sign(user(username), claims);

  return {
    store,
    issuer,
    access,
    logs,
    storeCalls,
    user,
    tokenFor,
    async request(method, path, { as, token, body, rawBody, headers = {} } = {}) {
      const area: Area | undefined = areaForPath(new URL(path, 'http://x').pathname);
      if (!area) throw new Error(`No area serves ${path}`);
      const bearer = token ?? (as ? await tokenFor(as) : undefined);
      const init: RequestInit = {
        method,
        headers: {
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(rawBody !== undefined
          ? { body: rawBody }
          : body !== undefined
            ? { body: JSON.stringify(body) }
            : {}),
      };
      return apps[area].request(path, init);
    },
    storage: async (url, init) => documents.app.request(url, init),
    close: () => store.drop(),
  };
}

/**
 * A test API for the whole file on a clock its tests move: made before the file's tests, closed after.
 * `api` stands for it from the start (it reaches the one made once the file's beforeAll has run), so a
 * file needs no variable of its own; `ready` is given the API as soon as it is made, for set-up that
 * needs the API itself. `at` moves the clock and `now` reads it.
 */
export function clockedTestApi(start: string, ready?: (api: TestApi) => void) {
  let clock = new Date(start);
  let made: TestApi | undefined;
  beforeAll(async () => {
    made = await createTestApi({ clock: () => clock });
    ready?.(made);
  });
  afterAll(async () => made?.close());
  const current = () => {
    if (!made) throw new Error('The test API is made in beforeAll: use it inside a hook or a test');
    return made;
  };
  const api: TestApi = {
    get store() {
      return current().store;
    },
    get issuer() {
      return current().issuer;
    },
    get access() {
      return current().access;
    },
    get logs() {
      return current().logs;
    },
    get storeCalls() {
      return current().storeCalls;
    },
    request: (method, path, options) => current().request(method, path, options),
    storage: (url, init) => current().storage(url, init),
    tokenFor: (username, claims) => current().tokenFor(username, claims),
    user: (username) => current().user(username),
    close: () => current().close(),
  };
  return {
    api,
    at: (iso: string) => {
      clock = new Date(iso);
    },
    now: () => clock,
  };
}

/** The audit entries in one entity's own trail (`ENTITY#<type>#<id>`), oldest first. */
export async function auditTrail<Entry = Record<string, unknown>>(
  api: TestApi,
  type: string,
  id: string,
): Promise<Entry[]> {
  const { Items } = await api.store.db.send(
    new QueryCommand({
      TableName: api.store.tables.audit,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `ENTITY#${type}#${id}` },
    }),
  );
  return (Items ?? []) as Entry[];
}

/** The audit entries of everything one person did (`ACTOR#<userId>`, the gsi1 index), oldest first. */
export async function actorTrail(api: TestApi, userId: string): Promise<Record<string, unknown>[]> {
  const { Items } = await api.store.db.send(
    new QueryCommand({
      TableName: api.store.tables.audit,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `ACTOR#${userId}` },
    }),
  );
  return Items ?? [];
}
