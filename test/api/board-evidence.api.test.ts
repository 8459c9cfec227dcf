import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionFields, ActionView, Challenge, ProgressUpdate } from '../../shared/board/schema.ts';
import type { Problem } from '../../shared/platform/problem.ts';
import { createTestApi, type TestApi } from '../support/api.ts';

/**
 * A RAG that needs evidence, and the independent chair's challenge, against the real store: an
 * update with no movement keeps amber and says why; a measure moved toward its target, or a second
 * member's verification, turns it green; the chair's challenge is due in 10 working days and leaves
 * the dashboard's open list once the owner agency responds.
 */
let api: TestApi;
// Monday 2 November 2026: 10 working days on is Monday 16 November.
const now = new Date('2026-11-02T10:00:00Z');
beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
});
afterAll(async () => api.close());

type Read = ActionView & { updates: ProgressUpdate[]; challenges: Challenge[] };

const fields = (overrides: Partial<ActionFields> = {}): ActionFields => ({
  reference: `EV-${Math.floor(Math.random() * 1e6)}`,
  title: 'Children at risk of exploitation offered early help in 10 working days',
  description: 'Joint early-help offer for children at risk of exploitation.',
  source: { kind: 'inspection', reference: 'Inspection of children’s services, 2026' },
  theme: 'exploitation',
  ownerAgencyId: 'northshire-partnership',
  lead: 'Partnership business manager',
  contributingAgencyIds: [],
  startDate: '2026-09-01',
  // Due in 8 days with no update yet: amber.
  dueDate: '2026-11-10',
  outcomeMeasure: {
    measure: 'Children offered early help within 10 working days',
    baseline: '62%',
    target: '80%',
    current: '62%',
  },
  ...overrides,
});

