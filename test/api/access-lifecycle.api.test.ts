/**
 * An agency that leaves the partnership, and a person whose access is withdrawn, lose access on
 * every route within the standing check's bound (functions/platform/access.ts), not when their token
 * expires; they get no new token; and access comes back when it is restored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDING_MAX_AGE_MS } from '../../functions/platform/access.ts';
import type { Agency } from '../../shared/directory/schema.ts';
import { PROBLEM_CONTENT_TYPE } from '../../shared/platform/problem.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { actorTrail, auditTrail, createTestApi, type TestApi } from '../support/api.ts';
import { completeReferral } from '../support/referral-fixtures.ts';

let api: TestApi;
/** Moved forward to pass the standing check's bound; the tokens' own times stay real. */
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
const pastTheBound = () => {
  offsetMs += STANDING_MAX_AGE_MS + 1_000;
};

beforeAll(async () => {
  api = await createTestApi({ clock });
});
afterAll(async () => api?.close());

let keys = 0;
async function createReferral(token: string): Promise<Response> {
  return api.request('POST', '/api/referrals', {
    token,
    body: completeReferral(),
    headers: { 'idempotency-key': `lifecycle-${Date.now()}-${keys++}` },
  });
}

async function setActive(agencyId: string, active: boolean): Promise<void> {
  const current = (await (
    await api.request('GET', `/api/agencies/${agencyId}`, { as: 'sam' })
  ).json()) as Agency;
  const res = await api.request('PATCH', `/api/agencies/${agencyId}`, {
    as: 'sam',
    headers: { 'if-match': `"${current.version}"` },
    body: { active },
  });
  expect(res.status).toBe(200);
}

/** Every kind of request a referrer makes, public routes included, with one token. */
function everyRoute(
  token: string,
  referral: Referral,
  note = 'Absent today.',
): [string, () => Promise<Response>][] {
  return [
    ['list', () => api.request('GET', '/api/referrals', { token })],
    ['create', () => createReferral(token)],
    [
      'note',
      () => api.request('POST', `/api/referrals/${referral.id}/notes`, { token, body: { text: note } }),
    ],
    ['read', () => api.request('GET', `/api/referrals/${referral.id}`, { token })],
    ['me', () => api.request('GET', '/api/me', { token })],
    ['public guidance, sent with the token', () => api.request('GET', '/api/guidance', { token })],
  ];
}

async function expectRefused(res: Response, type: string, what: string, detail: RegExp): Promise<void> {
  expect(res.status, what).toBe(403);
  expect(res.headers.get('content-type'), what).toContain(PROBLEM_CONTENT_TYPE);
  const body = (await res.json()) as { type: string; title: string; detail: string };
  expect(body.type, what).toBe(`https://portal.example/problems/${type}`);
  expect(body.detail, what).toMatch(detail);
}

async function deniedEntriesOf(userId: string): Promise<Record<string, unknown>[]> {
  return (await actorTrail(api, userId)).filter((item) => item.outcome === 'denied');
}

async function submittedReferral(token: string): Promise<Referral> {
  const created = await createReferral(token);
  expect(created.status).toBe(201);
  const draft = (await created.json()) as Referral;
  const submitted = await api.request('POST', `/api/referrals/${draft.id}/submit`, {
    token,
    headers: { 'if-match': `"${draft.version}"` },
  });
  expect(submitted.status, await submitted.clone().text()).toBe(200);
  return (await submitted.json()) as Referral;
}

