import type { ActionView, Challenge, ProgressUpdate } from '../../shared/board/schema.ts';
import type { TestApi } from './api.ts';
import { actionFields } from './security-fixtures.ts';

/**
 * Board actions for the security suites' evidence and challenge routes. The matrix's board caller is
 * Helen (board and board-chair, Northshire Safeguarding Partnership), so: an update Tom posted, for her
 * to verify; and a challenge on a partnership-owned action made by another chair, for her to answer
 * as a board member of the owner agency who is not the challenger.
 */
type Read = ActionView & { updates: ProgressUpdate[]; challenges: Challenge[] };

async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  if (r.status !== status) throw new Error(`board fixture: expected ${status}, got ${r.status}: ${text}`);
  return JSON.parse(text) as T;
}

export function boardFixtures(api: TestApi) {
  const create = (ownerAgencyId = 'northshire-council') =>
    ok<ActionView>(
      api.request('POST', '/api/board/actions', { as: 'tom', body: actionFields({ ownerAgencyId }) }),
      201,
    );
  const read = (id: string) => ok<Read>(api.request('GET', `/api/board/actions/${id}`, { as: 'tom' }));
  return {
    /** An action with one progress update by Tom, not yet verified. */
    async updated(): Promise<{ id: string; version: number; updateId: string }> {
      const action = await create();
      const after = await ok<ActionView>(
        api.request('POST', `/api/board/actions/${action.id}/updates`, {
          as: 'tom',
          headers: { 'if-match': `"${action.version}"` },
          body: { narrative: 'Specification agreed.' },
        }),
      );
      const updateId = (await read(action.id)).updates[0]?.id as string;
      return { id: action.id, version: after.version, updateId };
    },
    /** A partnership-owned action with an open challenge from a chair who is not Helen. */
    async challenged(): Promise<{ id: string; version: number; challengeId: string }> {
      const action = await create('northshire-partnership');
      const chair = await api.tokenFor('tom', { 'cognito:groups': ['board', 'board-chair'] });
      const after = await ok<ActionView>(
        api.request('POST', `/api/board/actions/${action.id}/challenges`, {
          token: chair,
          headers: { 'if-match': `"${action.version}"` },
          body: { text: 'What evidence shows the change reached children?' },
        }),
      );
      const challengeId = (await read(action.id)).challenges[0]?.id as string;
      return { id: action.id, version: after.version, challengeId };
    },
  };
}
