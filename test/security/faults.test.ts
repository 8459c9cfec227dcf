import { createServer, type Server, type Socket } from 'node:net';
import {
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, STORE_TIMEOUTS } from '../../functions/platform/dynamo.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { fixtures } from '../support/security-fixtures.ts';
import {
  appsOver,
  type Caller,
  callerTokens,
  leaksIn,
  problemIssues,
  recordFigures,
  type Snapshot,
  sdkTimeouts,
  sdkWorstCaseMs,
  snapshot,
  snapshotChanges,
} from '../support/security-harness.ts';
import { type PreparedWrite, WRITE_ROUTES } from '../support/security-routes.ts';

/**
 * Faults: the store throttled, timing out or unavailable on every write path.
 * The apps run over a DynamoDB client mocked with aws-sdk-client-mock that passes each command to
 * the real DynamoDB Local, except the N-th, which fails; every N from the first command to the last
 * is tried. Each failure must answer 503 problem+json with Retry-After, and leave nothing behind:
 * the tables are read back (Scan, test only) and compared with before.
 */
let api: TestApi;
let tokens: Record<Caller, string | undefined>;
let fx: ReturnType<typeof fixtures>;
let faulty: DynamoDBDocumentClient;
let apps: Awaited<ReturnType<typeof appsOver>>;
const started = performance.now();
const figures = {
  writePaths: 0,
  faultsInjected: 0,
  answered503: 0,
  /** Faults in a read the answer can do without (the checker's services): it says what it left out. */
  answeredWithout: 0,
  otherAnswers: 0,
  halfWritten: 0,
  leaks: 0,
  sdkWorstCaseMs: 0,
  blackHoleGaveUpMs: 0,
};

type Failure = (command: string) => Error;
const plan: { failAt: number; failure: Failure; count: number; commands: string[] } = {
  failAt: 0,
  failure: () => new Error('unset'),
  count: 0,
  commands: [],
};

const awsError = (name: string, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 }, ...extra });

/** What a throttled, slow or absent store throws, as the SDK throws it once its retries are spent. */
const FAULTS: [string, Failure][] = [
  [
    'ProvisionedThroughputExceededException',
    () =>
      new ProvisionedThroughputExceededException({
        message: 'Rate of requests exceeds the allowed throughput.',
        $metadata: {},
      }),
  ],
  [
    'ThrottlingException',
    () => awsError('ThrottlingException', 'Rate exceeded', { $retryable: { throttling: true } }),
  ],
  [
    'RequestLimitExceeded',
    () => new RequestLimitExceeded({ message: 'Throughput exceeds the account limit.', $metadata: {} }),
  ],
  [
    'TimeoutError',
    () =>
      Object.assign(new Error('Request timed out after 1500 ms'), {
        name: 'TimeoutError',
        code: 'ETIMEDOUT',
      }),
  ],
  [
    'ServiceUnavailable',
    () =>
      awsError('ServiceUnavailable', 'Service Unavailable', {
        $fault: 'server',
        $metadata: { httpStatusCode: 503 },
      }),
  ],
  ['InternalServerError', () => new InternalServerError({ message: 'Internal server error', $metadata: {} })],
  [
    'ECONNREFUSED',
    () =>
      Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), {
        code: 'ECONNREFUSED',
        errno: -111,
        syscall: 'connect',
      }),
  ],
  ['ECONNRESET', () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
  [
    // A transaction DynamoDB cancels because an item or index was throttled: not retried by the SDK.
    'TransactionCanceledException [ThrottlingError]',
    (command) =>
      command === 'TransactWriteCommand'
        ? new TransactionCanceledException({
            message:
              'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ThrottlingError]',
            $metadata: {},
            CancellationReasons: [
              { Code: 'None' },
              {
                Code: 'ThrottlingError',
                Message: 'Throughput exceeds the current capacity of your table or index.',
              },
            ],
          })
        : new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} }),
  ],
];

const COMMANDS = [
  GetCommand,
  PutCommand,
  UpdateCommand,
  DeleteCommand,
  QueryCommand,
  TransactWriteCommand,
  BatchGetCommand,
  BatchWriteCommand,
] as const;

