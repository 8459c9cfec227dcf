import { randomBytes, randomUUID } from 'node:crypto';
import { createDirectoryAccessCheck } from '../functions/platform/access.ts';
import { createAuditWriter } from '../functions/platform/audit.ts';
import type { PlatformDeps } from '../functions/platform/http.ts';
import { createTokenVerifier } from '../functions/platform/identity.ts';
import { silentLogger } from '../functions/platform/logger.ts';
import { createCursorCodec } from '../functions/platform/pagination.ts';
import { createAreaApps } from '../infra/local/areas.ts';
import type { LocalPortal } from '../infra/local/portal.ts';
import { DEMO_USERS, type DemoUser } from '../infra/seed/demo-data.ts';
import { areaForPath } from '../shared/deployment/routes.ts';
import { completeReferral } from '../test/support/referral-fixtures.ts';
import { recordCommands } from './lib/commands.ts';
import { fmtInt, fmtMs } from './lib/format.ts';
import { type DirectJob, type HttpJob, type LoadResult, type LoadWorker, mergeResults } from './lib/load.ts';
import { say } from './lib/progress.ts';
import { summarize } from './lib/stats.ts';

/**
 * Warm overhead: the app through the local runtime (HTTP, Hono, token check, validation, JSON) next
 * to the same store calls made directly, at several concurrencies, each run short and bounded.
 */
export type Scenario = 'read' | 'list' | 'create';

export interface WarmRow {
  scenario: Scenario;
  connections: number;
  app: LoadResult;
  direct: LoadResult;
  /** One client only: the same area app called in-process (`app.request()`), no HTTP in between. */
  inProcess?: LoadResult;
}

export interface WarmResult {
  seconds: number;
  warmupSeconds: number;
  concurrency: number[];
  referralId: string;
  /** The DynamoDB commands one request makes through the app, and one direct operation. */
  commands: Record<Scenario, { app: string[]; direct: string[] }>;
  rows: WarmRow[];
}

export const SCENARIO_LABELS: Record<Scenario, string> = {
  read: 'Read a referral (GET /api/referrals/{id}, as grace)',
  list: "List the front door's queue (GET /api/referrals, as grace)",
  create: 'Create a referral (POST /api/referrals, as dan, fresh Idempotency-Key)',
};

export function demoUser(username: string): DemoUser {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`No demo user ${username}`);
  return user;
}

export async function bearer(portal: LocalPortal, username: string): Promise<Record<string, string>> {
  return {
    authorization: `Bearer ${await portal.issuer.sign(demoUser(username))}`,
    accept: 'application/json',
  };
}

/**
 * The area apps wired as the local runtime wires them, called in the bench's own process through
 * `app.request()`: what the app's code costs without the HTTP hop (one client at a time).
 */
async function measureInProcess(
  portal: LocalPortal,
  job: Omit<HttpJob, 'connections' | 'seconds' | 'warmupSeconds'>,
  seconds: number,
  warmupSeconds: number,
): Promise<LoadResult> {
  const clock = () => new Date();
  const platform: PlatformDeps = {
    verifyToken: createTokenVerifier({ issuer: portal.issuer.issuer, clientId: portal.issuer.clientId }),
    access: createDirectoryAccessCheck(portal.db, portal.tables.directory, { clock }),
    audit: createAuditWriter(portal.db, portal.tables.audit, clock),
    clock,
    logger: silentLogger,
    cursors: createCursorCodec(randomBytes(32).toString('hex'), clock),
  };
  const apps = createAreaApps(portal.db, portal.tables, platform);
  const area = areaForPath(job.path);
  if (!area) throw new Error(`No area serves ${job.path}`);
  const app = apps[area];
  let n = 0;
  const once = async () => {
    const res = await app.request(
      job.path,
      {
        method: job.method,
        headers: {
          ...job.headers,
          ...(job.freshIdempotencyKey ? { 'idempotency-key': `inproc-${Date.now()}-${n++}` } : {}),
        },
        ...(job.body ? { body: job.body } : {}),
      },
      { event: { requestContext: { requestId: randomUUID(), http: { sourceIp: '127.0.0.1' } } } },
    );
    await res.arrayBuffer();
    return res.status;
  };
  const loop = async (forSeconds: number, record: boolean) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const started = performance.now();
    while (performance.now() - started < forSeconds * 1000) {
      const t0 = performance.now();
      const status = await once();
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (record && status < 300) latencies.push(performance.now() - t0);
    }
    const elapsed = (performance.now() - started) / 1000;
    const failed = Object.entries(statuses)
      .filter(([k]) => Number(k) >= 300)
      .reduce((a, [, v]) => a + v, 0);
    return {
      seconds: elapsed,
      requests: latencies.length,
      perSecond: latencies.length / elapsed,
      latency: summarize(latencies),
      errors: 0,
      non2xx: failed,
      statuses,
    };
  };
  await loop(warmupSeconds, false);
  return loop(seconds, true);
}

/** A referral with a timeline from the demo data, for the read scenario. */
async function referralToRead(portal: LocalPortal, headers: Record<string, string>): Promise<string> {
  for (const view of ['decided', 'closed', 'open']) {
    const res = await fetch(`${portal.url}/api/referrals?view=${view}&limit=1`, { headers });
    const body = (await res.json()) as { items?: { id: string }[] };
    const id = body.items?.[0]?.id;
    if (id) return id;
  }
  throw new Error('The store has no referral to read');
}

