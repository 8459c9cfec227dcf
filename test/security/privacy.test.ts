import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/platform/dynamo.ts';
import { TABLE_IDS, TABLES } from '../../shared/deployment/tables.ts';
import type { Referral, ReferralContent } from '../../shared/referrals/schema.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { pdf } from '../support/document-bytes.ts';
import { completeReferral } from '../support/referral-fixtures.ts';
import { DECISION } from '../support/security-fixtures.ts';
import {
  AGENCY_A,
  appsOver,
  type Caller,
  callerTokens,
  recordFigures,
  routerRoutes,
  snapshot,
} from '../support/security-harness.ts';

/**
 * Privacy: a canary child, with a name, date of birth and address found nowhere
 * else, goes through every referral route, including refusals, a store outage and an unexpected
 * store error that quotes her name. Afterwards none of her details is in any log line, any audit
 * entry, any notification or any counter; every log line is JSON with the request id and no body.
 */
let api: TestApi;
let tokens: Record<Caller, string | undefined>;
const started = performance.now();
const figures = { referralRoutes: 0, routesCovered: 0, requests: 0, logLines: 0, auditEntries: 0, leaks: 0 };
const otherLogs: string[] = [];

const CANARY = {
  firstName: 'Zephyrine',
  lastName: 'Quillfeather',
  knownAs: 'Zephy',
  dateOfBirth: '2016-02-29',
  line1: '7 Larkspur Mews',
  town: 'Umbervale',
  postcode: 'ZE9 9QF',
  mother: 'Orlaith Quillfeather',
  contact: 'orlaith.q@example.org',
  phrase: 'moonlit heron',
};
/** Every way her details could be written down. */
const NEEDLES = [
  CANARY.firstName,
  CANARY.lastName,
  CANARY.knownAs,
  CANARY.dateOfBirth,
  '29/02/2016',
  '20160229',
  CANARY.postcode,
  CANARY.postcode.replace(' ', ''),
  'Larkspur',
  CANARY.town,
  'Orlaith',
  CANARY.contact,
  CANARY.phrase,
];
const found = (text: string) => NEEDLES.filter((n) => text.toLowerCase().includes(n.toLowerCase()));

const canaryReferral = (overrides: Partial<ReferralContent> = {}): ReferralContent =>
  completeReferral({
    child: {
      firstName: CANARY.firstName,
      lastName: CANARY.lastName,
      knownAs: CANARY.knownAs,
      dateOfBirth: CANARY.dateOfBirth,
      sex: 'female',
      schoolOrSetting: 'Brookfield Primary School',
      address: { line1: CANARY.line1, town: CANARY.town, postcode: CANARY.postcode },
    },
    household: {
      adults: [
        {
          name: CANARY.mother,
          relationship: 'Mother',
          parentalResponsibility: true,
          doNotContact: false,
          contact: CANARY.contact,
        },
      ],
    },
    concerns: `${CANARY.firstName} ${CANARY.lastName} told her teacher about the ${CANARY.phrase} she draws when home is loud.`,
    childViews: `${CANARY.knownAs} says she likes school.`,
    parentViews: `${CANARY.mother} would welcome help.`,
    consent: { status: 'given', byWhom: CANARY.mother, date: '2026-11-01' },
    ...overrides,
  });

const hits = new Set<string>();
const referralRoutes = () => routerRoutes().filter((r) => r.area === 'referrals');

async function call(
  as: Caller,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
) {
  const res = await api.request(method, path, { ...(tokens[as] ? { token: tokens[as] } : {}), ...options });
  figures.requests++;
  const pathname = new URL(path, 'http://x').pathname;
  const route = referralRoutes().find(
    (r) => r.method === method && new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname),
  );
  if (route) hits.add(`${route.method} ${route.path}`);
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

beforeAll(async () => {
  api = await createTestApi();
  tokens = await callerTokens(api);
});

