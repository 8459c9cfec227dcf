import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { openApiDocument } from '../../functions/directory/openapi.ts';
import { createDirectoryAccessCheck } from '../../functions/platform/access.ts';
import { createAuditWriter } from '../../functions/platform/audit.ts';
import { createDocumentClient } from '../../functions/platform/dynamo.ts';
import type { PlatformDeps } from '../../functions/platform/http.ts';
import { createTokenVerifier } from '../../functions/platform/identity.ts';
import { createLogger } from '../../functions/platform/logger.ts';
import { createCursorCodec } from '../../functions/platform/pagination.ts';
import { createAreaApps } from '../../infra/local/areas.ts';
import { localTableNames } from '../../infra/local/tables.ts';
import { areaForPath } from '../../shared/deployment/routes.ts';
import { AREAS, type Area, TABLE_IDS, type TableId } from '../../shared/deployment/tables.ts';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from '../../shared/platform/problem.ts';
import { TEST_ISSUER, type TestApi } from './api.ts';

/**
 * Shared pieces of the security suites (test/security, SECURITY.md): the callers of the authorization
 * matrix, the routes the apps really answer, problem+json and leak checks, store snapshots (a Scan, in
 * tests only) and the figures each suite prints at the end of the run.
 */

/** Every kind of caller the matrix knows: the portal's roles, the anonymous caller and two edge cases. */
export const CALLERS = [
  'anonymous',
  'noRole',
  'noAgency',
  'referrerA',
  'referrerB',
  'triage',
  'frontDoorManager',
  'board',
  'editor',
  'directoryEditor',
  'providerEditor',
  'admin',
] as const;
export type Caller = (typeof CALLERS)[number];

/** The front door's callers: its member and its manager, who reads all it reads. */
export const isFrontDoor = (caller: Caller) => caller === 'triage' || caller === 'frontDoorManager';

/** Agency A is Brookfield Primary (amira's); agency B is Northshire Police (dan's). */
export const AGENCY_A = 'brookfield-primary';
export const AGENCY_B = 'northshire-police';

/** The agency each signed-in caller belongs to (null: none, by token). */
export const CALLER_AGENCY: Record<Caller, string | null> = {
  anonymous: null,
  noRole: AGENCY_A,
  noAgency: null,
  referrerA: AGENCY_A,
  referrerB: AGENCY_B,
  triage: 'northshire-front-door',
  frontDoorManager: 'northshire-front-door',
  board: 'northshire-partnership',
  editor: 'northshire-partnership',
  directoryEditor: 'northshire-partnership',
  providerEditor: 'harbour-family-support',
  admin: 'northshire-council',
};

/** One token per caller, each with exactly one role (or none; the manager has the front door's too), signed by the run's test issuer. */
export async function callerTokens(api: TestApi): Promise<Record<Caller, string | undefined>> {
  return {
    anonymous: undefined,
    noRole: await api.tokenFor('amira', { 'cognito:groups': [] }),
    noAgency: await api.tokenFor('priya', { agencyId: undefined }),
    referrerA: await api.tokenFor('amira'),
    referrerB: await api.tokenFor('dan'),
    triage: await api.tokenFor('grace', { 'cognito:groups': ['triage'] }),
    // A manager is the front door with one power more (reassigning): grace as she is seeded.
    frontDoorManager: await api.tokenFor('grace'),
    board: await api.tokenFor('helen'),
    editor: await api.tokenFor('tom', { 'cognito:groups': ['guidance-editor'] }),
    directoryEditor: await api.tokenFor('ruth'),
    providerEditor: await api.tokenFor('kofi'),
    admin: await api.tokenFor('sam'),
  };
}

export interface RouterRoute {
  method: string;
  /** OpenAPI style: `/api/referrals/{id}`. */
  path: string;
  area: Area;
}

/** What the four apps' routers really answer (not what any list says), deduplicated. */
export function routerRoutes(): RouterRoute[] {
  const db = createDocumentClient({ endpoint: 'http://127.0.0.1:9', region: 'eu-west-2' });
  const apps = createAreaApps(db, localTableNames('routes-'), {} as PlatformDeps);
  db.destroy();
  const seen = new Map<string, RouterRoute>();
  for (const area of AREAS) {
    for (const route of apps[area].routes) {
      if (route.method === 'ALL') continue;
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      seen.set(`${route.method} ${path}`, { method: route.method, path, area });
    }
  }
  return [...seen.values()];
}