beforeAll(async () => {
  api = await createTestApi();
  tokens = await callerTokens(api);
  fx = fixtures(api);
  // The apps' own client: every command goes on to DynamoDB Local through `real`, but the planned one fails.
  faulty = createDocumentClient({ endpoint: api.store.endpoint, region: 'eu-west-2' });
  const real = api.store.db;
  const mock = mockClient(faulty);
  for (const Command of COMMANDS) {
    mock.on(Command as never).callsFake(async (input: Record<string, unknown>) => {
      plan.count++;
      plan.commands.push(Command.name);
      if (plan.count === plan.failAt) {
        figures.faultsInjected++;
        throw plan.failure(Command.name);
      }
      const Real = Command as unknown as new (i: Record<string, unknown>) => GetCommand;
      return real.send(new Real(input));
    });
  }
  apps = await appsOver(api, faulty);
});

afterAll(async () => {
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const f = figures;
  recordFigures(
    'faults',
    { ...f, seconds },
    `${f.faultsInjected} store faults on ${f.writePaths} write paths: ${f.answered503} answered 503 with Retry-After, ` +
      `${f.answeredWithout} answered without what they could not read, ${f.otherAnswers} otherwise, ${f.halfWritten} half-written, ${f.leaks} leaks; a hung store is given up on ` +
      `within ${f.sdkWorstCaseMs} ms (measured: ${f.blackHoleGaveUpMs} ms) (${seconds} s)`,
  );
  faulty?.destroy();
  await api?.close();
});

/**
 * Nothing about a referral or an episode counts as written but the year's reference counter: a
 * spent number, not a record.
 */
const spentReference = (table: string, key: string) =>
  (table === 'referrals' || table === 'early-help') && /^REFERENCE#\d{4}\|COUNTER$/.test(key);

/**
 * A read another area made on the way (starting an episode reads its referral through the referrals
 * API) is audited as it happens, whatever follows: its entry records what was read, not a change.
 */
function readOnTheWay(before: Snapshot, after: Snapshot, table: string, key: string): boolean {
  if (table !== 'audit' || before.tables.audit.has(key)) return false;
  const entry = JSON.parse(after.tables.audit.get(key) ?? '{}') as { action?: string; outcome?: string };
  return entry.outcome === 'allowed' && entry.action === 'referral.read';
}

async function send(write: (typeof WRITE_ROUTES)[number], prepared: PreparedWrite): Promise<Response> {
  const [method] = write.route.split(' ') as [string];
  const token = tokens[write.as];
  return apps.request(method, prepared.path, {
    ...(token ? { token } : {}),
    ...(prepared.body !== undefined ? { body: prepared.body } : {}),
    headers: prepared.headers ?? {},
  });
}

