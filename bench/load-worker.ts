import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { ulid } from 'ulid';
import { type AuditEvent, createAuditWriter } from '../functions/platform/audit.ts';
import { createDocumentClient } from '../functions/platform/dynamo.ts';
import { createDynamoReferralStore } from '../functions/referrals/store.ts';
import type { Role } from '../shared/platform/roles.ts';
import type { Referral, ReferralContent } from '../shared/referrals/schema.ts';
import { recordCommands } from './lib/commands.ts';
import type { DirectJob, HttpJob, LoadJob, LoadResult, WorkerReply, WorkerRequest } from './lib/load.ts';
import { summarize } from './lib/stats.ts';

/**
 * The load generator, in its own process so it never shares an event loop with the portal it
 * measures. Every run is bounded by its duration; HTTP goes only to the loopback URL it is given.
 */

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '[::1]', '::1'].includes(host)) {
    throw new Error(`Refusing to send load to ${host}: the bench only targets this machine`);
  }
}

async function runHttp(job: HttpJob, seconds: number, record: boolean): Promise<LoadResult> {
  assertLoopback(job.url);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const prefix = randomBytes(6).toString('hex');
  let n = 0;
  const instance = autocannon({
    url: job.url,
    connections: job.connections,
    duration: seconds,
    timeout: 10,
    pipelining: 1,
    requests: [
      {
        method: job.method,
        path: job.path,
        headers: job.headers,
        ...(job.body ? { body: job.body } : {}),
        ...(job.freshIdempotencyKey
          ? {
              setupRequest: (request) => ({
                ...request,
                headers: { ...request.headers, 'idempotency-key': `bench-${prefix}-${n++}` },
              }),
            }
          : {}),
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (record && status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  const ok = latencies.length;
  return {
    seconds: result.duration,
    requests: ok,
    perSecond: ok / result.duration,
    latency: summarize(latencies),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses,
    ...(job.keepSamples ? { samples: latencies } : {}),
  };
}

let client: { endpoint: string; db: DynamoDBDocumentClient } | undefined;
function dbFor(endpoint: string): DynamoDBDocumentClient {
  if (client?.endpoint !== endpoint) {
    client?.db.destroy();
    client = { endpoint, db: createDocumentClient({ endpoint, region: 'eu-west-2' }) };
  }
  return client.db;
}

/** The same store calls the referrals handler makes for the operation, with nothing in front of them. */
function directOperation(job: DirectJob): () => Promise<void> {
  const db = dbFor(job.endpoint);
  const clock = () => new Date();
  const store = createDynamoReferralStore(db, job.tables.referrals, job.tables.outbox);
  const audit = createAuditWriter(db, job.tables.audit, clock);
  const actor = job.actor;
  const event = (action: string, type: string, id: string): AuditEvent => ({
    action,
    entity: { type, id },
    outcome: 'allowed' as const,
    actor: { userId: actor.userId, roles: actor.roles as Role[], agencyId: actor.agencyId },
    requestId: randomUUID(),
    sourceIp: '127.0.0.1',
  });
  switch (job.op) {
    case 'read':
      return async () => {
        const id = job.referralId ?? '';
        const referral = await store.get(id);
        if (!referral) throw new Error(`No referral ${id}`);
        await store.timeline(id);
        await audit.append(event('referral.read', 'referral', id));
      };
    case 'list':
      return async () => {
        await store.listForTriage('open', { limit: 50 });
        await audit.append(event('referral.list', 'referral-list', 'triage:open'));
      };
    case 'create': {
      const content = job.content as ReferralContent;
      const prefix = randomBytes(6).toString('hex');
      let n = 0;
      // The app looks the key up before it takes a reference (when its store has that lookup).
      const lookup = (store as { idempotencyRecord?: (userId: string, key: string) => Promise<unknown> })
        .idempotencyRecord;
      return async () => {
        const key = `direct-${prefix}-${n++}`;
        if (lookup) await lookup.call(store, actor.userId, key);
        const requestHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
        const now = clock();
        const at = now.toISOString();
        const id = ulid(now.getTime());
        const referral: Referral = {
          ...content,
          guidanceVersion: 1,
          id,
          reference: await store.nextReference(now.getUTCFullYear()),
          status: 'draft',
          agencyId: actor.agencyId,
          createdBy: { userId: actor.userId, name: actor.name },
          createdAt: at,
          updatedAt: at,
          version: 1,
        };
        const result = await store.create(
          referral,
          { at, kind: 'created', by: { userId: actor.userId, name: actor.name, agencyId: actor.agencyId } },
          audit.putItem(event('referral.create', 'referral', id)),
          {
            userId: actor.userId,
            key,
            requestHash,
            expiresAt: Math.floor(now.getTime() / 1000) + 86_400,
          },
        );
        if (!result.created) throw new Error('the idempotency key was reused');
      };
    }
  }
}

async function runDirect(job: DirectJob, seconds: number, record: boolean): Promise<LoadResult> {
  const operation = directOperation(job);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await operation();
        if (record) latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: job.connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  return {
    seconds: elapsed,
    requests: latencies.length,
    perSecond: latencies.length / elapsed,
    latency: summarize(latencies),
    errors,
    non2xx: 0,
    statuses: {},
    ...(job.keepSamples ? { samples: latencies } : {}),
  };
}

/** The DynamoDB commands one direct operation sends, to set beside the app's. */
async function directCommands(job: DirectJob): Promise<string[]> {
  const db = dbFor(job.endpoint);
  const { commands, stop } = recordCommands(db);
  try {
    await directOperation(job)();
  } finally {
    stop();
  }
  return commands;
}

async function runJob(job: LoadJob): Promise<LoadResult | string[]> {
  if (job.kind === 'direct-commands') return directCommands(job.job);
  const run = (seconds: number, record: boolean) =>
    job.kind === 'http' ? runHttp(job, seconds, record) : runDirect(job, seconds, record);
  // A short warm-up, not recorded: connections open, JIT warm, caches filled.
  if (job.warmupSeconds > 0) await run(job.warmupSeconds, false);
  return run(job.seconds, true);
}

process.on('message', (message: WorkerRequest) => {
  runJob(message.job).then(
    (result) => process.send?.({ id: message.id, ok: true, result } satisfies WorkerReply),
    (error: unknown) =>
      process.send?.({
        id: message.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies WorkerReply),
  );
});
process.on('disconnect', () => {
  client?.db.destroy();
  process.exit(0);
});