/** `METHOD /path` for each operation in the published OpenAPI document. */
export function documentedRoutes(): string[] {
  const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

export interface Snapshot {
  /** Per table: `pk|sk` → the item as JSON. */
  tables: Record<TableId, Map<string, string>>;
}

/** Reads every table in full with a Scan: tests only, never in a request path. */
export async function snapshot(
  db: DynamoDBDocumentClient,
  tables: Record<TableId, string>,
): Promise<Snapshot> {
  const result = {} as Snapshot['tables'];
  for (const id of TABLE_IDS) {
    const items = new Map<string, string>();
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new ScanCommand({ TableName: tables[id], ExclusiveStartKey: start, ConsistentRead: true }),
      );
      for (const item of page.Items ?? []) items.set(`${item.pk}|${item.sk}`, JSON.stringify(item));
      start = page.LastEvaluatedKey;
    } while (start);
    result[id] = items;
  }
  return { tables: result };
}

/** Keys added, removed or changed between two snapshots, as `table: pk|sk (added)`. */
export function snapshotChanges(
  before: Snapshot,
  after: Snapshot,
  ignore: (table: TableId, key: string) => boolean = () => false,
): string[] {
  const changes: string[] = [];
  for (const id of TABLE_IDS) {
    const a = before.tables[id];
    const b = after.tables[id];
    for (const [key, value] of b) {
      if (ignore(id, key)) continue;
      if (!a.has(key)) changes.push(`${id}: ${key} (added)`);
      else if (a.get(key) !== value) changes.push(`${id}: ${key} (changed)`);
    }
    for (const key of a.keys()) if (!b.has(key) && !ignore(id, key)) changes.push(`${id}: ${key} (removed)`);
  }
  return changes;
}

export function itemCounts(s: Snapshot): Record<TableId, number> {
  return Object.fromEntries(TABLE_IDS.map((id) => [id, s.tables[id].size])) as Record<TableId, number>;
}

