import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionFields, ActionView, ProgressUpdate } from '../../shared/board/schema.ts';
import type { Problem } from '../../shared/platform/problem.ts';
import { createTestApi, type TestApi } from '../support/api.ts';

/** The board's action plan (the board issue): RAG, progress, closing, conflicts, escalation, the CSV. */
let api: TestApi;
const now = new Date('2026-11-02T10:00:00Z');
beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
});
afterAll(async () => api.close());

const fields = (overrides: Partial<ActionFields> = {}): ActionFields => ({
  reference: `BA-${Math.floor(Math.random() * 1e6)}`,
  title: 'Joint commissioning of early help for exploitation',
  description:
    'Commission a joint early-help offer for children at risk of exploitation with health and police.',
  source: { kind: 'inspection', reference: 'Inspection of children’s services, 2019', paragraph: '4' },
  theme: 'joint-commissioning',
  ownerAgencyId: 'northshire-council',
  lead: 'Head of Early Help',
  contributingAgencyIds: ['northshire-police', 'northshire-community-health'],
  startDate: '2026-09-01',
  dueDate: '2027-03-31',
  ...overrides,
});

async function create(overrides: Partial<ActionFields> = {}): Promise<ActionView> {
  const res = await api.request('POST', '/api/board/actions', { as: 'tom', body: fields(overrides) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ActionView;
}

async function send(method: string, path: string, version: number, body: unknown, as = 'tom') {
  return api.request(method, path, { as, headers: { 'if-match': `"${version}"` }, body });
}

describe('actions and their RAG', () => {
  it('adds an action; a new one far from its due date is green', async () => {
    const action = await create();
    expect(action).toMatchObject({ status: 'not_started', rag: 'green', version: 1, escalate: false });
  });

  it('turns amber when due within 14 days with no update in 30, and green again after an update that moves its measure', async () => {
    const action = await create({
      dueDate: '2026-11-10',
      outcomeMeasure: { measure: 'Specification agreed', baseline: '0%', target: '100%', current: '0%' },
    });
    expect(action.rag).toBe('amber');
    expect(action.ragReason).toMatch(/Due in 8 days and no update yet/);
    const res = await send('POST', `/api/board/actions/${action.id}/updates`, 1, {
      narrative: 'Specification agreed with health and police.',
      evidence: [{ title: 'Draft specification v2', url: 'https://example.org/spec-v2' }],
      status: 'in_progress',
      measureCurrent: '60%',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      rag: 'green',
      status: 'in_progress',
      updateCount: 1,
      version: 2,
    });
  });

  it('is red once overdue, and a revised due date needs a reason', async () => {
    const action = await create({ startDate: '2026-01-01', dueDate: '2026-10-01' });
    expect(action).toMatchObject({ rag: 'red', ragReason: 'Overdue by 32 days' });
    const noReason = await send('PATCH', `/api/board/actions/${action.id}`, 1, {
      revisedDueDate: '2027-01-31',
    });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as Problem).errors).toEqual([
      { field: 'revisionReason', reason: 'Give the reason the due date is revised' },
    ]);
    const revised = await send('PATCH', `/api/board/actions/${action.id}`, 1, {
      revisedDueDate: '2027-01-31',
      revisionReason: 'Waiting for the health commissioning cycle.',
    });
    // An edit changes only what it names: the contributing agencies stay.
    expect(await revised.json()).toMatchObject({
      rag: 'green',
      effectiveDueDate: '2027-01-31',
      contributingAgencyIds: ['northshire-police', 'northshire-community-health'],
    });
  });

  it('takes an override only with a written justification, and shows the computed RAG beside it', async () => {
    const action = await create();
    const bare = await send('PATCH', `/api/board/actions/${action.id}`, 1, {
      ragOverride: { rag: 'red', justification: '' },
    });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as Problem).errors?.[0]?.field).toBe('ragOverride.justification');
    const res = await send('PATCH', `/api/board/actions/${action.id}`, 1, {
      ragOverride: { rag: 'red', justification: 'Funding withdrawn by one partner last week.' },
    });
    expect(await res.json()).toMatchObject({
      rag: 'red',
      ragComputed: 'green',
      ragOverride: { by: { name: 'Tom Ashworth' } },
    });
  });
});

describe('closing an action', () => {
  it('needs evidence and a sign-off; then it is complete, green and can no longer change', async () => {
    const action = await create();
    const noEvidence = await send('POST', `/api/board/actions/${action.id}/close`, 1, {
      evidence: [],
      signOff: { name: 'Helen Marsh', role: 'Independent chair' },
    });
    expect(noEvidence.status).toBe(400);
    expect(((await noEvidence.json()) as Problem).errors).toEqual([
      { field: 'evidence', reason: 'Add the evidence that the action is complete' },
    ]);
    const closed = await send('POST', `/api/board/actions/${action.id}/close`, 1, {
      evidence: [{ title: 'Signed joint commissioning agreement' }],
      signOff: { name: 'Helen Marsh', role: 'Independent chair' },
    });
    expect(await closed.json()).toMatchObject({
      status: 'complete',
      rag: 'green',
      closed: { signOff: { name: 'Helen Marsh' } },
    });
    const after = await send('PATCH', `/api/board/actions/${action.id}`, 2, { title: 'Renamed' });
    expect(after.status).toBe(409);
  });
});

