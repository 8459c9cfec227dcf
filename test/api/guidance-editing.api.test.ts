import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import type { Problem } from '../../shared/platform/problem.ts';
import { actorTrail, auditTrail, createTestApi, type TestApi } from '../support/api.ts';

/** Threshold guidance: the checker, search, and versions. */
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

const HUNGRY = 'basic-care-often-hungry';
const SHOUTING = 'family-frequent-shouting';
const HIT = 'safety-disclosed-hit-with-injury';

type Check = {
  version: number;
  level: number | null;
  immediateDanger: boolean;
  drivers: { id: string }[];
  reasons: string[];
  record: { name: string; response: { doNow: string } };
};

describe('the checker (public)', () => {
  it('suggests a level from the chosen indicators, with why and what to do now', async () => {
    const res = await api.request('POST', '/api/guidance/check', {
      body: { indicatorIds: [HUNGRY, SHOUTING] },
    });
    expect(res.status).toBe(200);
    const check = (await res.json()) as Check;
    expect(check.version).toBe(1);
    expect(check.level).toBe(2);
    expect(check.immediateDanger).toBe(false);
    expect(check.drivers.map((d) => d.id).sort()).toEqual([SHOUTING, HUNGRY].sort());
    expect(check.record.response.doNow.length).toBeGreaterThan(20);
  });

  it('interrupts with "act now" when an indicator means immediate danger', async () => {
    const check = (await (
      await api.request('POST', '/api/guidance/check', { body: { indicatorIds: [HUNGRY, HIT] } })
    ).json()) as Check;
    expect(check.level).toBe(4);
    expect(check.immediateDanger).toBe(true);
    expect(check.reasons[0]).toMatch(/999/);
  });

  it('refuses an empty choice and ids that are not in the guidance, naming each', async () => {
    const empty = await api.request('POST', '/api/guidance/check', { body: { indicatorIds: [] } });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as Problem).errors).toEqual([
      { field: 'indicatorIds', reason: 'Choose at least one indicator' },
    ]);
    const unknown = await api.request('POST', '/api/guidance/check', {
      body: { indicatorIds: [HUNGRY, 'made-up'] },
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as Problem).errors).toEqual([
      { field: 'indicatorIds.1', reason: 'is not an indicator in version 1' },
    ]);
  });
});

