import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import { createTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

describe('GET /api/guidance (public)', () => {
  it('answers with the seeded, published guidance from the store without a sign-in', async () => {
    const res = await api.request('GET', '/api/guidance');
    expect(res.status).toBe(200);
    const body = (await res.json()) as GuidanceVersion;
    expect(body.version).toBe(1);
    expect(body.status).toBe('published');
    expect(body.framework.levels.map((l) => l.level)).toEqual([1, 2, 3, 4]);
    expect(body.framework.indicators).toHaveLength(illustrativeFramework.indicators.length);
    expect(body.framework.indicators.map((i) => i.text)).toContain(
      illustrativeFramework.indicators.find((i) => i.id === 'basic-care-often-hungry')?.text,
    );
  });

  it('is served with one read of the store', async () => {
    api.storeCalls.length = 0;
    await api.request('GET', '/api/guidance');
    expect(api.storeCalls).toEqual([
      { command: 'GetItemCommand', table: api.store.tables.guidance, index: undefined },
    ]);
  });

  it('is cacheable by browsers and CloudFront, and revalidates by ETag', async () => {
    const first = await api.request('GET', '/api/guidance');
    const tag = first.headers.get('etag');
    expect(tag).toBe('"v1"');
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const again = await api.request('GET', '/api/guidance', { headers: { 'if-none-match': tag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('lists versions and reads one by number; an unknown version is 404 problem+json', async () => {
    const list = await api.request('GET', '/api/guidance/versions');
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as { items: { version: number; status: string }[] };
    expect(items).toEqual([expect.objectContaining({ version: 1, status: 'published' })]);

    const one = await api.request('GET', '/api/guidance/versions/1');
    expect(one.status).toBe(200);
    expect(((await one.json()) as GuidanceVersion).framework.title).toBe(illustrativeFramework.title);

    const missing = await api.request('GET', '/api/guidance/versions/99');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses a version that is not a number, naming the field', async () => {
    const res = await api.request('GET', '/api/guidance/versions/latest');
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { field: string; reason: string }[] };
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'version' })]);
  });

  it('still answers the public route for a signed-in user, and refuses a forged token', async () => {
    expect((await api.request('GET', '/api/guidance', { as: 'amira' })).status).toBe(200);
    const forged = await api.request('GET', '/api/guidance', { token: 'not.a.token' });
    expect(forged.status).toBe(401);
  });
});
