import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCIES } from '../../infra/seed/demo-data.ts';
import type { Agency } from '../../shared/directory/schema.ts';
import type { Problem } from '../../shared/platform/problem.ts';
import { auditTrail, createTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

async function create(name: string, kind = 'school'): Promise<Agency> {
  const res = await api.request('POST', '/api/agencies', { as: 'sam', body: { name, kind } });
  expect(res.status).toBe(201);
  return (await res.json()) as Agency;
}

describe('health and the OpenAPI document (public)', () => {
  it('reports health', async () => {
    const res = await api.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('reports readiness once the directory table answers, with one read of it', async () => {
    const before = api.storeCalls.length;
    const res = await api.request('GET', '/api/health?ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
    expect(api.storeCalls.slice(before)).toEqual([
      { command: 'GetItemCommand', table: api.store.tables.directory, index: undefined },
    ]);
    // Liveness stays cheap: no store call at all.
    const live = api.storeCalls.length;
    expect((await api.request('GET', '/api/health')).status).toBe(200);
    expect(api.storeCalls.length).toBe(live);
  });

  it('documents liveness and readiness in the OpenAPI document', async () => {
    const doc = (await (await api.request('GET', '/api/openapi.json')).json()) as {
      paths: Record<
        string,
        { get?: { parameters?: { name: string }[]; responses: Record<string, unknown> } }
      >;
    };
    const health = doc.paths['/api/health']?.get;
    expect(health?.parameters?.map((p) => p.name)).toContain('ready');
    expect(Object.keys(health?.responses ?? {})).toEqual(expect.arrayContaining(['200', '503']));
  });

  it('publishes an OpenAPI 3.1 document listing every area’s routes', async () => {
    const res = await api.request('GET', '/api/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/guidance',
      '/api/agencies',
      '/api/agencies/{id}',
      '/api/me',
      '/api/referrals',
      '/api/board/actions',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(Object.keys(doc.paths['/api/agencies'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
  });

  it('says which routes refuse a body that is not JSON (415), and only those', async () => {
    const res = await api.request('GET', '/api/openapi.json');
    type Operation = { requestBody?: unknown; responses: Record<string, unknown> };
    const doc = (await res.json()) as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops));
    const withBody = operations.filter((op) => op.requestBody);
    expect(withBody.length).toBeGreaterThan(10);
    for (const op of operations) expect('415' in op.responses).toBe(Boolean(op.requestBody));
    const create = await api.request('POST', '/api/agencies', {
      as: 'sam',
      headers: { 'content-type': 'text/plain' },
      rawBody: 'name=Northshire Youth Club',
    });
    expect(create.status).toBe(415);
  });
});

describe('GET /api/config (public)', () => {
  it('tells the web front end to use the local sign-in when running locally', async () => {
    const res = await api.request('GET', '/api/config');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ auth: { mode: 'local' } });
  });
});

describe('GET /api/me', () => {
  it('says who the caller is, from the verified token, with their agency from the directory', async () => {
    const res = await api.request('GET', '/api/me', { as: 'amira' });
    expect(res.status).toBe(200);
    const me = (await res.json()) as { name: string; roles: string[]; agency: Agency };
    expect(me.name).toBe('Amira Haddad');
    expect(me.roles).toEqual(['referrer']);
    expect(me.agency.name).toBe('Brookfield Primary School');
  });
});

describe('tokens', () => {
  const protectedRoutes = ['/api/me', '/api/agencies', '/api/referrals', '/api/board/actions'];

  it.each(protectedRoutes)('%s answers 401 problem+json without a token', async (path) => {
    const res = await api.request('GET', path);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses a token from a signer the issuer never published', async () => {
    const { createDevIssuer } = await import('../../infra/local/dev-auth.ts');
    const impostor = await createDevIssuer('https://issuer.test/auth/dev');
    const res = await api.request('GET', '/api/me', { token: await impostor.sign(api.user('sam')) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as Problem).detail).toBe('The token is not valid');
  });

  it('refuses an expired token, an ID token and a token for another client', async () => {
    const expired = await api.tokenFor('sam', { exp: Math.floor(Date.now() / 1000) - 3600 });
    const idToken = await api.tokenFor('sam', { token_use: 'id' });
    const otherClient = await api.tokenFor('sam', { client_id: 'someone-else' });
    for (const token of [expired, idToken, otherClient]) {
      expect((await api.request('GET', '/api/me', { token })).status).toBe(401);
    }
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const res = await api.request('GET', '/api/me', { headers: { authorization: 'Basic c2FtOnNhbQ==' } });
    expect(res.status).toBe(401);
  });
});

describe('agencies', () => {
  it('lists the seeded partner agencies to any signed-in user', async () => {
    const res = await api.request('GET', '/api/agencies?limit=200', { as: 'amira' });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Agency[] };
    expect(items.map((a) => a.name)).toEqual(expect.arrayContaining(DEMO_AGENCIES.map((a) => a.name)));
  });

  it('pages with an opaque cursor that cannot be altered or used by someone else', async () => {
    const first = (await (await api.request('GET', '/api/agencies?limit=4', { as: 'amira' })).json()) as {
      items: Agency[];
      nextCursor: string;
    };
    expect(first.items).toHaveLength(4);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await (
      await api.request('GET', `/api/agencies?limit=4&cursor=${encodeURIComponent(first.nextCursor)}`, {
        as: 'amira',
      })
    ).json()) as { items: Agency[] };
    expect(second.items.map((a) => a.id)).not.toContain(first.items[0]?.id);

    // The first character carries whole bits; changing the last ones may decode to the same bytes.
    const tampered = (first.nextCursor.startsWith('A') ? 'B' : 'A') + first.nextCursor.slice(1);
    const bad = await api.request('GET', `/api/agencies?cursor=${encodeURIComponent(tampered)}`, {
      as: 'amira',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const stolen = await api.request('GET', `/api/agencies?cursor=${encodeURIComponent(first.nextCursor)}`, {
      as: 'dan',
    });
    expect(stolen.status).toBe(400);
  });

  it('refuses a limit out of range, naming the field', async () => {
    const res = await api.request('GET', '/api/agencies?limit=0', { as: 'amira' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors).toEqual([expect.objectContaining({ field: 'limit' })]);
  });

  it('lets the admin add an agency, audited in the same transaction', async () => {
    const agency = await create('Oakfield Academy Trust');
    expect(agency).toMatchObject({
      name: 'Oakfield Academy Trust',
      kind: 'school',
      active: true,
      version: 1,
    });
    const trail = await auditTrail(api, 'agency', agency.id);
    expect(trail).toEqual([
      expect.objectContaining({
        action: 'agency.create',
        outcome: 'allowed',
        actor: expect.objectContaining({ userId: api.user('sam').sub }),
      }),
    ]);
    const read = await api.request('GET', `/api/agencies/${agency.id}`, { as: 'dan' });
    expect(read.headers.get('etag')).toBe('"1"');
  });

  it('refuses an agency from anyone but the admin, and writes nothing', async () => {
    for (const who of ['amira', 'grace', 'tom']) {
      const res = await api.request('POST', '/api/agencies', {
        as: who,
        body: { name: `By ${who}`, kind: 'other' },
      });
      expect(res.status).toBe(403);
    }
    const { items } = (await (await api.request('GET', '/api/agencies?limit=200', { as: 'sam' })).json()) as {
      items: Agency[];
    };
    expect(items.map((a) => a.name)).not.toContain('By amira');
  });

  it('names each bad field and the reason, and rejects unknown fields', async () => {
    const res = await api.request('POST', '/api/agencies', {
      as: 'sam',
      body: { name: '', kind: 'bank', agencyId: 'northshire-police' },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Problem;
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', reason: 'Enter the agency name' },
        { field: 'kind', reason: 'Choose the kind of agency' },
        { field: 'agencyId', reason: 'is not a field this request accepts' },
      ]),
    );
  });

  it('answers malformed JSON with 400 and an oversize body with 413, before parsing', async () => {
    const malformed = await api.request('POST', '/api/agencies', { as: 'sam', rawBody: '{"name": "Half' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    const huge = await api.request('POST', '/api/agencies', {
      as: 'sam',
      rawBody: JSON.stringify({ name: 'x'.repeat(200_000), kind: 'school' }),
    });
    expect(huge.status).toBe(413);
  });

  it('refuses two agencies with the same name, whatever the case and spacing', async () => {
    await create('Riverside Youth Club', 'voluntary');
    const res = await api.request('POST', '/api/agencies', {
      as: 'sam',
      body: { name: 'riverside  youth club', kind: 'voluntary' },
    });
    expect(res.status).toBe(409);
  });

  it('refuses an agency whose name only looks different: a Cyrillic letter, capitals, a rename', async () => {
    // Northshire Police is seeded.
    const lookAlike = await api.request('POST', '/api/agencies', {
      as: 'sam',
      body: { name: 'Northshire P\u043elice', kind: 'police' },
    });
    expect(lookAlike.status).toBe(409);
    const shouted = await api.request('POST', '/api/agencies', {
      as: 'sam',
      body: { name: 'NORTHSHIRE  POLICE', kind: 'police' },
    });
    expect(shouted.status).toBe(409);
    // A zero-width space is refused by the text rule before any name is claimed.
    const hidden = await api.request('POST', '/api/agencies', {
      as: 'sam',
      body: { name: 'North\u200bshire Police', kind: 'police' },
    });
    expect(hidden.status).toBe(400);
    expect(((await hidden.json()) as Problem).errors).toEqual([
      { field: 'name', reason: 'must not contain invisible or direction-changing characters' },
    ]);
    const other = await create('Eastbrook Children\u2019s Centre', 'voluntary');
    const renamed = await api.request('PATCH', `/api/agencies/${other.id}`, {
      as: 'sam',
      headers: { 'if-match': '"1"' },
      body: { name: 'N\u03bfrthshire Police' },
    });
    expect(renamed.status).toBe(409);
    const names = (
      (await (await api.request('GET', '/api/agencies?limit=200', { as: 'sam' })).json()) as {
        items: Agency[];
      }
    ).items.map((a) => a.name);
    expect(names.filter((n) => /police/i.test(n))).toEqual(['Northshire Police']);
  });

  it('renames and deactivates with If-Match; a stale version gets 409 and the current record', async () => {
    const agency = await create('Hillside Nursery');
    const renamed = await api.request('PATCH', `/api/agencies/${agency.id}`, {
      as: 'sam',
      headers: { 'if-match': '"1"' },
      body: { name: 'Hillside Nursery and Pre-school' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get('etag')).toBe('"2"');

    const stale = await api.request('PATCH', `/api/agencies/${agency.id}`, {
      as: 'sam',
      headers: { 'if-match': '"1"' },
      body: { active: false },
    });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { current: Agency };
    expect(conflict.current).toMatchObject({
      name: 'Hillside Nursery and Pre-school',
      version: 2,
      active: true,
    });

    const deactivated = await api.request('PATCH', `/api/agencies/${agency.id}`, {
      as: 'sam',
      headers: { 'if-match': '"2"' },
      body: { active: false },
    });
    expect(((await deactivated.json()) as Agency).active).toBe(false);
    // The old name is free again once it has been renamed away.
    await create('Hillside Nursery');
    expect((await auditTrail(api, 'agency', agency.id)).map((e) => e.action)).toEqual([
      'agency.create',
      'agency.update',
      'agency.update',
    ]);
  });

  it('sets, changes and removes an agency’s safeguarding mailbox, refusing one that is not an address', async () => {
    const agency = await create('Riverside Infant School');
    const patch = (version: number, notifyEmail: unknown) =>
      api.request('PATCH', `/api/agencies/${agency.id}`, {
        as: 'sam',
        headers: { 'if-match': `"${version}"` },
        body: { notifyEmail },
      });
    const set = await patch(1, 'safeguarding@riverside.example.org');
    expect(((await set.json()) as Agency).notifyEmail).toBe('safeguarding@riverside.example.org');

    const bad = await patch(2, 'safeguarding at riverside');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors).toEqual([
      { field: 'notifyEmail', reason: 'Enter an email address, like safeguarding@school.example.org' },
    ]);

    const removed = await patch(2, null);
    expect(removed.status).toBe(200);
    const read = (await (
      await api.request('GET', `/api/agencies/${agency.id}`, { as: 'sam' })
    ).json()) as Agency;
    expect(read).not.toHaveProperty('notifyEmail');
    expect(read).toMatchObject({ name: 'Riverside Infant School', active: true, version: 3 });
    expect((await auditTrail(api, 'agency', agency.id)).map((e) => e.detail ?? '')).toEqual([
      expect.anything(),
      'mailbox set',
      'mailbox removed',
    ]);
  });

  it('asks for If-Match on an edit, and answers 404 for an agency that does not exist', async () => {
    const agency = await create('Meadow Lane Surgery', 'health');
    const noVersion = await api.request('PATCH', `/api/agencies/${agency.id}`, {
      as: 'sam',
      body: { active: false },
    });
    expect(noVersion.status).toBe(428);
    const missing = await api.request('PATCH', '/api/agencies/no-such-agency', {
      as: 'sam',
      headers: { 'if-match': '"1"' },
      body: { active: false },
    });
    expect(missing.status).toBe(404);
  });

  it('keeps bodies and names out of the logs', async () => {
    await create('Canary Lodge Children’s Centre', 'voluntary');
    expect(api.logs.length).toBeGreaterThan(0);
    expect(api.logs.join('\n')).not.toContain('Canary Lodge');
    expect(JSON.parse(api.logs.at(-1) ?? '{}')).toMatchObject({ route: '/api/agencies', status: 201 });
  });
});