async function create(overrides: Partial<ActionFields> = {}): Promise<ActionView> {
  const res = await api.request('POST', '/api/board/actions', { as: 'tom', body: fields(overrides) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ActionView;
}

const send = (path: string, version: number, body: unknown, as = 'tom') =>
  api.request('POST', path, { as, headers: { 'if-match': `"${version}"` }, ...(body ? { body } : {}) });

const read = async (id: string, as = 'tom') =>
  (await (await api.request('GET', `/api/board/actions/${id}`, { as })).json()) as Read;

async function update(action: ActionView, body: Record<string, unknown> = {}, as = 'tom') {
  const res = await send(
    `/api/board/actions/${action.id}/updates`,
    action.version,
    {
      narrative: 'Panel met; referrals reviewed.',
      ...body,
    },
    as,
  );
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ActionView;
}

describe('a RAG that needs evidence', () => {
  it('keeps amber after an update whose measure has not moved, and says why in plain English', async () => {
    const action = await create();
    expect(action.rag).toBe('amber');
    const after = await update(action, { measureCurrent: '62%' });
    expect(after).toMatchObject({ rag: 'amber', ragHistory: ['amber'], version: 2 });
    expect(after.ragReason).toBe(
      'Stays amber: the outcome measure has not moved toward its target (baseline 62%, now 62%, target 80%) and no second board member has verified the update',
    );
    const [recorded] = (await read(action.id)).updates;
    expect(recorded).toMatchObject({ ragThen: 'amber', measureThen: '62%' });
    expect(recorded?.verified).toBeUndefined();
  });

  it('turns green when the update moves the measure toward its target', async () => {
    const after = await update(await create(), { measureCurrent: '70%' });
    expect(after).toMatchObject({ rag: 'green', outcomeMeasure: { current: '70%' } });
    expect(after.ragReason).toContain('moved toward its target (baseline 62%, now 70%, target 80%)');
  });

  it('keeps amber when the measure moved away from its target', async () => {
    const after = await update(await create(), { measureCurrent: '55%' });
    expect(after.rag).toBe('amber');
    expect(after.ragReason).toContain('moved away from its target');
  });

  it('turns green once a second board member verifies the update, audited', async () => {
    const held = await update(await create());
    const updateId = (await read(held.id)).updates[0]?.id as string;
    const res = await send(
      `/api/board/actions/${held.id}/updates/${updateId}/verify`,
      held.version,
      undefined,
      'helen',
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const verified = (await res.json()) as ActionView;
    expect(verified).toMatchObject({ rag: 'green', version: held.version + 1 });
    expect(verified.ragReason).toBe('On track: due in 8 days; Helen Marsh verified the latest update');
    expect((await read(held.id)).updates[0]?.verified?.by.name).toBe('Helen Marsh');
    const trail = (await (
      await api.request('GET', `/api/audit?entity=action&id=${held.id}`, { as: 'sam' })
    ).json()) as { items: { action: string }[] };
    expect(trail.items.map((e) => e.action)).toContain('action.verify');
  });

  it('refuses verification by the update’s own author, naming why, and by anyone not on the board', async () => {
    const held = await update(await create());
    const updateId = (await read(held.id)).updates[0]?.id as string;
    const path = `/api/board/actions/${held.id}/updates/${updateId}/verify`;
    const self = await send(path, held.version, undefined, 'tom');
    expect(self.status).toBe(422);
    const problem = (await self.json()) as Problem;
    expect(problem.detail).toBe(
      'You added this progress update: a second board member must verify it, not its author',
    );
    expect(problem.errors?.[0]?.field).toBe('updateId');
    for (const who of ['grace', 'amira', 'sam'])
      expect((await send(path, held.version, undefined, who)).status).toBe(403);
    expect((await send(path, held.version - 1, undefined, 'helen')).status).toBe(409);
    const missing = `/api/board/actions/${held.id}/updates/01JAAAAAAAAAAAAAAAAAAAAAAA/verify`;
    expect((await send(missing, held.version, undefined, 'helen')).status).toBe(404);
    expect((await read(held.id)).rag).toBe('amber');
  });

  it('refuses a measure value on an action without an outcome measure', async () => {
    const { outcomeMeasure: _none, ...rest } = fields();
    const res = await api.request('POST', '/api/board/actions', { as: 'tom', body: rest });
    const action = (await res.json()) as ActionView;
    const refused = await send(`/api/board/actions/${action.id}/updates`, action.version, {
      narrative: 'Progress.',
      measureCurrent: '70%',
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as Problem).errors?.[0]?.field).toBe('measureCurrent');
  });
});

describe('the independent chair’s challenge', () => {
  const challenge = (action: ActionView, text: string, as = 'helen', version = action.version) =>
    send(`/api/board/actions/${action.id}/challenges`, version, { text }, as);

  it('is due in 10 working days, shows on the action and on the dashboard until the owner agency responds', async () => {
    const action = await create();
    const res = await challenge(action, 'What evidence shows children are seen sooner, not just referred?');
    expect(res.status, await res.clone().text()).toBe(200);
    const challenged = (await res.json()) as ActionView;
    expect(challenged.version).toBe(action.version + 1);
    const [recorded] = (await read(action.id)).challenges;
    expect(recorded).toMatchObject({ by: { name: 'Helen Marsh' }, dueDate: '2026-11-16' });
    expect(recorded?.response).toBeUndefined();

    const open = async () =>
      (
        (await (await api.request('GET', '/api/board/dashboard', { as: 'grace' })).json()) as {
          challenges: { id: string; dueDate: string; overdue: boolean; reference: string }[];
        }
      ).challenges;
    expect(await open()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: recorded?.id,
          dueDate: '2026-11-16',
          overdue: false,
          reference: action.reference,
        }),
      ]),
    );

    const path = `/api/board/actions/${action.id}/challenges/${recorded?.id}/response`;
    // The challenger does not answer her own challenge, even as a member of the owner agency.
    const own = await send(path, challenged.version, { text: 'Answered.' }, 'helen');
    expect(own.status).toBe(422);
    const answered = await send(
      path,
      challenged.version,
      { text: 'Audit of 30 cases attached to the next board paper.' },
      'tom',
    );
    expect(answered.status, await answered.clone().text()).toBe(200);
    expect((await read(action.id)).challenges[0]?.response).toMatchObject({ by: { name: 'Tom Ashworth' } });
    expect((await open()).map((c) => c.id)).not.toContain(recorded?.id);
    const again = await send(path, challenged.version + 1, { text: 'Again.' }, 'tom');
    expect(again.status).toBe(422);
  });

  it('is the chair’s alone, needs its text (at most 2,000 characters) and the version read', async () => {
    const action = await create();
    for (const who of ['tom', 'grace', 'amira', 'sam'])
      expect((await challenge(action, 'Why?', who)).status).toBe(403);
    const empty = await challenge(action, '   ');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as Problem).errors?.[0]?.field).toBe('text');
    const long = await challenge(action, 'x'.repeat(2001));
    expect(((await long.json()) as Problem).errors?.[0]?.field).toBe('text');
    expect((await challenge(action, 'Why so slow?', 'helen', action.version + 1)).status).toBe(409);
    const bare = await api.request('POST', `/api/board/actions/${action.id}/challenges`, {
      as: 'helen',
      body: { text: 'Why?' },
    });
    expect(bare.status).toBe(428);
  });

  it('is answered only by a board member of the owner agency, on the version read', async () => {
    const action = await create({ ownerAgencyId: 'northshire-council' });
    const challenged = (await (await challenge(action, 'Who owns the tender?')).json()) as ActionView;
    const id = (await read(action.id)).challenges[0]?.id as string;
    const path = `/api/board/actions/${action.id}/challenges/${id}/response`;
    const other = await send(path, challenged.version, { text: 'We do.' }, 'tom');
    expect(other.status).toBe(403);
    expect(((await other.json()) as Problem).detail).toContain('Northshire County Council');
    for (const who of ['grace', 'amira'])
      expect((await send(path, challenged.version, { text: 'x' }, who)).status).toBe(403);
    expect((await send(path, challenged.version - 1, { text: 'x' }, 'tom')).status).toBe(409);
  });
});