export async function measureWarm(options: {
  portal: LocalPortal;
  endpoint: string;
  worker: LoadWorker;
  seconds: number;
  warmupSeconds: number;
  concurrency: number[];
}): Promise<WarmResult> {
  const { portal, worker, seconds, warmupSeconds, concurrency } = options;
  const grace = await bearer(portal, 'grace');
  const dan = await bearer(portal, 'dan');
  const referralId = await referralToRead(portal, grace);
  const content = completeReferral();
  const body = JSON.stringify(content);
  const tables = {
    referrals: portal.tables.referrals,
    outbox: portal.tables.outbox,
    audit: portal.tables.audit,
  };
  const actorOf = (username: string) => {
    const u = demoUser(username);
    return { userId: u.sub, name: u.name, roles: u.roles, agencyId: u.agencyId };
  };

  const http: Record<Scenario, Omit<HttpJob, 'connections' | 'seconds' | 'warmupSeconds'>> = {
    read: {
      kind: 'http',
      url: portal.url,
      method: 'GET',
      path: `/api/referrals/${referralId}`,
      headers: grace,
    },
    list: { kind: 'http', url: portal.url, method: 'GET', path: '/api/referrals', headers: grace },
    create: {
      kind: 'http',
      url: portal.url,
      method: 'POST',
      path: '/api/referrals',
      headers: { ...dan, 'content-type': 'application/json' },
      body,
      freshIdempotencyKey: true,
    },
  };
  const direct: Record<Scenario, Omit<DirectJob, 'connections' | 'seconds' | 'warmupSeconds'>> = {
    read: {
      kind: 'direct',
      op: 'read',
      endpoint: options.endpoint,
      tables,
      referralId,
      actor: actorOf('grace'),
    },
    list: { kind: 'direct', op: 'list', endpoint: options.endpoint, tables, actor: actorOf('grace') },
    create: {
      kind: 'direct',
      op: 'create',
      endpoint: options.endpoint,
      tables,
      content,
      actor: actorOf('dan'),
    },
  };

  // What the app really sends to DynamoDB for one request of each kind, beside the direct baseline.
  const commands = {} as WarmResult['commands'];
  for (const scenario of ['read', 'list', 'create'] as const) {
    const job = http[scenario];
    // The second request is the steady state: the first also fills caches (JWKS, the current guidance).
    let sent: string[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const recorder = recordCommands(portal.db);
      let status = 0;
      try {
        const res = await fetch(`${portal.url}${job.path}`, {
          method: job.method,
          headers: {
            ...job.headers,
            ...(job.freshIdempotencyKey ? { 'idempotency-key': `probe-${attempt}-${Date.now()}` } : {}),
          },
          ...(job.body ? { body: job.body } : {}),
        });
        status = res.status;
        await res.arrayBuffer();
      } finally {
        recorder.stop();
      }
      if (status >= 300) throw new Error(`${job.method} ${job.path} answered ${status}`);
      sent = recorder.commands;
    }
    commands[scenario] = {
      app: sent,
      direct: await worker.directCommands({
        ...direct[scenario],
        connections: 1,
        seconds: 0,
        warmupSeconds: 0,
      }),
    };
    say(
      `  ${scenario}: app sends ${commands[scenario].app.join(' + ')}; direct ${commands[scenario].direct.join(' + ')}`,
    );
  }

  // Each pair runs in rounds, app and direct in turn, so a burst of other work on the machine lands on both.
  const rows: WarmRow[] = [];
  const rounds = 2;
  for (const scenario of ['read', 'list', 'create'] as const) {
    for (const connections of concurrency) {
      const appParts: LoadResult[] = [];
      const directParts: LoadResult[] = [];
      for (let round = 0; round < rounds; round++) {
        const shape = {
          connections,
          seconds: seconds / rounds,
          warmupSeconds: round === 0 ? warmupSeconds : 0,
          keepSamples: true,
        };
        appParts.push(await worker.run({ ...http[scenario], ...shape }));
        directParts.push(await worker.run({ ...direct[scenario], ...shape }));
      }
      const app = mergeResults(appParts);
      const base = mergeResults(directParts);
      const inProcess =
        connections === 1
          ? await measureInProcess(portal, http[scenario], seconds / rounds, warmupSeconds)
          : undefined;
      rows.push({ scenario, connections, app, direct: base, ...(inProcess ? { inProcess } : {}) });
      say(
        `  ${scenario.padEnd(6)} ×${String(connections).padEnd(2)}  app ${fmtInt(app.perSecond).padStart(5)}/s p50 ${fmtMs(app.latency.p50).padStart(9)} p99 ${fmtMs(app.latency.p99).padStart(9)}` +
          ` | direct ${fmtInt(base.perSecond).padStart(5)}/s p50 ${fmtMs(base.latency.p50).padStart(9)} p99 ${fmtMs(base.latency.p99).padStart(9)}` +
          (inProcess ? ` | in-process p50 ${fmtMs(inProcess.latency.p50)}` : '') +
          (app.non2xx + app.errors + base.errors
            ? `  (errors: app ${app.non2xx + app.errors}, direct ${base.errors})`
            : ''),
      );
    }
  }
  return { seconds, warmupSeconds, concurrency, referralId, commands, rows };
}
