import type { LocalPortal } from '../infra/local/portal.ts';
import { fmtInt, fmtMs } from './lib/format.ts';
import { type LoadResult, type LoadWorker, mergeResults } from './lib/load.ts';
import { say } from './lib/progress.ts';
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

export interface ScaleSide {
  portal: LocalPortal;
  referrals: number;
  openReferrals: number;
}

/**
 * Both sizes side by side: two sets of tables in the same DynamoDB Local, each behind its own local
 * portal, measured in alternation (small, large, small, large, …) endpoint by endpoint, so that
 * other work on the machine, the JIT and the JVM's state fall on both sizes alike.
 */
export async function measureScale(options: {
  small: ScaleSide;
  large: ScaleSide;
  worker: LoadWorker;
  /** Seconds per size and endpoint, split over `rounds` alternations. */
  seconds: number;
  rounds: number;
}): Promise<{ small: ScaleSample; large: ScaleSample }> {
  const { worker, rounds } = options;
  const sides = [options.small, options.large] as const;
  const results: [ScaleSample['results'], ScaleSample['results']] = [{}, {}];
  for (const endpoint of SCALE_ENDPOINTS) {
    const headers = await Promise.all(sides.map((side) => bearer(side.portal, endpoint.username)));
    const items = await Promise.all(
      sides.map((side, i) => firstPageSize(side.portal, endpoint.path, headers[i] ?? {})),
    );
    const parts: LoadResult[][] = [[], []];
    for (let round = 0; round < rounds; round++) {
      for (const [i, side] of sides.entries()) {
        parts[i]?.push(
          await worker.run({
            kind: 'http',
            url: side.portal.url,
            method: 'GET',
            path: endpoint.path,
            headers: headers[i] ?? {},
            connections: 1,
            seconds: options.seconds / rounds,
            warmupSeconds: round === 0 ? 0.5 : 0,
            keepSamples: true,
          }),
        );
      }
    }
    const [a, b] = [mergeResults(parts[0] ?? []), mergeResults(parts[1] ?? [])];
    results[0][endpoint.id] = { ...a, ...(items[0] === undefined ? {} : { items: items[0] }) };
    results[1][endpoint.id] = { ...b, ...(items[1] === undefined ? {} : { items: items[1] }) };
    say(
      `  ${endpoint.label.padEnd(32)} p50 ${fmtMs(a.latency.p50).padStart(9)} at ${fmtInt(options.small.referrals)}, ${fmtMs(b.latency.p50).padStart(9)} at ${fmtInt(options.large.referrals)}  (p99 ${fmtMs(a.latency.p99)} / ${fmtMs(b.latency.p99)})`,
    );
  }
  const sample = (side: ScaleSide, r: ScaleSample['results']): ScaleSample => ({
    referrals: side.referrals,
    openReferrals: side.openReferrals,
    results: r,
  });
  return { small: sample(options.small, results[0]), large: sample(options.large, results[1]) };
}