describe('the store failing on the N-th command of every write path', () => {
  for (const [index, write] of WRITE_ROUTES.entries()) {
    it(`${write.route}: 503 with Retry-After at every command, nothing half-written, then succeeds`, async () => {
      figures.writePaths++;
      const prepared = await write.prepare(fx);
      const wrong: string[] = [];
      for (let n = 1; n <= 30; n++) {
        const [kind, failure] = FAULTS[(n + index) % FAULTS.length] as [string, Failure];
        const before = await snapshot(api.store.db, api.store.tables);
        Object.assign(plan, { failAt: n, failure, count: 0, commands: [] });
        const res = await send(write, prepared);
        const text = await res.text();
        plan.failAt = 0;
        if (plan.count < n) {
          // What the faults left wrong first: a write that landed before its 503 makes this one a 409.
          expect(wrong).toEqual([]);
          // Fewer than N commands: nothing failed, and the request did what it should.
          expect(res.status, `${write.route} without a fault: ${text.slice(0, 300)}`).toBe(write.ok);
          expect(n, 'the path made at least one store call').toBeGreaterThan(1);
          break;
        }
        const at = `${kind} on command ${n} (${plan.commands[n - 1]})`;
        if (res.status === 503) figures.answered503++;
        else if (write.answersWithout?.(res.status, text)) figures.answeredWithout++;
        else {
          figures.otherAnswers++;
          wrong.push(`${at}: answered ${res.status} ${text.slice(0, 200)}`);
        }
        if (res.status !== write.ok) wrong.push(...problemIssues(res, text).map((i) => `${at}: ${i}`));
        const leaks = leaksIn(text);
        figures.leaks += leaks.length;
        wrong.push(...leaks.map((l) => `${at}: leaks ${l}`));
        const after = await snapshot(api.store.db, api.store.tables);
        const changes = snapshotChanges(
          before,
          after,
          (table, key) => spentReference(table, key) || readOnTheWay(before, after, table, key),
        );
        if (changes.length) {
          figures.halfWritten++;
          wrong.push(`${at}: left ${changes.join(', ')}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('answers every kind of fault with 503 on the transaction that creates a referral', async () => {
    const create = WRITE_ROUTES.find((w) => w.route === 'POST /api/referrals');
    if (!create) throw new Error('no create route');
    const prepared = await create.prepare(fx);
    // Find which command is the transaction.
    Object.assign(plan, { failAt: 0, count: 0, commands: [] });
    const probe = await create.prepare(fx);
    expect((await send(create, probe)).status).toBe(201);
    const transaction = plan.commands.indexOf('TransactWriteCommand') + 1;
    expect(transaction).toBeGreaterThan(0);
    for (const [kind, failure] of FAULTS) {
      const before = await snapshot(api.store.db, api.store.tables);
      Object.assign(plan, { failAt: transaction, failure, count: 0, commands: [] });
      const res = await send(create, prepared);
      plan.failAt = 0;
      expect(res.status, kind).toBe(503);
      figures.answered503++;
      expect(res.headers.get('retry-after'), kind).toMatch(/^\d+$/);
      const changes = snapshotChanges(before, await snapshot(api.store.db, api.store.tables), spentReference);
      expect(changes, kind).toEqual([]);
    }
    expect((await send(create, prepared)).status).toBe(201);
  });

  it('keeps the store’s words out of the logs too: only the error’s name', () => {
    const lines = apps.logs.filter((l) => l.includes('store unavailable'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(entry).sort()).toEqual(['error', 'level', 'message', 'requestId', 'time']);
      expect(line).not.toMatch(/Rate of requests|ECONNREFUSED 10\.0\.0\.1|cancellation reasons/);
    }
  });
});

describe('a store that is really not there', () => {
  const listen = (onConnection: (socket: Socket) => void) =>
    new Promise<{ server: Server; port: number; sockets: Set<Socket> }>((resolve) => {
      const sockets = new Set<Socket>();
      const server = createServer((socket) => {
        sockets.add(socket);
        onConnection(socket);
      });
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve({ server, port: typeof address === 'object' && address ? address.port : 0, sockets });
      });
    });

  it('gives up on a store that accepts connections but never answers, in time to answer 503 itself', async () => {
    // A black hole: the connection opens, the request goes in, nothing ever comes back.
    const { server, port, sockets } = await listen(() => {});
    // With the timeouts the functions use in AWS (a local store is given longer).
    const client = createDocumentClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'eu-west-2',
      timeouts: STORE_TIMEOUTS,
    });
    const budget = sdkWorstCaseMs(await sdkTimeouts(client));
    figures.sdkWorstCaseMs = budget;
    expect(budget, 'a hung request is cut off (throwOnRequestTimeout) and retries are bounded').toBeLessThan(
      10_000,
    );
    try {
      const hung = await appsOver(api, client);
      const started = performance.now();
      const res = await Promise.race([
        hung.request('POST', '/api/agencies', {
          token: tokens.admin,
          body: { name: 'Black Hole Agency', kind: 'other' },
        }),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('still waiting after 20 s')), 20_000),
        ),
      ]);
      const took = performance.now() - started;
      figures.blackHoleGaveUpMs = Math.round(took);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(took).toBeLessThan(budget + 1_000);
    } finally {
      client.destroy();
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  }, 60_000);

  it('answers 503 on every write path when nothing listens (connection refused), writing nothing', async () => {
    const { server, port } = await listen(() => {});
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = createDocumentClient({ endpoint: `http://127.0.0.1:${port}`, region: 'eu-west-2' });
    try {
      const gone = await appsOver(api, client);
      const before = await snapshot(api.store.db, api.store.tables);
      for (const write of WRITE_ROUTES) {
        const prepared = await write.prepare(fx);
        const mid = await snapshot(api.store.db, api.store.tables);
        const [method] = write.route.split(' ') as [string];
        const token = tokens[write.as];
        const res = await gone.request(method, prepared.path, {
          ...(token ? { token } : {}),
          ...(prepared.body !== undefined ? { body: prepared.body } : {}),
          headers: prepared.headers ?? {},
        });
        const text = await res.text();
        expect(res.status, `${write.route}: ${text.slice(0, 200)}`).toBe(503);
        expect(problemIssues(res, text)).toEqual([]);
        expect(snapshotChanges(mid, await snapshot(api.store.db, api.store.tables))).toEqual([]);
      }
      expect(before).toBeDefined();
    } finally {
      client.destroy();
    }
  });
});
