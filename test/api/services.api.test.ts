import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/platform/problem.ts';
import type { ServiceFields, ServiceMatch, ServiceView } from '../../shared/services/schema.ts';
import { auditTrail, clockedTestApi } from '../support/api.ts';

/**
 * The services directory: editors draft and keep entries (the partnership's every one, a
 * provider's its own), published entries are public and found by need, district, age and the rest,
 * nearest first, each saying why it matches.
 */
const { api, at } = clockedTestApi('2026-03-02T10:00:00Z');

// ruth edits for the partnership; kofi for Harbour Family Support; joe is a referrer there.
const PARTNERSHIP = 'ruth';
const PROVIDER = 'kofi';

const fields = (overrides: Partial<ServiceFields> = {}): ServiceFields => ({
  name: 'Harbour Family Hub',
  provider: { name: 'Harbour Family Support', agencyId: 'harbour-family-support' },
  summary: 'Practical help at home for families under pressure: routines, money and school.',
  needs: ['housing-income', 'family-functioning'],
  levels: [2, 3],
  ages: { from: 0, to: 16 },
  area: { wholeCounty: false, districts: ['NS6', 'NS2'] },
  baseDistrict: 'NS6',
  cost: { free: true },
  access: ['self-referral', 'professional-referral'],
  contact: { howToRefer: 'Ring the hub and ask for the duty worker.', phone: '01632 960 123' },
  openingTimes: 'Monday to Friday, 9am to 5pm',
  languages: ['English'],
  ...overrides,
});

