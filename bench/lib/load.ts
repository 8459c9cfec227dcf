import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type LatencySummary, summarize } from './stats.ts';

/** Jobs for the load generator (bench/load-worker.ts), which runs in a child process of its own. */
export interface HttpJob {
  kind: 'http';
  url: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Sends a new Idempotency-Key with every request. */
  freshIdempotencyKey?: boolean;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Return every latency, to merge runs. */
  keepSamples?: boolean;
}

export interface DirectJob {
  kind: 'direct';
  op: 'read' | 'list' | 'create';
  endpoint: string;
  tables: { referrals: string; outbox: string; audit: string };
  referralId?: string;
  /** The referral body, for `create`. */
  content?: unknown;
  actor: { userId: string; name: string; roles: string[]; agencyId: string };
  connections: number;
  seconds: number;
  warmupSeconds: number;
  keepSamples?: boolean;
}

export type LoadJob = HttpJob | DirectJob | { kind: 'direct-commands'; job: DirectJob };

export interface LoadResult {
  seconds: number;
  /** Successful requests (2xx, or operations without an error). */
  requests: number;
  perSecond: number;
  latency: LatencySummary;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
  samples?: number[];
}

/** One result from several runs of the same job (e.g. interleaved with its baseline). */
export function mergeResults(parts: LoadResult[]): LoadResult {
  const samples = parts.flatMap((p) => p.samples ?? []);
  const seconds = parts.reduce((n, p) => n + p.seconds, 0);
  const requests = parts.reduce((n, p) => n + p.requests, 0);
  const statuses: Record<string, number> = {};
  for (const p of parts)
    for (const [k, v] of Object.entries(p.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    seconds,
    requests,
    perSecond: requests / seconds,
    latency: summarize(samples),
    errors: parts.reduce((n, p) => n + p.errors, 0),
    non2xx: parts.reduce((n, p) => n + p.non2xx, 0),
    statuses,
  };
}

export interface WorkerRequest {
  id: number;
  job: LoadJob;
}
export type WorkerReply =
  | { id: number; ok: true; result: LoadResult | string[] }
  | { id: number; ok: false; error: string };

export interface LoadWorker {
  run(job: HttpJob | DirectJob): Promise<LoadResult>;
  directCommands(job: DirectJob): Promise<string[]>;
  stop(): void;
}

/** Starts the load generator process (TypeScript through tsx, as the bench itself runs). */
export function startLoadWorker(): LoadWorker {
  const child: ChildProcess = fork(fileURLToPath(new URL('../load-worker.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const pending = new Map<
    number,
    { resolve: (v: LoadResult | string[]) => void; reject: (e: Error) => void }
  >();
  child.on('message', (reply: WorkerReply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(new Error(reply.error));
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`the load generator exited (${code})`));
    pending.clear();
  });
  const send = (job: LoadJob) =>
    new Promise<LoadResult | string[]>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, job } satisfies WorkerRequest);
    });
  return {
    run: async (job) => (await send(job)) as LoadResult,
    directCommands: async (job) => (await send({ kind: 'direct-commands', job })) as string[],
    stop: () => {
      if (child.connected) child.disconnect();
      setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 3000).unref();
    },
  };
}
