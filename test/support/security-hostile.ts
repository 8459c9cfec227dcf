import fc from 'fast-check';
import { areaForPath } from '../../shared/deployment/routes.ts';
import type { TestApi } from './api.ts';
import {
  type Caller,
  leaksIn,
  problemIssues,
  recordFigures,
  stringsIn,
  type trackWrites,
} from './security-harness.ts';

/**
 * What the hostile-input suites share (test/security/hostile-input.test.ts for the write routes and
 * bodies, hostile-reads.test.ts for the read routes and cursors): one request sent and judged, the
 * figures, and the pieces requests are generated from.
 *
 * SECURITY_FUZZ_SCALE scales the number of generated requests; SECURITY_FUZZ_SEED replays a run.
 */
export const SCALE = Number(process.env.SECURITY_FUZZ_SCALE ?? 1);
export const SEED = Number(process.env.SECURITY_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

export interface Sent {
  method: string;
  path: string;
  caller?: Caller;
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export function newHostileStats() {
  return {
    seed: SEED,
    generatedRequests: 0,
    accepted: 0,
    refused: 0,
    serverErrors: 0,
    leaks: 0,
    notProblemJson: 0,
    refusedThatWrote: 0,
    snapshotBatches: 0,
    snapshotChanges: 0,
    oversize: 0,
    malformed: 0,
    cursors: 0,
  };
}
export type HostileStats = ReturnType<typeof newHostileStats>;

/** One suite's run: its API, callers' tokens and write tracker (set once made), and its figures. */
export interface HostileRun {
  api: TestApi;
  tokens: Record<Caller, string | undefined>;
  writes: ReturnType<typeof trackWrites>;
  readonly stats: HostileStats;
  readonly byRoute: Record<string, { requests: number; accepted: number }>;
}

/** A run whose API, tokens and tracker its suite sets in `beforeAll`. */
export const newHostileRun = (): HostileRun => ({ stats: newHostileStats(), byRoute: {} }) as HostileRun;

/**
 * Every answer must be below 500, free of internals, problem+json when it is an error, and a
 * refused request must leave the store as it was (only its own "denied" audit entry may be added).
 */
export function exerciser(run: HostileRun) {
  /** Sends one generated request and returns what is wrong with its answer, or nothing. */
  return async function exercise(route: string, sent: Sent): Promise<string[]> {
    // A path that normalises out of /api (`/api/referrals/..`) never reaches an app: API Gateway answers it.
    if (!areaForPath(new URL(sent.path, 'http://x').pathname)) return [];
    run.writes.take();
    const token = sent.token ?? (sent.caller ? run.tokens[sent.caller] : undefined);
    const res = await run.api.request(sent.method, sent.path, {
      ...(token ? { token } : {}),
      ...(sent.body !== undefined ? { body: sent.body } : {}),
      ...(sent.rawBody !== undefined ? { rawBody: sent.rawBody } : {}),
      ...(sent.headers ? { headers: sent.headers } : {}),
    });
    const text = await res.text();
    const written = run.writes.take();
    run.stats.generatedRequests++;
    const counts = run.byRoute[route] ?? { requests: 0, accepted: 0 };
    run.byRoute[route] = counts;
    counts.requests++;
    const wrong: string[] = [];
    if (res.status >= 500) {
      run.stats.serverErrors++;
      wrong.push(`answered ${res.status}: ${text.slice(0, 300)}`);
    }
    const inputs = [
      ...stringsIn(sent.body),
      ...(sent.rawBody !== undefined ? [sent.rawBody] : []),
      ...safeDecode(sent.path).split(/[/?&=]/),
      ...Object.values(sent.headers ?? {}),
    ];
    const leaks = leaksIn(text, inputs);
    if (leaks.length) {
      run.stats.leaks++;
      wrong.push(...leaks.map((l) => `leaks ${l}`));
    }
    if (res.status >= 400) {
      run.stats.refused++;
      const issues = problemIssues(res, text);
      if (issues.length) {
        run.stats.notProblemJson++;
        wrong.push(...issues);
      }
      // A refused request writes nothing but, at most, the audit entry of its own refusal.
      const changed = written.filter((w) => !w.items.every((i) => i.outcome === 'denied'));
      if (changed.length) {
        run.stats.refusedThatWrote++;
        wrong.push(`a ${res.status} wrote ${JSON.stringify(changed)}`);
      }
    } else {
      run.stats.accepted++;
      counts.accepted++;
      const type = res.headers.get('content-type') ?? '';
      if (res.status !== 304 && !/^(application\/json|text\/csv)/.test(type)) wrong.push(`2xx as ${type}`);
    }
    return wrong.map((w) => `${sent.method} ${sent.path.slice(0, 120)}: ${w}`);
  };
}

/** Leaves the suite's figures for the end of the run. */
export function recordHostile(
  suite: string,
  run: Pick<HostileRun, 'stats' | 'byRoute'>,
  started: number,
): void {
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const f = run.stats;
  const perSecond = Math.round(f.generatedRequests / seconds);
  const routes = Object.keys(run.byRoute).filter((r) => !r.startsWith('batch ')).length;
  recordFigures(
    suite,
    { ...f, seconds, requestsPerSecond: perSecond, routes: Object.keys(run.byRoute).length },
    `${f.generatedRequests} generated requests on ${routes} routes ` +
      `(${f.accepted} accepted, ${f.refused} refused; ${f.oversize} oversize, ${f.malformed} malformed, ` +
      `${f.cursors} bad cursors): ${f.serverErrors} × 5xx, ${f.leaks} leaking internals, ` +
      `${f.notProblemJson} errors not problem+json, ${f.refusedThatWrote} refusals that wrote, ` +
      `${f.snapshotChanges} changes in ${f.snapshotBatches} refused batches; seed ${f.seed} (${seconds} s, ${perSecond}/s)`,
  );
}

export function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A header value a client could really send (no control characters, Latin-1 only). */
export const headerText = (max: number) =>
  fc
    .string({
      unit: fc.oneof(
        fc.constantFrom(
          '"',
          'W',
          '/',
          ',',
          ' ',
          '*',
          '-',
          '_',
          '1',
          '9',
          '0',
          'a',
          'Z',
          '\u00e9',
          '\u00ff',
          ';',
          '=',
        ),
        fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)),
      ),
      maxLength: max,
    })
    .map((s) => s.trim());

export const contentTypes = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
      'application/merge-patch+json',
      'APPLICATION/JSON',
      'application/jsonx',
    ),
  },
);

/** Replaces the path parameter of `template` in `path` with `value`. */
export function withParam(template: string, path: string, value: string): string {
  const t = template.split('/');
  const p = path.split('?')[0]?.split('/') ?? [];
  const i = t.findIndex((s) => s.startsWith('{'));
  if (i < 0) return path;
  p[i] = encodeParam(value);
  return p.join('/');
}

/** Percent-encodes a path segment; a lone surrogate (which cannot be) becomes invalid UTF-8 bytes. */
export function encodeParam(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

export const BAD_IDS = [
  '01JAAAAAAAAAAAAAAAAAAAAAAA',
  '0'.repeat(26),
  'a'.repeat(300),
  '..',
  '.',
  '-1',
  '1.5',
  '1e3',
  '999999999999',
  ' ',
  'null',
  '%',
  'REFERRAL#x',
  '\u0000',
  '\uD800',
  '😀',
];