describe('a deactivated agency', () => {
  it('has its users refused on every route once the bound has passed, their token unchanged, and each refusal audited', async () => {
    const token = await api.tokenFor('amira');
    const referral = await submittedReferral(token);
    // Every route works, and the token and the standing are now both remembered.
    for (const [what, send] of everyRoute(token, referral))
      expect((await send()).status, what).toBeLessThan(300);
    const deniedBefore = (await deniedEntriesOf(api.user('amira').sub)).length;

    await setActive('brookfield-primary', false);
    pastTheBound();
    for (const [what, send] of everyRoute(token, referral, 'Written after the agency closed.'))
      await expectRefused(await send(), 'agency-deactivated', what, /agency has been deactivated/);

    // Nothing was written: the referral has no such note.
    const read = await api.request('GET', `/api/referrals/${referral.id}`, { as: 'grace' });
    expect(read.status).toBe(200);
    expect(JSON.stringify(await read.json())).not.toContain('Written after the agency closed.');
    const denied = await deniedEntriesOf(api.user('amira').sub);
    expect(denied.length - deniedBefore).toBe(everyRoute(token, referral).length);
    expect(denied.at(-1)).toMatchObject({
      outcome: 'denied',
      detail: expect.stringContaining('deactivated'),
    });
  });

  it('is refused at once when nothing about it is remembered yet', async () => {
    await setActive('northshire-academy', false);
    await expectRefused(
      await api.request('GET', '/api/me', { as: 'nadia' }),
      'agency-deactivated',
      'me',
      /deactivated/,
    );
  });

  it('gets no token from the local sign-in, with a clear problem, until it is reactivated', async () => {
    const signIn = () =>
      api.issuer.app.request('/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nadia' }),
      });
    const refused = await signIn();
    await expectRefused(refused, 'agency-deactivated', 'sign-in', /agency has been deactivated/);

    await setActive('northshire-academy', true);
    const allowed = await signIn();
    expect(allowed.status).toBe(200);
    const { token } = (await allowed.json()) as { token: string };
    pastTheBound();
    expect((await api.request('GET', '/api/me', { token })).status).toBe(200);
  });

  it('has its access back once reactivated, within the bound', async () => {
    const token = await api.tokenFor('amira');
    await setActive('brookfield-primary', true);
    pastTheBound();
    const list = await api.request('GET', '/api/referrals', { token });
    expect(list.status).toBe(200);
    const me = (await (await api.request('GET', '/api/me', { token })).json()) as { agency: Agency };
    expect(me.agency).toMatchObject({ id: 'brookfield-primary', active: true });
  });
});

describe('a suspended person', () => {
  const dan = () => api.user('dan');

  it('is refused on every route, their older tokens stay refused once restored, and a token issued after works', async () => {
    // The suspension is stamped by the app's clock; a token issued after it must not be from the future.
    offsetMs = 0;
    const before = await api.tokenFor('dan');
    const referral = await submittedReferral(before);
    for (const [what, send] of everyRoute(before, referral))
      expect((await send()).status, what).toBeLessThan(300);

    const suspended = await api.request('POST', `/api/people/${dan().sub}/suspend`, { as: 'sam' });
    expect(suspended.status).toBe(200);
    const record = (await suspended.json()) as { suspended: boolean; revokedBefore: string };
    expect(record.suspended).toBe(true);
    pastTheBound();
    for (const [what, send] of everyRoute(before, referral))
      await expectRefused(await send(), 'access-suspended', what, /access to the portal has been withdrawn/);

    // No new token while suspended.
    const signIn = await api.issuer.app.request('/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dan' }),
    });
    await expectRefused(signIn, 'access-suspended', 'sign-in', /withdrawn/);

    const restored = await api.request('POST', `/api/people/${dan().sub}/restore`, { as: 'sam' });
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ suspended: false, revokedBefore: record.revokedBefore });
    pastTheBound();
    // The token from before the suspension is still refused: it was issued before revokedBefore.
    await expectRefused(
      await api.request('GET', '/api/me', { token: before }),
      'access-suspended',
      'old token',
      /Sign in again/,
    );
    // A token issued after revokedBefore works.
    const issuedAfter = Math.floor(Date.parse(record.revokedBefore) / 1000) + 1;
    const after = await api.tokenFor('dan', { iat: issuedAfter, exp: issuedAfter + 3600 });
    expect((await api.request('GET', '/api/referrals', { token: after })).status).toBe(200);
  });

  it('is suspended and restored by the system owner only, never by themselves, and each change is audited', async () => {
    const grace = api.user('grace').sub;
    expect((await api.request('POST', `/api/people/${grace}/suspend`, { as: 'amira' })).status).toBe(403);
    expect((await api.request('POST', `/api/people/${grace}/restore`, { as: 'grace' })).status).toBe(403);
    expect((await api.request('POST', `/api/people/${grace}/suspend`)).status).toBe(401);
    const self = await api.request('POST', `/api/people/${api.user('sam').sub}/suspend`, { as: 'sam' });
    expect(self.status).toBe(422);
    expect((await api.request('GET', '/api/me', { as: 'grace' })).status).toBe(200);

    const entries = await auditTrail(api, 'person', dan().sub);
    expect(entries.map((i) => [i.action, i.outcome, (i.actor as { userId: string }).userId])).toEqual([
      ['person.suspend', 'allowed', api.user('sam').sub],
      ['person.restore', 'allowed', api.user('sam').sub],
    ]);
  });
});
