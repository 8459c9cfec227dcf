import { describe, expect, it } from 'vitest';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import { APPROVAL_NEEDED, OWN_DRAFT } from '../../shared/guidance/sign-off.ts';
import type { Problem } from '../../shared/platform/problem.ts';
import { actorTrail, auditTrail, clockedTestApi } from '../support/api.ts';

/**
 * Sign-off by a second editor, against the real store: Tom drafts version 2, his own approval is
 * refused, publishing before an approval is refused, Femi approves, a change after that withdraws
 * the approval (and bars its author from approving), and only an approved text is published.
 * Monday 2 March 2026.
 */
const { api, at } = clockedTestApi('2026-03-02T09:00:00Z');

const approve = (as: string | { token: string }, revision: number | null, version = 2) =>
  api.request('POST', `/api/guidance/versions/${version}/approve`, {
    ...(typeof as === 'string' ? { as } : as),
    ...(revision === null ? {} : { headers: { 'if-match': `"${revision}"` } }),
  });
const publish = (revision: number) =>
  api.request('POST', '/api/guidance/versions/2/publish', {
    as: 'tom',
    headers: { 'if-match': `"${revision}"` },
    body: { changeSummary: 'Hunger moves to level 3.', effectiveFrom: '2026-04-01' },
  });
/** Saves the draft as `as`, moving "often hungry" to `level`. */
async function edit(as: string, draft: GuidanceVersion, level: 2 | 3): Promise<GuidanceVersion> {
  const framework = structuredClone(draft.framework);
  const hungry = framework.indicators.find((i) => i.id === 'basic-care-often-hungry');
  if (!hungry) throw new Error('the seed lacks the hungry indicator');
  hungry.level = level;
  const res = await api.request('PUT', '/api/guidance/versions/2', {
    as,
    headers: { 'if-match': `"${draft.revision}"` },
    body: { framework },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as GuidanceVersion;
}
const detail = async (res: Response) => ((await res.json()) as Problem).detail;
const ref = (username: string) => ({ id: api.user(username).sub, name: api.user(username).name });

describe('guidance sign-off by a second editor', () => {
  let draft: GuidanceVersion;

  it('seeds version 1 as signed off: approved by Femi, shown in the history', async () => {
    const v1 = (await (await api.request('GET', '/api/guidance/versions/1')).json()) as GuidanceVersion;
    expect(v1).toMatchObject({ editedBy: [ref('tom')], approvedBy: ref('femi') });
    expect(v1.approvedAt).toBeDefined();
    const list = (await (await api.request('GET', '/api/guidance/versions')).json()) as {
      items: GuidanceVersion[];
    };
    expect(list.items[0]).toMatchObject({ version: 1, approvedBy: ref('femi') });
  });

  it('records who started the draft, which waits for approval', async () => {
    const res = await api.request('POST', '/api/guidance/versions', { as: 'tom', body: {} });
    expect(res.status).toBe(201);
    draft = (await res.json()) as GuidanceVersion;
    expect(draft).toMatchObject({ version: 2, revision: 1, editedBy: [ref('tom')] });
    expect(draft.approvedBy).toBeUndefined();
  });

  it('refuses an approval to anyone who is not a guidance editor', async () => {
    expect((await api.request('POST', '/api/guidance/versions/2/approve')).status).toBe(401);
    for (const who of ['amira', 'grace', 'helen', 'ruth', 'sam'])
      expect((await approve(who, 1)).status).toBe(403);
  });

  it("refuses the author's own approval, and publishing before any approval", async () => {
    const own = await approve('tom', 1);
    expect(own.status).toBe(403);
    expect(await detail(own)).toBe(OWN_DRAFT);

    const early = await publish(1);
    expect(early.status).toBe(422);
    const problem = (await early.json()) as Problem;
    expect(problem.detail).toBe(APPROVAL_NEEDED);
    expect(problem.errors).toEqual([{ field: 'approvedBy', reason: APPROVAL_NEEDED }]);
    const still = (await (
      await api.request('GET', '/api/guidance', { as: 'tom' })
    ).json()) as GuidanceVersion;
    expect(still.version).toBe(1);
  });

  it('refuses an approval without If-Match, or of a revision that has since changed', async () => {
    draft = await edit('tom', draft, 3);
    expect((await approve('femi', null)).status).toBe(428);
    const stale = await approve('femi', 1);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as Problem & { current?: GuidanceVersion }).current?.revision).toBe(2);
  });

  it('lets a second editor approve the draft as it stands, once', async () => {
    at('2026-03-02T10:15:00Z');
    const res = await approve('femi', 2);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"3"');
    draft = (await res.json()) as GuidanceVersion;
    expect(draft).toMatchObject({
      revision: 3,
      approvedBy: ref('femi'),
      approvedAt: '2026-03-02T10:15:00.000Z',
      editedBy: [ref('tom')],
    });
    const again = await approve('femi', 3);
    expect(again.status).toBe(409);
    expect(await detail(again)).toBe('Femi Adeyemi has already approved this draft');
  });

  it('withdraws the approval when anyone changes the draft, and bars whoever changed it', async () => {
    // Femi, having approved it, changes it: her approval goes, and now she has changed it too.
    draft = await edit('femi', draft, 2);
    expect(draft.approvedBy).toBeUndefined();
    expect(draft.approvedAt).toBeUndefined();
    expect(draft.editedBy).toEqual([ref('tom'), ref('femi')]);
    expect((await publish(draft.revision)).status).toBe(422);
    expect((await approve('femi', draft.revision)).status).toBe(403);
    expect((await approve('tom', draft.revision)).status).toBe(403);
  });

  it('publishes the approved text, recording who approved it and when', async () => {
    // A third guidance editor, who changed nothing, approves the text as Femi left it.
    const third = await api.tokenFor('helen', { 'cognito:groups': ['board', 'guidance-editor'] });
    at('2026-03-02T11:00:00Z');
    const approved = await approve({ token: third }, draft.revision);
    expect(approved.status).toBe(200);
    draft = (await approved.json()) as GuidanceVersion;

    const res = await publish(draft.revision);
    expect(res.status).toBe(200);
    const published = (await res.json()) as GuidanceVersion;
    expect(published).toMatchObject({
      status: 'published',
      publishedBy: 'Tom Ashworth',
      approvedBy: ref('helen'),
      approvedAt: '2026-03-02T11:00:00.000Z',
      framework: draft.framework,
    });
    const list = (await (await api.request('GET', '/api/guidance/versions')).json()) as {
      items: GuidanceVersion[];
    };
    expect(list.items[0]).toMatchObject({ version: 2, approvedBy: ref('helen') });
    // A published version is never approved again.
    expect((await approve('femi', published.revision)).status).toBe(409);
  });

  it('audits each approval, the withdrawn one, and the refused self-approval', async () => {
    const entries = await auditTrail<{ action: string; detail?: string }>(api, 'guidance', '2');
    expect(entries.map((e) => e.action)).toEqual([
      'guidance.draft',
      'guidance.edit',
      'guidance.approve',
      'guidance.edit',
      'guidance.approve',
      'guidance.publish',
    ]);
    expect(entries[3]?.detail).toBe('approval by Femi Adeyemi withdrawn');
    const refused = (await actorTrail(api, api.user('tom').sub)).filter(
      (e) => e.action === 'POST /api/guidance/versions/:version/approve',
    );
    expect(refused.map((e) => [e.outcome, e.detail])).toEqual([
      ['denied', OWN_DRAFT],
      ['denied', OWN_DRAFT],
    ]);
  });
});