describe('search (public)', () => {
  it.each([
    ['hungry', HUNGRY],
    ['attendance', 'education-attendance-falling'],
    ['county lines', 'exploitation-county-lines'],
  ])('finds "%s"', async (q, expected) => {
    const res = await api.request('GET', `/api/guidance/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string }[] };
    expect(items.map((i) => i.id)).toContain(expected);
  });

  it('answers an empty list for nothing found, and 400 for no query', async () => {
    const none = (await (await api.request('GET', '/api/guidance/search?q=zeppelin')).json()) as {
      items: unknown[];
    };
    expect(none.items).toEqual([]);
    const blank = await api.request('GET', '/api/guidance/search?q=%20');
    expect(blank.status).toBe(400);
    expect(((await blank.json()) as Problem).errors?.[0]?.field).toBe('q');
  });
});

describe('drafting and publishing a new version (guidance editors)', () => {
  let draft: GuidanceVersion;

  it('refuses a draft to everyone but a guidance editor, and to the anonymous caller', async () => {
    expect((await api.request('POST', '/api/guidance/versions', { body: {} })).status).toBe(401);
    for (const who of ['amira', 'grace', 'helen', 'sam']) {
      expect((await api.request('POST', '/api/guidance/versions', { as: who, body: {} })).status).toBe(403);
    }
  });

  it('starts a draft as a copy of the current version, hidden from the public', async () => {
    const res = await api.request('POST', '/api/guidance/versions', { as: 'tom', body: {} });
    expect(res.status).toBe(201);
    draft = (await res.json()) as GuidanceVersion;
    expect(draft).toMatchObject({ version: 2, status: 'draft', revision: 1 });
    expect(res.headers.get('etag')).toBe('"1"');

    expect((await api.request('GET', '/api/guidance/versions/2')).status).toBe(404);
    expect((await api.request('GET', '/api/guidance/versions/2', { as: 'amira' })).status).toBe(404);
    expect((await api.request('GET', '/api/guidance/versions/2', { as: 'tom' })).status).toBe(200);
    const publicList = (await (await api.request('GET', '/api/guidance/versions')).json()) as {
      items: { version: number }[];
    };
    expect(publicList.items.map((v) => v.version)).toEqual([1]);
    expect(((await (await api.request('GET', '/api/guidance')).json()) as GuidanceVersion).version).toBe(1);
  });

  it('allows only one open draft', async () => {
    const res = await api.request('POST', '/api/guidance/versions', { as: 'tom', body: {} });
    expect(res.status).toBe(409);
  });

  it('edits the draft with If-Match, refusing a stale save and other roles', async () => {
    const framework = structuredClone(draft.framework);
    const moved = framework.indicators.find((i) => i.id === SHOUTING);
    if (!moved) throw new Error('seed lacks the shouting indicator');
    moved.level = 3;
    const body = { framework };
    expect(
      (
        await api.request('PUT', '/api/guidance/versions/2', {
          as: 'amira',
          headers: { 'if-match': '"1"' },
          body,
        })
      ).status,
    ).toBe(403);
    expect((await api.request('PUT', '/api/guidance/versions/2', { as: 'tom', body })).status).toBe(428);

    const saved = await api.request('PUT', '/api/guidance/versions/2', {
      as: 'tom',
      headers: { 'if-match': '"1"' },
      body,
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"2"');
    const stale = await api.request('PUT', '/api/guidance/versions/2', {
      as: 'tom',
      headers: { 'if-match': '"1"' },
      body,
    });
    expect(stale.status).toBe(409);
  });

  it('refuses a draft whose content breaks the schema, naming the field', async () => {
    const framework = structuredClone(draft.framework);
    (framework.indicators[0] as { level: number }).level = 7;
    const res = await api.request('PUT', '/api/guidance/versions/2', {
      as: 'tom',
      headers: { 'if-match': '"2"' },
      body: { framework },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors?.[0]?.field).toBe('framework.indicators.0.level');
  });

  it('shows the changes before publishing: one indicator moved from level 2 to 3', async () => {
    const res = await api.request('GET', '/api/guidance/versions/2/changes', { as: 'tom' });
    expect(res.status).toBe(200);
    const changes = (await res.json()) as {
      moved: { indicator: { id: string }; fromLevel: number; toLevel: number }[];
      added: unknown[];
      removed: unknown[];
    };
    expect(changes.moved).toEqual([
      expect.objectContaining({
        indicator: expect.objectContaining({ id: SHOUTING }),
        fromLevel: 2,
        toLevel: 3,
      }),
    ]);
    expect(changes.added).toEqual([]);
    expect(changes.removed).toEqual([]);
  });

  it('publishes with a change summary and effective date; the public sees it at once and the checker uses it', async () => {
    // A second guidance editor signs the draft off first (guidance-sign-off.api.test.ts has the rules).
    const approved = await api.request('POST', '/api/guidance/versions/2/approve', {
      as: 'femi',
      headers: { 'if-match': '"2"' },
    });
    expect(approved.status).toBe(200);
    expect(approved.headers.get('etag')).toBe('"3"');

    const missing = await api.request('POST', '/api/guidance/versions/2/publish', {
      as: 'tom',
      headers: { 'if-match': '"3"' },
      body: { effectiveFrom: '2026-12-01' },
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as Problem).errors).toEqual([
      { field: 'changeSummary', reason: 'Enter a summary of what changed' },
    ]);

    const res = await api.request('POST', '/api/guidance/versions/2/publish', {
      as: 'tom',
      headers: { 'if-match': '"3"' },
      body: { changeSummary: 'Frequent shouting at home moves to level 3.', effectiveFrom: '2026-12-01' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      version: 2,
      status: 'published',
      publishedBy: 'Tom Ashworth',
      approvedBy: { id: api.user('femi').sub, name: 'Femi Adeyemi' },
    });

    const current = (await (await api.request('GET', '/api/guidance')).json()) as GuidanceVersion;
    expect(current).toMatchObject({
      version: 2,
      changeSummary: 'Frequent shouting at home moves to level 3.',
    });
    const check = (await (
      await api.request('POST', '/api/guidance/check', { body: { indicatorIds: [HUNGRY, SHOUTING] } })
    ).json()) as Check;
    expect(check).toMatchObject({ version: 2, level: 3 });

    const v1 = (await (await api.request('GET', '/api/guidance/versions/1')).json()) as GuidanceVersion;
    expect(v1.status).toBe('superseded');
    const publicChanges = await api.request('GET', '/api/guidance/versions/2/changes?from=1');
    expect(publicChanges.status).toBe(200);
  });

  it('never changes a published version', async () => {
    const again = await api.request('POST', '/api/guidance/versions/2/publish', {
      as: 'tom',
      headers: { 'if-match': '"4"' },
      body: { changeSummary: 'Again', effectiveFrom: '2026-12-01' },
    });
    expect(again.status).toBe(409);
    const v1 = (await (await api.request('GET', '/api/guidance/versions/1')).json()) as GuidanceVersion;
    const edit = await api.request('PUT', '/api/guidance/versions/1', {
      as: 'tom',
      headers: { 'if-match': '"1"' },
      body: { framework: v1.framework },
    });
    expect(edit.status).toBe(409);
    expect(((await edit.json()) as Problem).detail).toMatch(/published versions never change/);
  });

  it('audits every write, and the refused attempts', async () => {
    const entries = await auditTrail(api, 'guidance', '2');
    expect(entries.map((e) => e.action)).toEqual([
      'guidance.draft',
      'guidance.edit',
      'guidance.approve',
      'guidance.publish',
    ]);
    const denied = await actorTrail(api, api.user('amira').sub);
    expect(denied.filter((e) => e.outcome === 'denied').length).toBeGreaterThanOrEqual(2);
  });
});
