import type { LocalPortal } from '../infra/local/portal.ts';
import { fmtInt, fmtMs } from './lib/format.ts';
import { type LoadResult, type LoadWorker, mergeResults } from './lib/load.ts';
import { say } from './lib/progress.ts';
import type { ScaleSizes, SeedKind } from './scale-seeding.ts';
import { bearer } from './warm.ts';

/**
 * Scale: the lists and dashboards people open most, one client at a time, at a small and a large
 * number of referrals and of early-help episodes in the store.
 */
export interface ScaleEndpoint {
  id: string;
  label: string;
  username: string;
  path: string;
  /** What its size is counted in. */
  of: SeedKind;
}

export const SCALE_ENDPOINTS: ScaleEndpoint[] = [
  {
    id: 'queue',
    label: "Front door's queue (as grace)",
    username: 'grace',
    path: '/api/referrals',
    of: 'referrals',
  },
  {
    id: 'agency',
    label: "An agency's list (as amira)",
    username: 'amira',
    path: '/api/referrals',
    of: 'referrals',
  },
  {
    id: 'board',
    label: 'Board dashboard (as helen)',
    username: 'helen',
    path: '/api/board/dashboard',
    of: 'referrals',
  },
  {
    id: 'stats',
    label: 'Referral statistics (as helen)',
    username: 'helen',
    path: '/api/stats/referrals',
    of: 'referrals',
  },
  {
    id: 'episodes-mine',
    label: "A practitioner's episodes (as joe)",
    username: 'joe',
    path: '/api/episodes?view=mine',
    of: 'episodes',
  },
  {
    id: 'episodes-open',
    label: "Front door's open episodes (as grace)",
    username: 'grace',
    path: '/api/episodes?view=open',
    of: 'episodes',
  },
  {
    id: 'episodes-overdue',
    label: "Front door's overdue episodes (as grace)",
    username: 'grace',
    path: '/api/episodes?view=overdue',
    of: 'episodes',
  },
  {
    id: 'episode-stats',
    label: 'Early-help statistics (as helen)',
    username: 'helen',
    path: '/api/stats/episodes',
    of: 'episodes',
  },
  // The directory is public. Each asks for a page both sizes can fill, so the two do the same work
  // for what they return: the checker's answer lists 5, the finder pages by 10.
  {
    id: 'services-near',
    label: "The checker's services: a need at a level, nearest first",
    username: 'amira',
    path: '/api/services?need=basic-care&level=2&district=NS5&limit=5',
    of: 'services',
  },
  {
    id: 'services-filtered',
    label: 'Finding a service: level, age and free',
    username: 'amira',
    path: '/api/services?level=2&age=9&free=true&limit=10',
    of: 'services',
  },
  {
    id: 'services-all',
    label: 'Finding a service: the first page by name',
    username: 'amira',
    path: '/api/services?limit=10',
    of: 'services',
  },
];

/** One size: how many of each kind its tables hold, and each endpoint's figures there. */
export interface ScaleSample {
  referrals: number;
  openReferrals: number;
  episodes: number;
  openEpisodes: number;
  /** Published services in the directory. */
  services: number;
  results: Record<string, LoadResult & { items?: number }>;
}

/** The size an endpoint was measured at, in what it lists. */
export const sizeOf = (sample: ScaleSizes, endpoint: ScaleEndpoint): number => sample[endpoint.of];

/**
 * How many items the first page of a list holds (a sanity check that the query returns a full page).
 * A 503 (DynamoDB Local still busy with the warm-up's writes) is asked again after its Retry-After.
 */
async function firstPageSize(portal: LocalPortal, path: string, headers: Record<string, string>) {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${portal.url}${path}`, { headers });
    if (res.ok) {
      const body = (await res.json()) as { items?: unknown[]; total?: number };
      return body.items?.length ?? body.total;
    }
    const problem = (await res.json().catch(() => ({}))) as { title?: string; detail?: string };
    if (res.status !== 503 || attempt >= 5) {
      throw new Error(`GET ${path} answered ${res.status}: ${problem.title ?? ''} ${problem.detail ?? ''}`);
    }
    await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
  }
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

export interface ScaleSide extends ScaleSizes {
  portal: LocalPortal;
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
      `  ${endpoint.label.padEnd(42)} p50 ${fmtMs(a.latency.p50).padStart(9)} at ${fmtInt(sizeOf(options.small, endpoint))}, ${fmtMs(b.latency.p50).padStart(9)} at ${fmtInt(sizeOf(options.large, endpoint))} ${endpoint.of}  (p99 ${fmtMs(a.latency.p99)} / ${fmtMs(b.latency.p99)})${a.non2xx + b.non2xx ? `  — not 2xx: ${a.non2xx} / ${b.non2xx}` : ''}`,
    );
  }
  const sample = ({ portal: _portal, ...sizes }: ScaleSide, r: ScaleSample['results']): ScaleSample => ({
    ...sizes,
    results: r,
  });
  return { small: sample(options.small, results[0]), large: sample(options.large, results[1]) };
}