afterAll(async () => {
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const f = figures;
  recordFigures(
    'privacy',
    { ...f, seconds },
    `canary child through ${f.routesCovered}/${f.referralRoutes} referral routes in ${f.requests} requests: ` +
      `${f.leaks} leaks in ${f.logLines} log lines, ${f.auditEntries} audit entries and the outbox (${seconds} s)`,
  );
  await api?.close();
});

describe('a canary child through every referral route', () => {
  it('goes through every route, refusals and all', async () => {
    // The school rings the front door about her first: the call names her, and is refused twice.
    const callAbout = (calledAt: string) => ({
      calledAt,
      caller: { name: 'Amira Haddad', agencyId: AGENCY_A, phone: '01632 960 001' },
      child: {
        firstName: CANARY.firstName,
        lastName: CANARY.lastName,
        dateOfBirth: CANARY.dateOfBirth,
        postcode: CANARY.postcode,
      },
      levelDiscussed: 2,
      advice: `Ask ${CANARY.mother} about the ${CANARY.phrase}, then send the written request.`,
      writtenRequest: 'needed',
    });
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const callHeaders = (k: string) => ({ 'idempotency-key': k });
    expect(
      (
        await call('triage', 'POST', '/api/consultations', {
          body: callAbout(inAnHour),
          headers: callHeaders('canary-call-0'),
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await call('triage', 'POST', '/api/consultations', {
          body: { ...callAbout(new Date().toISOString()), nickname: CANARY.knownAs },
          headers: callHeaders('canary-call-1'),
        })
      ).status,
    ).toBe(400);
    const recorded = await call('triage', 'POST', '/api/consultations', {
      body: callAbout(new Date(Date.now() - 60_000).toISOString()),
      headers: callHeaders('canary-call-2'),
    });
    expect(recorded.status).toBe(201);
    const callId = String(recorded.body?.id);
    expect((await call('triage', 'GET', '/api/consultations')).status).toBe(200);
    expect((await call('referrerA', 'GET', `/api/consultations/${callId}`)).status).toBe(403);

    // The key is the client's own random token; a header with her name must not be logged either.
    const key = 'canary-key-0001';
    const created = await call('referrerA', 'POST', '/api/referrals', {
      body: canaryReferral(),
      headers: { 'idempotency-key': key, 'x-child': `${CANARY.firstName} ${CANARY.lastName}` },
    });
    expect(created.status).toBe(201);
    const referral = created.body as unknown as Referral;
    const ifMatch = (r: { version: number }) => ({ 'if-match': `"${r.version}"` });
    expect(
      (
        await call('referrerA', 'POST', '/api/referrals', {
          body: canaryReferral(),
          headers: { 'idempotency-key': key },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call('referrerA', 'POST', '/api/referrals', {
          body: canaryReferral({ triedSoFar: CANARY.phrase }),
          headers: { 'idempotency-key': key },
        })
      ).status,
    ).toBe(422);

    let current = (
      await call('referrerA', 'PATCH', `/api/referrals/${referral.id}`, {
        headers: ifMatch(referral),
        body: { triedSoFar: `Breakfast club for ${CANARY.firstName}; a ${CANARY.phrase} sticker chart.` },
      })
    ).body as unknown as Referral;
    expect(
      (
        await call('referrerA', 'PATCH', `/api/referrals/${referral.id}`, {
          headers: ifMatch(current),
          body: { child: { firstName: CANARY.firstName, favouriteColour: CANARY.lastName } },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('referrerA', 'PATCH', `/api/referrals/${referral.id}`, {
          headers: ifMatch(current),
          rawBody: `{"concerns": "${CANARY.firstName} ${CANARY.postcode}`,
        })
      ).status,
    ).toBe(400);
    expect((await call('referrerA', 'GET', `/api/referrals/${referral.id}`)).status).toBe(200);
    expect((await call('triage', 'GET', `/api/referrals/${referral.id}`)).status).toBe(404);
    expect((await call('referrerA', 'GET', '/api/referrals')).status).toBe(200);
    expect((await call('referrerA', 'GET', `/api/referrals/${CANARY.firstName}`)).status).toBe(400);
    expect((await call('triage', 'GET', `/api/referrals?view=${CANARY.lastName}`)).status).toBe(400);

    current = (
      await call('referrerA', 'POST', `/api/referrals/${referral.id}/submit`, { headers: ifMatch(current) })
    ).body as unknown as Referral;
    expect(current.status).toBe('submitted');
    expect(
      (
        await call('referrerA', 'POST', `/api/referrals/${referral.id}/submit`, {
          headers: { 'if-match': '"1"' },
        })
      ).status,
    ).toBe(409);
    expect((await call('referrerB', 'GET', `/api/referrals/${referral.id}`)).status).toBe(404);
    for (const view of ['open', 'decided', 'closed', 'withdrawn'])
      expect((await call('triage', 'GET', `/api/referrals?view=${view}`)).status).toBe(200);
    expect((await call('triage', 'GET', '/api/referrals?overdue=true')).status).toBe(200);
    expect(
      (
        await call('referrerA', 'POST', `/api/referrals/${referral.id}/notes`, {
          body: { text: `${CANARY.knownAs} was collected by ${CANARY.mother}.` },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call('triage', 'POST', `/api/referrals/${referral.id}/notes`, {
          body: { text: `Called ${CANARY.contact}.` },
        })
      ).status,
    ).toBe(201);
    current = (
      await call('triage', 'POST', `/api/referrals/${referral.id}/review`, { headers: ifMatch(current) })
    ).body as unknown as Referral;
    // The manager hands it to a colleague and back; one named by her name instead of an id is refused.
    await api.request('GET', '/api/referrals', { as: 'leon' });
    expect((await call('frontDoorManager', 'GET', '/api/front-door/team')).status).toBe(200);
    const reassign = (to: string, r: Referral) =>
      call('frontDoorManager', 'POST', `/api/referrals/${referral.id}/reassign`, {
        headers: ifMatch(r),
        body: { userId: to },
      });
    expect((await reassign(`${CANARY.firstName} ${CANARY.lastName}`, current)).status).toBe(400);
    current = (await reassign(api.user('leon').sub, current)).body as unknown as Referral;
    current = (await reassign(api.user('grace').sub, current)).body as unknown as Referral;
    expect(current.reviewer?.name).toBe(api.user('grace').name);
    expect(
      (
        await call('triage', 'POST', `/api/referrals/${referral.id}/decision`, {
          headers: ifMatch(current),
          body: { ...DECISION, levelOfNeed: 5 },
        })
      ).status,
    ).toBe(400);
    current = (
      await call('triage', 'POST', `/api/referrals/${referral.id}/decision`, {
        headers: ifMatch(current),
        body: {
          ...DECISION,
          rationale: `${CANARY.firstName} needs a family worker.`,
          feedback: `A worker will visit ${CANARY.mother} in ${CANARY.town}.`,
        },
      })
    ).body as unknown as Referral;
    expect(current.status).toBe('decided');
    expect((await call('referrerA', 'GET', '/api/notifications')).status).toBe(200);
    expect((await call('triage', 'GET', '/api/notifications')).status).toBe(200);
    expect((await call('board', 'GET', '/api/stats/referrals')).status).toBe(200);
    expect((await call('referrerA', 'GET', '/api/stats/referrals')).status).toBe(403);
    expect((await call('board', 'GET', '/api/stats/referrals/calibration')).status).toBe(200);
    expect((await call('editor', 'GET', '/api/stats/referrals/calibration')).status).toBe(200);
    expect((await call('referrerA', 'GET', '/api/stats/referrals/agreement/mine')).status).toBe(200);
    current = (
      await call('triage', 'POST', `/api/referrals/${referral.id}/close`, { headers: ifMatch(current) })
    ).body as unknown as Referral;
    expect(current.status).toBe('closed');

    // The same child again, by another agency (a possible duplicate), and withdrawn by the school.
    const again = (
      await call('referrerB', 'POST', '/api/referrals', {
        body: canaryReferral(),
        headers: { 'idempotency-key': 'canary-police-1' },
      })
    ).body as unknown as Referral;
    const submitted = (
      await call('referrerB', 'POST', `/api/referrals/${again.id}/submit`, { headers: ifMatch(again) })
    ).body as unknown as Referral;
    const seen = (await call('triage', 'GET', `/api/referrals/${again.id}`)).body as unknown as Referral;
    expect(seen.possibleDuplicates?.[0]?.referralId).toBe(referral.id);
    const third = (
      await call('referrerA', 'POST', '/api/referrals', {
        body: canaryReferral(),
        headers: { 'idempotency-key': 'canary-school-2' },
      })
    ).body as unknown as Referral;
    const thirdSubmitted = (
      await call('referrerA', 'POST', `/api/referrals/${third.id}/submit`, { headers: ifMatch(third) })
    ).body as unknown as Referral;
    expect(
      (
        await call('referrerA', 'POST', `/api/referrals/${third.id}/withdraw`, {
          headers: ifMatch(thirdSubmitted),
          body: { reason: `${CANARY.firstName} moved to ${CANARY.town} with ${CANARY.mother}.` },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call('referrerB', 'POST', `/api/referrals/${submitted.id}/withdraw`, {
          headers: { 'if-match': '"99"' },
          body: { reason: CANARY.phrase },
        })
      ).status,
    ).toBe(409);
    // A body map named after her, attached by the police, read by the front door and refused to the
    // school: her name is the document's, never the trail's or the logs'.
    const attached = (
      await call('referrerB', 'POST', `/api/referrals/${again.id}/attachments`, {
        body: {
          fileName: `${CANARY.firstName} ${CANARY.lastName} body map.pdf`,
          size: pdf().length,
          kind: 'body-map',
        },
      })
    ).body as unknown as {
      attachment: { id: string };
      upload: { url: string; fields: Record<string, string> };
    };
    const form = new FormData();
    for (const [name, value] of Object.entries(attached.upload.fields)) form.append(name, value);
    form.append('file', new Blob([pdf()]), `${CANARY.lastName}.pdf`);
    expect((await api.storage(attached.upload.url, { method: 'POST', body: form })).status).toBe(204);
    const document = `/api/referrals/${again.id}/attachments/${attached.attachment.id}`;
    expect((await call('referrerB', 'POST', `${document}/complete`)).status).toBe(200);
    expect((await call('triage', 'GET', `/api/referrals/${again.id}/attachments`)).status).toBe(200);
    expect((await call('triage', 'GET', `${document}/download`)).status).toBe(200);
    expect((await call('referrerA', 'GET', `${document}/download`)).status).toBe(404);
    // The school's referral answered the call.
    const answered = (await call('triage', 'GET', `/api/consultations/${callId}`)).body as { view?: string };
    expect(answered.view).toBe('received');
    for (const id of [referral.id, again.id, third.id])
      expect((await call('admin', 'GET', `/api/audit?entity=referral&id=${id}`)).status).toBe(200);
    expect((await call('anonymous', 'GET', `/api/guidance/search?q=${CANARY.lastName}`)).status).toBe(200);

    figures.referralRoutes = referralRoutes().length;
    figures.routesCovered = hits.size;
    expect(
      referralRoutes()
        .map((r) => `${r.method} ${r.path}`)
        .filter((r) => !hits.has(r)),
      'referral routes not exercised',
    ).toEqual([]);
  });

  it('through a store outage and an unexpected store error that quotes her name', async () => {
    const quoting: DynamoDBDocumentClient = createDocumentClient({
      endpoint: api.store.endpoint,
      region: 'eu-west-2',
    });
    mockClient(quoting)
      .onAnyCommand()
      .callsFake(() => {
        throw Object.assign(
          new Error(`One or more parameter values were invalid: ${CANARY.firstName} ${CANARY.lastName}`),
          {
            name: 'ValidationException',
            $metadata: {},
          },
        );
      })
      .on(TransactWriteCommand)
      .rejects(
        Object.assign(new Error(`Throughput exceeded for ${CANARY.postcode}`), {
          name: 'ThrottlingException',
          $metadata: {},
        }),
      );
    const broken = await appsOver(api, quoting);
    const outage = await broken.request('POST', '/api/referrals', {
      token: tokens.referrerA as string,
      body: canaryReferral(),
      headers: { 'idempotency-key': 'canary-outage-1' },
    });
    const text = await outage.text();
    expect([500, 503]).toContain(outage.status);
    expect(found(text)).toEqual([]);
    const read = await broken.request('GET', '/api/referrals/01JAAAAAAAAAAAAAAAAAAAAAAA', {
      token: tokens.referrerA as string,
    });
    expect(read.status).toBe(500);
    expect(found(await read.text())).toEqual([]);
    otherLogs.push(...broken.logs);
    quoting.destroy();
  });
});

describe('afterwards', () => {
  it('no log line holds any of her details, and every line is JSON with the request id, never a body', () => {
    const lines = [...api.logs, ...otherLogs];
    figures.logLines = lines.length;
    expect(lines.length).toBeGreaterThan(40);
    const leaks = lines.filter((l) => found(l).length);
    figures.leaks += leaks.length;
    expect(leaks).toEqual([]);
    const allowed = new Set([
      'time',
      'level',
      'message',
      'requestId',
      'method',
      'route',
      'status',
      'durationMs',
      'error',
      'stack',
    ]);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(typeof entry.requestId === 'string' && entry.requestId.length > 0, line).toBe(true);
      expect(
        Object.keys(entry).filter((k) => !allowed.has(k)),
        line,
      ).toEqual([]);
      if (entry.message === 'request') {
        // The route pattern, never the concrete path (ids) or the query string.
        expect(String(entry.route), line).not.toMatch(/[0-9A-HJKMNP-TV-Z]{26}|\?/);
      }
    }
  });

  it('no audit entry holds any of her details', async () => {
    const s = await snapshot(api.store.db, api.store.tables);
    figures.auditEntries = s.tables.audit.size;
    const leaks = [...s.tables.audit.values()].filter((item) => found(item).length);
    figures.leaks += leaks.length;
    expect(leaks).toEqual([]);
  });

  it('no notification, counter, idempotency or reference record holds any of her details', async () => {
    const s = await snapshot(api.store.db, api.store.tables);
    const records = [...s.tables.referrals.entries()].filter(([key]) =>
      /^(STATS|IDEMPOTENCY|REFERENCE|REMINDER)#?/.test(key),
    );
    const notifications = [...s.tables.outbox.entries()];
    expect(records.length).toBeGreaterThan(5);
    // Her referral was submitted and decided: the front door and her school were notified.
    expect(notifications.length).toBeGreaterThanOrEqual(2);
    records.push(...notifications);
    const leaks = records.filter(([, item]) => found(item).length);
    figures.leaks += leaks.length;
    expect(leaks.map(([key]) => key)).toEqual([]);
  });

  it('no table key holds her details: the duplicate index files her under keyed hashes', async () => {
    // Key values are not encrypted by client-side schemes and can surface in CloudTrail data events
    // and Contributor Insights; `CHILD#c:<name>|<dob>|<postcode>` would put her identity in a partition key.
    const s = await snapshot(api.store.db, api.store.tables);
    const keyNames = new Set(
      TABLE_IDS.flatMap((id) => [
        TABLES[id].partitionKey,
        TABLES[id].sortKey,
        ...TABLES[id].indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
      ]),
    );
    const leaks: string[] = [];
    let childIndexItems = 0;
    for (const id of TABLE_IDS) {
      for (const item of s.tables[id].values()) {
        const parsed = JSON.parse(item) as Record<string, unknown>;
        if (String(parsed.pk).startsWith('CHILD#')) childIndexItems += 1;
        for (const name of keyNames)
          if (typeof parsed[name] === 'string' && found(parsed[name] as string).length)
            leaks.push(`${id}.${name}: ${parsed[name]}`);
      }
    }
    // Her submitted referral is in the duplicate index (strict and name-and-birth keys), and not readably.
    expect(childIndexItems).toBeGreaterThanOrEqual(2);
    expect(leaks).toEqual([]);
  });
});
