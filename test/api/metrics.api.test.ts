import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAreaApp, type PlatformDeps, UNMATCHED_ROUTE } from '../../functions/platform/http.ts';
import { silentLogger } from '../../functions/platform/logger.ts';
import { createMetricWriter } from '../../functions/platform/metrics.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { referralRequests } from '../support/referral-fixtures.ts';

/**
 * Per-request metrics (EMF) through the area apps, with a capturing metric writer: one line a
 * request, by area and route pattern, never the concrete path with its id; and the referrals
 * area's business counts once a submit or a decision is written.
 */
type Line = Record<string, unknown> & {
  _aws: { CloudWatchMetrics: { Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
};

const lines: string[] = [];
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({
    // Thursday 2 April 2026, 10:00 BST, as the referrals tests run.
    clock: () => new Date('2026-04-02T09:00:00Z'),
    metrics: createMetricWriter((line) => lines.push(line)),
  });
});
afterAll(async () => api?.close());

/** The lines one request (or one step) wrote. */
async function linesOf(act: () => Promise<unknown>): Promise<Line[]> {
  const before = lines.length;
  await act();
  return lines.slice(before).map((line) => JSON.parse(line) as Line);
}
const requestLines = (all: Line[]) => all.filter((l) => 'Requests' in l);

describe('one metric line per request', () => {
  it('names the area and the route pattern, never the referral’s id, with Latency in milliseconds', async () => {
    const { create } = referralRequests(api, 'metrics');
    const referral = await create('amira');
    const written = await linesOf(() => api.request('GET', `/api/referrals/${referral.id}`, { as: 'amira' }));
    expect(requestLines(written)).toHaveLength(1);
    const [line] = requestLines(written);
    expect(line).toMatchObject({
      Area: 'referrals',
      Route: 'GET /api/referrals/:id',
      Requests: 1,
      Errors: 0,
      ClientErrors: 0,
    });
    expect(line?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([['Area', 'Route']]);
    expect(line?._aws.CloudWatchMetrics[0]?.Metrics).toContainEqual({
      Name: 'Latency',
      Unit: 'Milliseconds',
    });
    expect(typeof line?.Latency).toBe('number');
    expect(JSON.stringify(written)).not.toContain(referral.id);
    expect(JSON.stringify(written)).not.toMatch(/Maisie|Fairbrook/);
  });

  it('counts a 4xx as a client error under its route, signed in or refused before the route ran', async () => {
    const missing = await linesOf(() =>
      api.request('GET', '/api/referrals/01JZZZZZZZZZZZZZZZZZZZZZZZ', { as: 'amira' }),
    );
    expect(requestLines(missing)).toEqual([
      expect.objectContaining({ Route: 'GET /api/referrals/:id', Errors: 0, ClientErrors: 1 }),
    ]);
    // No token: refused by the shell's middleware, still counted under the route it was for.
    const unsigned = await linesOf(() => api.request('GET', '/api/referrals/01JZZZZZZZZZZZZZZZZZZZZZZZ'));
    expect(requestLines(unsigned)).toEqual([
      expect.objectContaining({ Route: 'GET /api/referrals/:id', ClientErrors: 1 }),
    ]);
    expect(JSON.stringify([missing, unsigned])).not.toContain('01JZZZZ');
  });

  it('counts a path no route has under one name, not the path', async () => {
    const written = await linesOf(() =>
      api.request('GET', '/api/referrals/x/y/z/secret-ish', { as: 'amira' }),
    );
    expect(requestLines(written)).toEqual([
      expect.objectContaining({ Area: 'referrals', Route: `GET ${UNMATCHED_ROUTE}`, ClientErrors: 1 }),
    ]);
    expect(JSON.stringify(written)).not.toContain('secret-ish');
  });

  it('counts a 5xx as an error', async () => {
    // A bare area shell with a route that fails: the path to a 500 is the shell's own error handler.
    const captured: string[] = [];
    const app = createAreaApp(
      {
        logger: silentLogger,
        metrics: createMetricWriter((line) => captured.push(line)),
      } as unknown as PlatformDeps,
      'board',
    );
    app.get('/api/board/failing/:id', () => {
      throw new Error('store unavailable');
    });
    expect((await app.request('/api/board/failing/abc-123')).status).toBe(500);
    expect(captured.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({
        Area: 'board',
        Route: 'GET /api/board/failing/:id',
        Requests: 1,
        Errors: 1,
        ClientErrors: 0,
      }),
    ]);
    expect(captured.join()).not.toContain('abc-123');
  });
});

describe('the referrals area’s business counts', () => {
  it('counts a referral submitted and a referral decided, once each, with nothing of the referral', async () => {
    const { create, step } = referralRequests(api, 'metrics-business');
    const referral = await create('amira');
    const decision = {
      levelOfNeed: 3,
      outcome: 'targeted_early_help',
      rationale: 'Hunger and conflict at home together; mum wants help.',
      feedback: 'Thank you. A family support worker will be in touch this week.',
    };
    const count = (all: Line[], name: string) => all.filter((l) => name in l).map((l) => l[name]);
    const written = await linesOf(async () => {
      const done = await step('amira', referral, 'submit');
      const reviewed = await step('grace', done, 'review');
      return step('grace', reviewed, 'decision', decision);
    });
    expect(count(written, 'ReferralsSubmitted')).toEqual([1]);
    expect(count(written, 'ReferralsDecided')).toEqual([1]);
    expect(JSON.stringify(written)).not.toContain(referral.id);
    // A refused decision (already decided, and a stale If-Match) counts nothing.
    const refused = await linesOf(() =>
      api.request('POST', `/api/referrals/${referral.id}/decision`, {
        as: 'grace',
        headers: { 'if-match': '"1"' },
        body: decision,
      }),
    );
    expect(requestLines(refused)).toEqual([expect.objectContaining({ ClientErrors: 1 })]);
    expect(count(refused, 'ReferralsDecided')).toEqual([]);
  });
});