describe('escalation', () => {
  it('flags an action red for two updates in a row, and one overdue by more than 28 days', async () => {
    const action = await create({ startDate: '2026-01-01', dueDate: '2026-10-20' });
    let version = action.version;
    for (const narrative of ['Still no provider identified.', 'Provider withdrew.']) {
      const res = await send('POST', `/api/board/actions/${action.id}/updates`, version, { narrative });
      const body = (await res.json()) as ActionView;
      version = body.version;
      if (narrative === 'Provider withdrew.')
        expect(body).toMatchObject({ escalate: true, ragHistory: ['red', 'red'] });
    }
    const late = await create({ startDate: '2026-01-01', dueDate: '2026-09-30' });
    expect(late.escalate).toBe(true);
    const dashboard = (await (await api.request('GET', '/api/board/dashboard', { as: 'helen' })).json()) as {
      escalated: { id: string; escalationReasons: string[] }[];
    };
    expect(dashboard.escalated.map((a) => a.id)).toEqual(expect.arrayContaining([action.id, late.id]));
  });
});

describe('two members editing at once', () => {
  it('lets exactly one of 50 simultaneous edits from the same version win; 49 get 409 and nothing is lost', async () => {
    const action = await create();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send(
          'POST',
          `/api/board/actions/${action.id}/updates`,
          1,
          { narrative: `Update number ${i}` },
          i % 2 ? 'tom' : 'helen',
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const conflict = (await responses.find((r) => r.status === 409)?.json()) as Problem & {
      current: ActionView;
    };
    expect(conflict.title).toBe('Someone else changed this');
    expect(conflict.current.version).toBe(2);

    const read = (await (
      await api.request('GET', `/api/board/actions/${action.id}`, { as: 'tom' })
    ).json()) as ActionView & {
      updates: ProgressUpdate[];
    };
    expect(read.updates).toHaveLength(1);
    expect(read.updateCount).toBe(1);
    const winner = (await responses.find((r) => r.status === 200)?.json()) as ActionView;
    expect(winner.version).toBe(2);
  });
});

describe('the plan for the board papers', () => {
  it('downloads as CSV with agency names, safe to open in a spreadsheet', async () => {
    await create({ title: '=HYPERLINK("http://example.org")', reference: 'BA-CSV' });
    const res = await api.request('GET', '/api/board/actions.csv', { as: 'tom' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="action-plan-2026-11-02.csv"/,
    );
    const text = await res.text();
    expect(text.split('\r\n')[0]).toContain('Reference,Title,Theme,Source,Owner agency');
    expect(text).toContain('Northshire County Council');
    expect(text).toContain(`"'=HYPERLINK(""http://example.org"")"`);
  });

  it('shows the dashboard by RAG, theme and owner agency', async () => {
    const res = await api.request('GET', '/api/board/dashboard', { as: 'grace' });
    const dash = (await res.json()) as {
      total: number;
      byRag: { red: number; amber: number; green: number };
      byOwner: { agencyName: string }[];
    };
    expect(dash.total).toBeGreaterThan(5);
    expect(dash.byRag.red + dash.byRag.amber + dash.byRag.green).toBe(dash.total);
    expect(dash.byOwner.map((o) => o.agencyName)).toContain('Northshire County Council');
  });
});

describe('who may do what', () => {
  it('lets the front door read but not write, and refuses referrers and the admin entirely', async () => {
    const action = await create();
    expect((await api.request('GET', `/api/board/actions/${action.id}`, { as: 'grace' })).status).toBe(200);
    expect((await send('PATCH', `/api/board/actions/${action.id}`, 1, { title: 'x' }, 'grace')).status).toBe(
      403,
    );
    expect((await api.request('POST', '/api/board/actions', { as: 'grace', body: fields() })).status).toBe(
      403,
    );
    for (const who of ['amira', 'sam']) {
      for (const path of [
        '/api/board/actions',
        `/api/board/actions/${action.id}`,
        '/api/board/actions.csv',
        '/api/board/dashboard',
      ]) {
        expect((await api.request('GET', path, { as: who })).status).toBe(403);
      }
    }
    expect((await api.request('GET', '/api/board/dashboard')).status).toBe(401);
  });

  it('refuses an unknown owner agency and a due date before the start', async () => {
    const res = await api.request('POST', '/api/board/actions', {
      as: 'tom',
      body: fields({ ownerAgencyId: 'no-such-agency', startDate: '2026-12-01', dueDate: '2026-11-01' }),
    });
    expect(res.status).toBe(400);
  });

  it('asks for If-Match, and refuses a duplicate reference', async () => {
    const action = await create({ reference: 'BA-UNIQUE' });
    expect(
      (await api.request('PATCH', `/api/board/actions/${action.id}`, { as: 'tom', body: { title: 'x' } }))
        .status,
    ).toBe(428);
    const dup = await api.request('POST', '/api/board/actions', {
      as: 'tom',
      body: fields({ reference: 'BA-UNIQUE' }),
    });
    expect(dup.status).toBe(409);
  });
});