async function draft(overrides: Partial<ServiceFields> = {}, as = PARTNERSHIP): Promise<ServiceView> {
  const res = await api.request('POST', '/api/services', { as, body: fields(overrides) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ServiceView;
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const step = (service: ServiceView, action: string, as = PARTNERSHIP) =>
  api.request('POST', `/api/services/${service.id}/${action}`, { as, headers: ifMatch(service.version) });

async function published(overrides: Partial<ServiceFields> = {}, as = PARTNERSHIP): Promise<ServiceView> {
  const made = await draft(overrides, as);
  const res = await step(made, 'publish', as);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ServiceView;
}

async function search(query: string): Promise<{ items: ServiceMatch[]; nextCursor: string | null }> {
  const res = await api.request('GET', `/api/services?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { items: ServiceMatch[]; nextCursor: string | null };
}
const names = (page: { items: ServiceMatch[] }) => page.items.map((m) => m.service.fields.name);

/** A word no other test's entries use, so each test's searches see only its own. */
const tag = () => `zz${Math.random().toString(36).slice(2, 8)}`;

describe('drafting and keeping an entry', () => {
  it('drafts an entry at version 1, checked today by its editor, private until published', async () => {
    const made = await draft({
      provider: { name: 'Harbour Family Support', agencyId: 'harbour-family-support' },
    });
    expect(made).toMatchObject({
      status: 'draft',
      version: 1,
      ownerAgencyId: 'harbour-family-support',
      lastCheckedOn: '2026-03-02',
      lastCheckedBy: { name: 'Ruth Penhaligon' },
      checkDue: false,
      checkDueOn: '2026-09-02',
    });
    expect((await api.request('GET', `/api/services/${made.id}`)).status).toBe(404);
    expect((await api.request('GET', `/api/services/${made.id}`, { as: 'joe' })).status).toBe(404);
    const own = await api.request('GET', `/api/services/${made.id}`, { as: PROVIDER });
    expect(own.status).toBe(200);
    expect(own.headers.get('etag')).toBe('"1"');
    const trail = await auditTrail<{ action: string }>(api, 'service', made.id);
    expect(trail.map((e) => e.action)).toEqual(['service.create']);
  });

  it('gives an entry with no partner agency as provider to the partnership to keep', async () => {
    const made = await draft({ provider: { name: 'Northshire Libraries' } });
    expect(made.ownerAgencyId).toBe('northshire-partnership');
    // A provider's editor cannot see it, let alone change it: it answers as if absent.
    expect((await api.request('GET', `/api/services/${made.id}`, { as: PROVIDER })).status).toBe(404);
    const res = await api.request('PUT', `/api/services/${made.id}`, {
      as: PROVIDER,
      headers: ifMatch(1),
      body: fields(),
    });
    expect(res.status).toBe(404);
  });

  it("refuses a provider's editor an entry for another provider, naming the field", async () => {
    const res = await api.request('POST', '/api/services', {
      as: PROVIDER,
      body: fields({ provider: { name: 'Brookfield Primary', agencyId: 'brookfield-primary' } }),
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Problem;
    expect(problem.errors?.[0]?.field).toBe('provider.agencyId');
    const none = await api.request('POST', '/api/services', {
      as: PROVIDER,
      body: fields({ provider: { name: 'Someone else' } }),
    });
    expect(none.status).toBe(400);
  });

  it('refuses needs that are not in the current guidance, and a provider that is no partner agency', async () => {
    const res = await api.request('POST', '/api/services', {
      as: PARTNERSHIP,
      body: fields({ needs: ['housing-income', 'astrology'] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors).toEqual([
      { field: 'needs.1', reason: 'astrology is not a need in the current guidance' },
    ]);
    const agency = await api.request('POST', '/api/services', {
      as: PARTNERSHIP,
      body: fields({ provider: { name: 'Nobody', agencyId: 'no-such-agency' } }),
    });
    expect(((await agency.json()) as Problem).errors?.[0]?.field).toBe('provider.agencyId');
  });

  it('lets only directory editors write', async () => {
    const res = await api.request('POST', '/api/services', { as: 'joe', body: fields() });
    expect(res.status).toBe(403);
    expect((await api.request('POST', '/api/services', { body: fields() })).status).toBe(401);
  });

  it('replaces fields with If-Match, and answers a stale one with 409 and the entry as it stands', async () => {
    const made = await draft({}, PROVIDER);
    const res = await api.request('PUT', `/api/services/${made.id}`, {
      as: PROVIDER,
      headers: ifMatch(1),
      body: fields({ name: 'Harbour Family Hub (Saltmarsh)' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const stale = await api.request('PUT', `/api/services/${made.id}`, {
      as: PARTNERSHIP,
      headers: ifMatch(1),
      body: fields({ name: 'Another name' }),
    });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { current: ServiceView };
    expect(body.current).toMatchObject({ version: 2, fields: { name: 'Harbour Family Hub (Saltmarsh)' } });
    const missing = await api.request('PUT', `/api/services/${made.id}`, { as: PROVIDER, body: fields() });
    expect(missing.status).toBe(428);
  });

  it('publishes, unpublishes and records checks, each audited', async () => {
    const made = await published();
    expect(made).toMatchObject({ status: 'published', version: 2 });
    expect((await api.request('GET', `/api/services/${made.id}`)).status).toBe(200);
    expect((await step(made, 'publish')).status).toBe(409);
    const hidden = await step(made, 'unpublish');
    expect(hidden.status).toBe(200);
    expect((await api.request('GET', `/api/services/${made.id}`)).status).toBe(404);
    const after = (await hidden.json()) as ServiceView;
    at('2026-05-04T10:00:00Z');
    const checked = await step(after, 'check', PROVIDER);
    expect(await checked.json()).toMatchObject({
      lastCheckedOn: '2026-05-04',
      lastCheckedBy: { name: 'Kofi Mensah' },
      version: 4,
    });
    at('2026-03-02T10:00:00Z');
    const trail = await auditTrail<{ action: string; actor: { name: string } }>(api, 'service', made.id);
    expect(trail.map((e) => e.action).sort()).toEqual(
      ['service.check', 'service.create', 'service.publish', 'service.unpublish'].sort(),
    );
  });
});

describe('an editor’s own list', () => {
  it("shows a provider's editor their agency's entries only, the partnership every one, check-due first", async () => {
    at('2025-06-01T10:00:00Z');
    const old = await draft({ name: 'Long-unchecked group' }, PROVIDER);
    at('2026-03-02T10:00:00Z');
    const other = await draft({ provider: { name: 'Northshire Libraries' } });
    const mine = async (as: string) => {
      const ids: ServiceView[] = [];
      let cursor: string | null = null;
      do {
        const res = await api.request(
          'GET',
          `/api/services/mine?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          { as },
        );
        expect(res.status).toBe(200);
        const page = (await res.json()) as { items: ServiceView[]; nextCursor: string | null };
        ids.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };
    const provider = await mine(PROVIDER);
    expect(provider.every((s) => s.ownerAgencyId === 'harbour-family-support')).toBe(true);
    expect(provider[0]).toMatchObject({ id: old.id, checkDue: true, checkDueOn: '2025-12-01' });
    expect(provider.map((s) => s.id)).not.toContain(other.id);
    const partnership = await mine(PARTNERSHIP);
    expect(partnership.map((s) => s.id)).toEqual(expect.arrayContaining([old.id, other.id]));
    expect(partnership[0]?.id).toBe(old.id);
    expect((await api.request('GET', '/api/services/mine', { as: 'joe' })).status).toBe(403);
  });
});

