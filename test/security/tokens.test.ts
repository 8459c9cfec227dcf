import { exportJWK, exportSPKI, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/platform/problem.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { createTestApi, TEST_ISSUER, type TestApi } from '../support/api.ts';
import { fixtures } from '../support/security-fixtures.ts';
import {
  AGENCY_A,
  AGENCY_B,
  appsOver,
  type Caller,
  callerTokens,
  problemIssues,
  recordFigures,
  routerRoutes,
  samplePath,
  trackWrites,
} from '../support/security-harness.ts';
import { bodyFieldsOf, sendWrite, WRITE_ROUTES } from '../support/security-routes.ts';

/**
 * Tokens: every way an access token can be wrong is refused with 401 on every
 * route, public ones included (a token that is sent is always checked), and writes nothing. The
 * caller's agency and roles come from the verified token only: no body, query or header can set them.
 */
let api: TestApi;
let tokens: Record<Caller, string | undefined>;
let apps: Awaited<ReturnType<typeof appsOver>>;
const started = performance.now();
const figures = { tokenKinds: 0, cases: 0, accepted: 0, smuggled: 0, smuggledAccepted: 0 };

// The test's own signing key, published as the only key the apps trust, so any token can be made.
let trusted: CryptoKey;
let trustedRs512: CryptoKey | Uint8Array;
let trustedPublicPem: string;
let stranger: CryptoKey;
const KID = 'security-test-key';
const CLIENT_ID = 'portal-local-web';
const sam = { sub: '00000000-0000-4000-8000-000000000009', username: 'sam', name: 'Sam Okafor' };

beforeAll(async () => {
  api = await createTestApi();
  tokens = await callerTokens(api);
  const pair = await generateKeyPair('RS256', { extractable: true });
  trusted = pair.privateKey;
  trustedRs512 = await importJWK(await exportJWK(pair.privateKey), 'RS512');
  trustedPublicPem = await exportSPKI(pair.publicKey);
  stranger = (await generateKeyPair('RS256')).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  apps = await appsOver(api, api.store.db, { jwks: { keys: [jwk] } });
});

afterAll(async () => {
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const f = figures;
  recordFigures(
    'tokens',
    { ...f, seconds },
    `${f.tokenKinds} kinds of bad token × every route = ${f.cases} cases, ${f.accepted} accepted; ` +
      `${f.smuggled} attempts to set agency or role in a request, ${f.smuggledAccepted} accepted (${seconds} s)`,
  );
  await api?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function claims(overrides: Record<string, unknown> = {}, omit: string[] = []): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    ...sam,
    iss: TEST_ISSUER,
    token_use: 'access',
    client_id: CLIENT_ID,
    'cognito:groups': ['admin'],
    agencyId: 'northshire-council',
    iat: now(),
    exp: now() + 3600,
    ...overrides,
  };
  for (const key of omit) delete payload[key];
  return payload;
}

async function sign(
  payload: Record<string, unknown>,
  {
    key = trusted,
    alg = 'RS256',
    kid = KID,
  }: { key?: CryptoKey | Uint8Array; alg?: string; kid?: string } = {},
): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key);
}

