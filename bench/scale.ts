import type { LocalPortal } from '../infra/local/portal.ts';
import type { LoadResult, LoadWorker } from './lib/load.ts';
import { fmtMs, say } from './lib/progress.ts';
import { bearer } from './warm.ts';

/**
 * Scale: the lists and dashboards people open most, one client at a time, at a small and a large
 * number of referrals in the store.
 */
export interface ScaleEndpoint {
  id: string;
  label: string;
  username: string;
  path: string;
}

export const SCALE_ENDPOINTS: ScaleEndpoint[] = [
  { id: 'queue', label: "Front door's queue (as grace)", username: 'grace', path: '/api/referrals' },
  { id: 'agency', label: "An agency's list (as amira)", username: 'amira', path: '/api/referrals' },
  { id: 'board', label: 'Board dashboard (as helen)', username: 'helen', path: '/api/board/dashboard' },
  { id: 'stats', label: 'Referral statistics (as helen)', username: 'helen', path: '/api/stats/referrals' },
];

export interface ScaleSample {
  referrals: number;
  openReferrals: number;
  results: Record<string, LoadResult & { items?: number }>;
}

/** How many items the first page of a list holds (a sanity check that the query returns a full page). */
async function firstPageSize(portal: LocalPortal, path: string, headers: Record<string, string>) {
  const res = await fetch(`${portal.url}${path}`, { headers });
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
  const body = (await res.json()) as { items?: unknown[]; total?: number };
  return body.items?.length ?? body.total;
}

/**
 * Warms the whole path (the portal's JIT, DynamoDB Local's JVM, connections) on every endpoint with a
 * few clients, unrecorded, so the first size measured is not the one that pays for a cold start.
 */
export async function warmUp(portal: LocalPortal, worker: LoadWorker, seconds: number): Promise<void> {
  for (const endpoint of SCALE_ENDPOINTS) {
    await worker.run({
      kind: 'http',
      url: portal.url,
      method: 'GET',
      path: endpoint.path,
      headers: await bearer(portal, endpoint.username),
      connections: 4,
      seconds,
      warmupSeconds: 0,
    });
  }
}

export async function measureScale(options: {
  portal: LocalPortal;
  worker: LoadWorker;
  referrals: number;
  openReferrals: number;
  seconds: number;
  warmupSeconds: number;
}): Promise<ScaleSample> {
  const { portal, worker } = options;
  const results: ScaleSample['results'] = {};
  for (const endpoint of SCALE_ENDPOINTS) {
    const headers = await bearer(portal, endpoint.username);
    const items = await firstPageSize(portal, endpoint.path, headers);
    const result = await worker.run({
      kind: 'http',
      url: portal.url,
      method: 'GET',
      path: endpoint.path,
      headers,
      connections: 1,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
    });
    results[endpoint.id] = { ...result, ...(items === undefined ? {} : { items }) };
    say(
      `  ${endpoint.label.padEnd(32)} p50 ${fmtMs(result.latency.p50).padStart(9)}  p99 ${fmtMs(result.latency.p99).padStart(9)}  (${result.requests} requests)`,
    );
  }
  return { referrals: options.referrals, openReferrals: options.openReferrals, results };
}