describe('the public search', () => {
  it('finds published entries only, nearest first, saying why each matches', async () => {
    const word = tag();
    const summary = `Help for families ${word}.`;
    // From NS3 (42,49): NS1 is 8 km, NS7 is 13 km, NS11 is 42 km.
    const near = await published({
      name: 'Near',
      summary,
      baseDistrict: 'NS1',
      area: { wholeCounty: true, districts: [] },
    });
    const middle = await published({
      name: 'Middle',
      summary,
      baseDistrict: 'NS7',
      area: { wholeCounty: false, districts: ['NS3', 'NS7'] },
    });
    await published({
      name: 'Far',
      summary,
      baseDistrict: 'NS11',
      area: { wholeCounty: true, districts: [] },
    });
    await published({
      name: 'Elsewhere',
      summary,
      baseDistrict: 'NS3',
      area: { wholeCounty: false, districts: ['NS4'] },
    });
    await draft({ name: 'Draft only', summary, baseDistrict: 'NS3' });
    const page = await search(`q=${word}&district=NS3&need=housing-income`);
    expect(names(page)).toEqual(['Near', 'Middle', 'Far']);
    expect(page.items.map((m) => m.distanceKm)).toEqual([8, 13, 42]);
    expect(page.items[1]?.reasons).toEqual([
      'Meets: Housing, income and employment',
      'Covers NS3',
      `Mentions “${word}”`,
    ]);
    expect(page.items[0]?.service.id).toBe(near.id);
    expect(page.items[1]?.service.id).toBe(middle.id);
    // One at a time, each page resumes where the last stopped, across distances.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const one = await search(
        `q=${word}&district=NS3&need=housing-income&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...names(one));
      cursor = one.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(['Near', 'Middle', 'Far']);
  });

  it('orders by name without a district, and filters by age, cost, access and level', async () => {
    const word = tag();
    const summary = `Groups ${word}.`;
    await published({ name: 'Bumps and babies', summary, ages: { from: 0, to: 2 }, levels: [1, 2] });
    await published({
      name: 'Teen talk',
      summary,
      ages: { from: 11, to: 18 },
      cost: { free: false, details: '£2 a session' },
    });
    await published({
      name: 'After school club',
      summary,
      ages: { from: 5, to: 11 },
      access: ['professional-referral'],
      levels: [3],
    });
    expect(names(await search(`q=${word}`))).toEqual(['After school club', 'Bumps and babies', 'Teen talk']);
    const aged = await search(`q=${word}&age=11`);
    expect(names(aged)).toEqual(['After school club', 'Teen talk']);
    expect(aged.items[0]?.reasons).toContain('Ages 5 to 11');
    expect(names(await search(`q=${word}&free=true`))).toEqual(['After school club', 'Bumps and babies']);
    const self = await search(`q=${word}&access=self-referral`);
    expect(names(self)).toEqual(['Bumps and babies', 'Teen talk']);
    expect(self.items[0]?.reasons).toContain('Families can contact it themselves');
    expect(names(await search(`q=${word}&level=3`))).toEqual(['After school club', 'Teen talk']);
  });

  it('matches any of several needs, each entry once, and pages with a cursor', async () => {
    const word = tag();
    const summary = `Support ${word}.`;
    for (const [i, needs] of [
      ['housing-income'],
      ['community'],
      ['housing-income', 'community'],
      ['health'],
    ].entries())
      await published({
        name: `Service ${i}`,
        summary,
        needs,
        area: { wholeCounty: true, districts: [] },
        baseDistrict: 'NS1',
      });
    const first = await search(`q=${word}&need=housing-income&need=community&district=NS2&limit=2`);
    expect(names(first)).toEqual(['Service 0', 'Service 1']);
    expect(first.nextCursor).toBeTruthy();
    const second = await search(
      `q=${word}&need=housing-income&need=community&district=NS2&limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
    );
    expect(names(second)).toEqual(['Service 2']);
    expect(second.nextCursor).toBeNull();
    expect(second.items[0]?.reasons[0]).toBe(
      'Meets: Housing, income and employment, Community and social integration',
    );
    // A cursor from one search is refused by another.
    const res = await api.request(
      'GET',
      `/api/services?q=${word}&limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
    );
    expect(res.status).toBe(400);
  });

  it('refuses a need the guidance does not have, naming need', async () => {
    const res = await api.request('GET', '/api/services?need=astrology');
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors?.[0]?.field).toBe('need');
    expect((await api.request('GET', '/api/services?district=NS99')).status).toBe(400);
  });

  it('follows an edit of a published entry, and drops one that is unpublished', async () => {
    const word = tag();
    const made = await published({
      name: 'Moving service',
      summary: `Moves ${word}.`,
      area: { wholeCounty: false, districts: ['NS4'] },
      baseDistrict: 'NS4',
    });
    expect(names(await search(`q=${word}&district=NS4`))).toEqual(['Moving service']);
    const res = await api.request('PUT', `/api/services/${made.id}`, {
      as: PARTNERSHIP,
      headers: ifMatch(made.version),
      body: fields({
        name: 'Moved service',
        summary: `Moves ${word}.`,
        area: { wholeCounty: false, districts: ['NS9'] },
        baseDistrict: 'NS9',
      }),
    });
    expect(res.status).toBe(200);
    const moved = (await res.json()) as ServiceView;
    expect(moved.status).toBe('published');
    expect(names(await search(`q=${word}&district=NS4`))).toEqual([]);
    expect(names(await search(`q=${word}&district=NS9`))).toEqual(['Moved service']);
    expect(names(await search(`q=${word}`))).toEqual(['Moved service']);
    // A check leaves it listed as it was.
    const checked = await step(moved, 'check');
    expect(names(await search(`q=${word}&district=NS9`))).toEqual(['Moved service']);
    await step((await checked.json()) as ServiceView, 'unpublish');
    expect(names(await search(`q=${word}`))).toEqual([]);
    expect(names(await search(`q=${word}&district=NS9`))).toEqual([]);
  });
});