/** Each way an Authorization header can be wrong, as the header's value. */
async function badAuthorizations(): Promise<[string, string][]> {
  const valid = await sign(claims());
  const [header, payload, signature] = valid.split('.') as [string, string, string];
  const flip = (s: string, i: number) => `${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`;
  const forged = b64({ ...claims(), agencyId: AGENCY_B, 'cognito:groups': ['admin', 'triage'] });
  const bearer = (token: string) => `Bearer ${token}`;
  return [
    ['expired an hour ago', bearer(await sign(claims({ iat: now() - 7200, exp: now() - 3600 })))],
    ['expired a minute ago', bearer(await sign(claims({ exp: now() - 60 })))],
    ['not valid before an hour from now (nbf)', bearer(await sign(claims({ nbf: now() + 3600 })))],
    ['issued an hour from now (iat)', bearer(await sign(claims({ iat: now() + 3600, exp: now() + 7200 })))],
    ['from another issuer', bearer(await sign(claims({ iss: 'https://issuer.example/evil' })))],
    ['issuer with a trailing slash', bearer(await sign(claims({ iss: `${TEST_ISSUER}/` })))],
    ['no issuer', bearer(await sign(claims({}, ['iss'])))],
    ['for another client (client_id)', bearer(await sign(claims({ client_id: 'someone-else' })))],
    [
      'no client_id, audience only (an ID token’s shape)',
      bearer(await sign(claims({ aud: CLIENT_ID }, ['client_id']))),
    ],
    ['an ID token (token_use: id)', bearer(await sign(claims({ token_use: 'id', aud: CLIENT_ID })))],
    ['no token_use', bearer(await sign(claims({}, ['token_use'])))],
    ['no subject', bearer(await sign(claims({}, ['sub'])))],
    ['no expiry', bearer(await sign(claims({}, ['exp'])))],
    ['no issued-at', bearer(await sign(claims({}, ['iat'])))],
    ['expiry as text', bearer(await sign(claims({ exp: String(now() + 3600) })))],
    ['alg: none, unsigned', bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`)],
    [
      'alg: none, with the real signature',
      bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`),
    ],
    [
      'HS256 keyed with the public key (algorithm confusion)',
      bearer(await sign(claims(), { alg: 'HS256', key: new TextEncoder().encode(trustedPublicPem) })),
    ],
    [
      'RS512 with the trusted key (only RS256 is accepted)',
      bearer(await sign(claims(), { alg: 'RS512', key: trustedRs512 })),
    ],
    ['a key not in the JWKS, same kid', bearer(await sign(claims(), { key: stranger }))],
    ['a key not in the JWKS, its own kid', bearer(await sign(claims(), { key: stranger, kid: 'elsewhere' }))],
    ['signature tampered', bearer(`${header}.${payload}.${flip(signature, 20)}`)],
    ['signature removed', bearer(`${header}.${payload}.`)],
    ['claims changed after signing (agency, roles)', bearer(`${header}.${forged}.${signature}`)],
    [
      'header changed after signing (kid)',
      bearer(`${b64({ alg: 'RS256', kid: 'other', typ: 'JWT' })}.${payload}.${signature}`),
    ],
    ['two segments', bearer(`${header}.${payload}`)],
    ['junk', bearer('not-a-token')],
    ['60 KB of junk', bearer('a'.repeat(60_000))],
    ['empty bearer', 'Bearer '],
    ['scheme only', 'Bearer'],
    ['lower-case scheme', `bearer ${valid}`],
    ['Basic credentials', 'Basic c2FtOnNhbQ=='],
    ['no scheme', valid],
    ['two tokens', `Bearer ${valid} ${valid}`],
    ['two headers folded', `Bearer ${valid}, Bearer ${valid}`],
  ];
}