/** What is wrong with an error response as problem+json (RFC 9457), or nothing. */
export function problemIssues(res: Response, text: string): string[] {
  const issues: string[] = [];
  if (res.headers.get('content-type') !== PROBLEM_CONTENT_TYPE)
    issues.push(`content-type ${res.headers.get('content-type')}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [...issues, 'body is not JSON'];
  }
  const parsed = ProblemSchema.safeParse(body);
  if (!parsed.success) return [...issues, `not a problem: ${parsed.error.issues[0]?.message}`];
  if (parsed.data.status !== res.status) issues.push(`status ${parsed.data.status} in a ${res.status}`);
  if (!parsed.data.title) issues.push('no title');
  if (!parsed.data.requestId || parsed.data.requestId !== res.headers.get('x-request-id'))
    issues.push('requestId missing or not the x-request-id');
  if (res.status === 401 && res.headers.get('www-authenticate') !== 'Bearer')
    issues.push('401 without WWW-Authenticate: Bearer');
  if (res.status === 503 && !/^\d+$/.test(res.headers.get('retry-after') ?? ''))
    issues.push('503 without Retry-After');
  return issues;
}

/**
 * Signs of internals in a response body: stack frames, file paths, JavaScript error names, the
 * store's or AWS's names. Echoes of what the caller sent are removed first (a refusal may name the
 * value it refused), so only what the server added is judged.
 */
const LEAK_PATTERNS: readonly [string, RegExp][] = [
  ['stack frame', /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:|node:|\/)[^)\s]*:\d+(?::\d+)?\)?/],
  ['stack frame', /\n\s+at /],
  [
    'file path',
    /(?:\/work\/|\/home\/|\/var\/task|\/opt\/|node_modules|file:\/\/|[\w-]+\.(?:ts|js|mjs|cjs):\d+)/,
  ],
  [
    'error name',
    /\b(?:TypeError|RangeError|SyntaxError|ReferenceError|EvalError|URIError|AggregateError|ZodError|JOSEError|JWSInvalid|JWTExpired|HTTPException)\b/,
  ],
  ['error prefix', /\bError: /],
  [
    'store internals',
    /\b(?:DynamoDB|dynamodb|ConditionalCheckFailed|TransactionCanceled|TransactionConflict|ValidationException|ResourceNotFoundException|ProvisionedThroughputExceeded|ThrottlingException|ServiceUnavailable|TimeoutError|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ExclusiveStartKey|LastEvaluatedKey|KeyConditionExpression|amazonaws|aws-sdk|@smithy|\$metadata)\b/,
  ],
  ['key names', /"(?:pk|sk|gsi1pk|gsi1sk|gsi2pk|gsi2sk)"\s*:/],
  ['object text', /\[object \w+\]/],
];

export function leaksIn(text: string, inputs: readonly string[] = []): string[] {
  let judged = text;
  const echoes = new Set<string>();
  for (const input of inputs) {
    for (const s of [input, input.trim(), input.normalize('NFKC').toLowerCase()]) {
      if (s.length < 2) continue;
      echoes.add(JSON.stringify(s).slice(1, -1));
      echoes.add(s);
    }
  }
  for (const echo of [...echoes].sort((a, b) => b.length - a.length)) {
    if (judged.includes(echo)) judged = judged.split(echo).join('«echo»');
  }
  return LEAK_PATTERNS.filter(([, pattern]) => pattern.test(judged)).map(
    ([name, pattern]) => `${name}: ${judged.match(pattern)?.[0]}`,
  );
}

/** Every string in a JSON value, and the keys of its objects: what a response may echo back. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsIn(v, out);
    }
  }
  return out;
}

export interface StoreWrite {
  command: string;
  /** Each item written: its table, key and (for the audit table) outcome. */
  items: { table: string; key: string; outcome?: unknown }[];
}

/**
 * Records every write that the store accepted, so a test can say which writes a request made.
 * Requests must run one at a time for the attribution to hold.
 */
export function trackWrites(db: DynamoDBDocumentClient): { take(): StoreWrite[] } {
  let writes: StoreWrite[] = [];
  type Input = {
    TableName?: string;
    Item?: Record<string, unknown>;
    Key?: Record<string, unknown>;
    TransactItems?: Record<
      string,
      { TableName: string; Item?: Record<string, unknown>; Key?: Record<string, unknown> }
    >[];
    RequestItems?: Record<string, unknown[]>;
  };
  const keyOf = (item?: Record<string, unknown>) => (item ? `${item.pk}|${item.sk}` : '?');
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const command = String(context.commandName);
      if (
        !/^(Put|Update|Delete|TransactWrite|BatchWrite|ExecuteStatement|BatchExecuteStatement)/.test(command)
      )
        return result;
      const input = args.input as Input;
      const items: StoreWrite['items'] = [];
      if (input.TransactItems) {
        for (const entry of input.TransactItems) {
          for (const [kind, op] of Object.entries(entry)) {
            if (kind === 'ConditionCheck') continue;
            const item = op.Item ?? op.Key;
            items.push({ table: op.TableName, key: keyOf(item), outcome: op.Item?.outcome });
          }
        }
      } else if (input.RequestItems) {
        for (const table of Object.keys(input.RequestItems)) items.push({ table, key: '(batch)' });
      } else {
        items.push({
          table: input.TableName ?? '?',
          key: keyOf(input.Item ?? input.Key),
          outcome: input.Item?.outcome,
        });
      }
      writes.push({ command, items });
      return result;
    },
    { step: 'initialize', name: `securityWriteTracker${Math.random()}` },
  );
  return {
    take() {
      const taken = writes;
      writes = [];
      return taken;
    },
  };
}

/**
 * The four apps over another document client (a mocked one, or one pointed at a dead endpoint),
 * against the same tables and issuer as `api`, routed by path as API Gateway routes them.
 */
export async function appsOver(
  api: TestApi,
  db: DynamoDBDocumentClient,
  options: { clock?: () => Date; jwks?: JSONWebKeySet } = {},
): Promise<{
  request(
    method: string,
    path: string,
    init?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  fetch(path: string, init: RequestInit): Promise<Response>;
  logs: string[];
}> {
  const clock = options.clock ?? (() => new Date());
  const jwks =
    options.jwks ??
    ((await (await api.issuer.app.request('/.well-known/jwks.json')).json()) as JSONWebKeySet);
  const logs: string[] = [];
  const platform: PlatformDeps = {
    verifyToken: createTokenVerifier({
      issuer: TEST_ISSUER,
      clientId: api.issuer.clientId,
      keys: createLocalJWKSet(jwks),
    }),
    access: createDirectoryAccessCheck(db, api.store.tables.directory, { clock }),
    audit: createAuditWriter(db, api.store.tables.audit, clock),
    clock,
    logger: createLogger({ level: 'debug', write: (line) => logs.push(line) }),
    cursors: createCursorCodec('test-cursor-secret-of-at-least-32-characters', clock),
  };
  const apps = createAreaApps(db, api.store.tables, platform);
  const fetch = (path: string, init: RequestInit) => {
    const area = areaForPath(new URL(path, 'http://x').pathname);
    if (!area) throw new Error(`No area serves ${path}`);
    return Promise.resolve(apps[area].request(path, init));
  };
  return {
    logs,
    fetch,
    request(method, path, { token, body, headers = {} } = {}) {
      return fetch(path, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    },
  };
}

/** Where each suite leaves its figures; the summary reporter prints them after the run. */
export const FIGURES_DIR = join(process.cwd(), '.test-out', 'security');

/** Leaves a suite's figures, and one line saying what they prove, for the end of the run. */
export function recordFigures(
  suite: string,
  figures: Record<string, number | string>,
  summary: string,
): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(
    join(FIGURES_DIR, `${suite}.json`),
    `${JSON.stringify({ suite, summary, ...figures }, null, 2)}\n`,
  );
}

/** A route's path with sample parameters: a well-formed id that names no record, version 1. */
export function samplePath(path: string): string {
  return path
    .replace('{id}', '01JAAAAAAAAAAAAAAAAAAAAAAA')
    .replace('{referralId}', '01JAAAAAAAAAAAAAAAAAAAAAAA')
    .replace('{version}', '1');
}

export interface SdkTimeouts {
  maxAttempts: number;
  connectionTimeout: number;
  requestTimeout: number;
  /** Without it the SDK only warns when a request runs past `requestTimeout`, and waits on. */
  throwOnRequestTimeout: boolean;
}

/** The timeouts a DynamoDB client was made with (functions/platform/dynamo.ts). */
export async function sdkTimeouts(client: DynamoDBDocumentClient): Promise<SdkTimeouts> {
  const config = client.config as unknown as {
    maxAttempts: () => Promise<number>;
    requestHandler: { configProvider: Promise<Partial<SdkTimeouts>> };
  };
  const handler = await config.requestHandler.configProvider;
  return {
    maxAttempts: await config.maxAttempts(),
    connectionTimeout: handler.connectionTimeout ?? 0,
    requestTimeout: handler.requestTimeout ?? 0,
    throwOnRequestTimeout: handler.throwOnRequestTimeout === true,
  };
}

/**
 * The longest one store call can take before the SDK gives up, in milliseconds: every attempt but
 * the last either times out (then waits up to 100 ms × 2^i) or is throttled at once (then waits up
 * to 1 s × 2^i, the SDK's throttling back-off), and the last times out. Infinite if a request that
 * hangs is never cut off.
 */
export function sdkWorstCaseMs(t: SdkTimeouts): number {
  if (!t.throwOnRequestTimeout || !t.requestTimeout) return Number.POSITIVE_INFINITY;
  const timeout = t.connectionTimeout + t.requestTimeout;
  let worst = 0;
  for (let mix = 0; mix < 2 ** (t.maxAttempts - 1); mix++) {
    let total = timeout;
    for (let i = 0; i < t.maxAttempts - 1; i++) {
      const throttled = (mix >> i) & 1;
      total += throttled ? 1_000 * 2 ** i : timeout + 100 * 2 ** i;
    }
    worst = Math.max(worst, total);
  }
  return worst;
}

/**
 * The paths of `shown` that a read by the same caller does not carry (`decision.rationale`,
 * `possibleDuplicates[].agencyId`), at any depth; array items are compared as one shape. Values are
 * not compared: a conflict may show a later version than the read.
 */
export function fieldsBeyond(shown: unknown, read: unknown): string[] {
  const paths = (value: unknown, at: string, out: Set<string>): Set<string> => {
    if (Array.isArray(value)) for (const item of value) paths(item, `${at}[]`, out);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        const path = at ? `${at}.${key}` : key;
        out.add(path);
        paths(v, path, out);
      }
    }
    return out;
  };
  const readable = paths(read, '', new Set());
  return [...paths(shown, '', new Set())].filter((path) => !readable.has(path));
}

/**
 * Holds the first transaction that touches an item whose partition key `matches` until `meanwhile`
 * has finished, then sends it: a race whose loser is decided in the store itself (the loser read the
 * record before the winner wrote), whatever the machine's speed. Returns a function that removes it.
 */
export function holdFirstWrite(
  db: DynamoDBDocumentClient,
  matches: (pk: string) => boolean,
  meanwhile: () => Promise<unknown>,
): () => void {
  const name = `holdFirstWrite${Math.random()}`;
  let armed = true;
  type Op = { Item?: { pk?: unknown }; Key?: { pk?: unknown } };
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const items = (args.input as { TransactItems?: Record<string, Op>[] }).TransactItems ?? [];
      const touches = items.some((entry) =>
        Object.values(entry).some((op) => {
          const pk = (op.Item ?? op.Key)?.pk;
          return typeof pk === 'string' && matches(pk);
        }),
      );
      if (armed && /^TransactWrite/.test(String(context.commandName)) && touches) {
        armed = false;
        await meanwhile();
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  return () => {
    db.middlewareStack.remove(name);
  };
}