describe('a bad access token', () => {
  it('is not why requests fail: the test key’s valid token is accepted', async () => {
    const res = await apps.request('GET', '/api/me', { token: await sign(claims()) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ roles: ['admin'] });
  });

  it('answers 401 problem+json on every route, public ones included, and writes nothing', async () => {
    const writes = trackWrites(api.store.db);
    const kinds = await badAuthorizations();
    figures.tokenKinds = kinds.length;
    const wrong: string[] = [];
    for (const [kind, authorization] of kinds) {
      for (const route of routerRoutes()) {
        const path = samplePath(route.path);
        const res = await apps.request(route.method, path, {
          headers: { authorization },
          ...(route.method === 'GET' ? {} : { body: {} }),
        });
        const text = await res.text();
        figures.cases++;
        if (res.status !== 401) {
          figures.accepted++;
          wrong.push(`${kind}: ${route.method} ${route.path} answered ${res.status}`);
        } else {
          wrong.push(...problemIssues(res, text).map((i) => `${kind}: ${route.method} ${route.path}: ${i}`));
        }
        const written = writes.take();
        if (written.length)
          wrong.push(`${kind}: ${route.method} ${route.path} wrote ${JSON.stringify(written)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('says only that the token is not valid, never why in the token library’s words', async () => {
    const res = await apps.request('GET', '/api/me', {
      headers: { authorization: `Bearer ${await sign(claims(), { key: stranger })}` },
    });
    expect(((await res.json()) as Problem).detail).toBe('The token is not valid');
  });
});

describe('agency and roles come from the token only', () => {
  const smuggled = {
    agencyId: AGENCY_B,
    agency: AGENCY_B,
    roles: ['admin', 'triage'],
    'cognito:groups': ['admin'],
    role: 'admin',
    userId: 'someone-else',
    createdBy: { userId: 'someone-else', name: 'Someone Else' },
    status: 'closed',
    version: 99,
    id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
  };

  it('refuses any of them in the body of every write route, naming each field, and writes nothing', async () => {
    const fx = fixtures(api);
    const writes = trackWrites(api.store.db);
    const wrong: string[] = [];
    for (const write of WRITE_ROUTES) {
      const prepared = await write.prepare(fx);
      writes.take();
      const body = { ...(prepared.body as Record<string, unknown> | undefined), ...smuggled };
      const res = await sendWrite(api, tokens, write, prepared, { body });
      figures.smuggled++;
      const text = await res.text();
      const written = writes.take().filter((w) => !w.items.every((i) => i.outcome === 'denied'));
      if (prepared.body === undefined) {
        // A route that takes no body ignores one: the record is changed as the token allows, no more.
        if (res.status !== write.ok) wrong.push(`${write.route}: ${res.status} ${text.slice(0, 200)}`);
        const after = JSON.parse(text) as Partial<Referral>;
        if (write.route.startsWith('POST /api/people/')) {
          // A person's access record: about the person in the path, whatever the body says.
          const person = after as { userId?: string; agencyId?: unknown; roles?: unknown };
          if (!prepared.path.includes(`/${person.userId}/`) || 'agencyId' in person || 'roles' in person)
            wrong.push(`${write.route}: took ${text.slice(0, 200)} from the body`);
          continue;
        }
        if (write.route.startsWith('POST /api/services/')) {
          // A directory entry's keeper follows its provider, never a body: the fixtures' is Harbour Family Support.
          const entry = after as { ownerAgencyId?: unknown; status?: unknown; version?: unknown };
          if (
            entry.ownerAgencyId !== 'harbour-family-support' ||
            entry.status === 'closed' ||
            entry.version === 99
          )
            wrong.push(`${write.route}: took ${text.slice(0, 200)} from the body`);
          continue;
        }
        if (write.route === 'POST /api/guidance/versions/{version}/approve') {
          // The approver is the token's caller (the suites' editor, Tom), whatever a body says.
          const version = after as { approvedBy?: { id?: string }; status?: unknown; revision?: unknown };
          if (
            version.approvedBy?.id !== api.user('tom').sub ||
            version.status !== 'draft' ||
            version.revision === 99
          )
            wrong.push(`${write.route}: took ${text.slice(0, 200)} from the body`);
          continue;
        }
        if (write.route === 'POST /api/board/actions/{id}/updates/{updateId}/verify') {
          // The verifier is the token's caller (the suites' board member, Helen), whatever a body says.
          const action = after as {
            latestUpdate?: { verified?: { by?: { userId?: string } } };
            status?: unknown;
            version?: unknown;
          };
          if (
            action.latestUpdate?.verified?.by?.userId !== api.user('helen').sub ||
            action.status === 'closed' ||
            action.version === 99
          )
            wrong.push(`${write.route}: took ${text.slice(0, 200)} from the body`);
          continue;
        }
        if (write.route.endsWith('/attachments/{attachmentId}/complete')) {
          // A document's uploader is whoever attached it, its status the store's, whatever a body says.
          const { attachment } = JSON.parse(text) as {
            attachment?: { id?: string; status?: string; uploadedBy?: { agencyId?: string } };
          };
          if (
            attachment?.uploadedBy?.agencyId !== AGENCY_A ||
            attachment.status !== 'ready' ||
            attachment.id === smuggled.id
          )
            wrong.push(`${write.route}: took ${text.slice(0, 200)} from the body`);
          continue;
        }
        if (after.agencyId !== AGENCY_A) wrong.push(`${write.route}: agency became ${after.agencyId}`);
        if (after.status === 'closed' && write.route !== 'POST /api/referrals/{id}/close')
          wrong.push(`${write.route}: status taken from the body`);
        continue;
      }
      if (res.status !== 400) {
        figures.smuggledAccepted++;
        wrong.push(`${write.route}: ${res.status}, expected 400`);
        continue;
      }
      const fields = ((JSON.parse(text) as Problem).errors ?? []).map((e) => e.field);
      // A field the route takes on its own terms (the agency asked to lead an episode) is not the
      // caller's agency: the request is refused for the others, and writes nothing.
      const own = bodyFieldsOf(write.route);
      for (const field of Object.keys(smuggled).filter((f) => !own.includes(f))) {
        if (!fields.includes(field)) wrong.push(`${write.route}: ${field} not named as refused`);
      }
      if (written.length) wrong.push(`${write.route}: wrote ${JSON.stringify(written)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses them nested inside the referral, and as __proto__ or constructor, polluting nothing', async () => {
    const fx = fixtures(api);
    const create = WRITE_ROUTES.find((w) => w.route === 'POST /api/referrals');
    if (!create) throw new Error('no create route');
    for (const body of [
      { child: { firstName: 'Ada', agencyId: AGENCY_B } },
      { consent: { status: 'given', byWhom: 'Mother', agencyId: AGENCY_B } },
      JSON.parse(`{"concerns":"x","__proto__":{"agencyId":"${AGENCY_B}","roles":["admin"]}}`),
      JSON.parse(`{"concerns":"x","constructor":{"prototype":{"agencyId":"${AGENCY_B}"}}}`),
    ]) {
      const prepared = await create.prepare(fx);
      const res = await api.request('POST', '/api/referrals', {
        token: tokens.referrerA,
        rawBody: JSON.stringify(body),
        headers: prepared.headers ?? {},
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      figures.smuggled++;
    }
    expect(({} as Record<string, unknown>).agencyId).toBeUndefined();
    expect(({} as Record<string, unknown>).roles).toBeUndefined();
  });

  it('ignores agency and role headers, and refuses them in the query', async () => {
    const headers = {
      'x-agency-id': AGENCY_B,
      'x-user-roles': 'admin,triage',
      'x-amzn-oidc-data': 'forged',
      'x-forwarded-user': 'sam',
      'x-request-id': 'chosen-by-the-caller',
    };
    const created = await api.request('POST', '/api/referrals', {
      token: tokens.referrerA,
      body: { concerns: 'Headers should change nothing.' },
      headers: { ...headers, 'idempotency-key': `hdr-${Date.now()}` },
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as Referral).agencyId).toBe(AGENCY_A);
    expect(created.headers.get('x-request-id')).not.toBe('chosen-by-the-caller');
    const audit = await api.request('GET', '/api/audit?entity=referral&id=x', {
      token: tokens.referrerA,
      headers,
    });
    expect(audit.status).toBe(403);
    const query = await api.request('GET', `/api/referrals?agencyId=${AGENCY_B}`, {
      token: tokens.referrerA,
    });
    expect(query.status).toBe(400);
    figures.smuggled += 3;
  });

  it('takes roles only from cognito:groups as a list of known roles', async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ 'cognito:groups': 'admin' }, 403],
      [{ 'cognito:groups': ['superuser', 'root'] }, 403],
      [{ 'cognito:groups': [], roles: ['admin'], 'custom:roles': 'admin', scope: 'admin' }, 403],
      [{ 'cognito:groups': ['admin'] }, 200],
    ];
    for (const [extra, status] of cases) {
      const res = await apps.request('GET', '/api/audit?entity=agency&id=northshire-police', {
        token: await sign(claims(extra)),
      });
      expect(res.status, JSON.stringify(extra)).toBe(status);
      figures.cases++;
    }
  });

  it('takes the agency only from the agencyId claim', async () => {
    const res = await apps.request('GET', '/api/me', {
      token: await sign(claims({ 'custom:agencyId': AGENCY_B, agency: AGENCY_B }, ['agencyId'])),
    });
    expect(((await res.json()) as { agency: unknown }).agency).toBeNull();
  });
});
