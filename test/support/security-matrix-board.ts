import {
  type Expectation,
  type MatrixContext,
  MISSING_ULID,
  only,
  type Prepared,
  type Row,
} from './security-matrix.ts';

/**
 * The matrix's rows for a RAG that needs evidence and the chair's challenge: only the board verifies
 * (never the update's author: Tom posted it, Helen verifies), only the chair challenges (Helen is), and
 * only a board member of the owner agency who did not challenge responds (Helen, for the partnership,
 * to another chair's challenge). Everyone else is refused before any record is read.
 */
export function boardEvidenceRows(ctx: MatrixContext): Row[] {
  const shared = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>) => {
    if (!shared.has(key)) shared.set(key, make());
    return shared.get(key) as Promise<T>;
  };
  const row = (
    route: string,
    expect: Expectation,
    prepare: (target: string, succeeds: boolean) => Promise<Prepared>,
  ): Row => ({
    route,
    targets: ['existing', 'missing'],
    expect,
    prepare: (target, _caller, succeeds) => prepare(target, succeeds),
  });
  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

  return [
    row(
      'POST /api/board/actions/{id}/updates/{updateId}/verify',
      only({ board: [200, 404] }),
      async (target, succeeds) => {
        if (target === 'missing') {
          const path = `/api/board/actions/${MISSING_ULID}/updates/${MISSING_ULID}/verify`;
          return { path, headers: ifMatch(1), ids: [MISSING_ULID] };
        }
        const a = succeeds ? await ctx.fx.board.updated() : await once('updated', ctx.fx.board.updated);
        return {
          path: `/api/board/actions/${a.id}/updates/${a.updateId}/verify`,
          headers: ifMatch(a.version),
          ids: [a.id, a.updateId],
        };
      },
    ),
    row('POST /api/board/actions/{id}/challenges', only({ board: [200, 404] }), async (target, succeeds) => {
      const a =
        target === 'missing'
          ? { id: MISSING_ULID, version: 1 }
          : succeeds
            ? await ctx.fx.action()
            : await once('action', () => ctx.fx.action());
      return {
        path: `/api/board/actions/${a.id}/challenges`,
        headers: ifMatch(a.version),
        body: { text: 'What evidence shows the change reached children?' },
        ids: [a.id],
      };
    }),
    row(
      'POST /api/board/actions/{id}/challenges/{challengeId}/response',
      only({ board: [200, 404] }),
      async (target, succeeds) => {
        const body = { text: 'An audit of 30 cases goes to the next board.' };
        if (target === 'missing') {
          const path = `/api/board/actions/${MISSING_ULID}/challenges/${MISSING_ULID}/response`;
          return { path, headers: ifMatch(1), body, ids: [MISSING_ULID] };
        }
        const a = succeeds
          ? await ctx.fx.board.challenged()
          : await once('challenged', ctx.fx.board.challenged);
        return {
          path: `/api/board/actions/${a.id}/challenges/${a.challengeId}/response`,
          headers: ifMatch(a.version),
          body,
          ids: [a.id, a.challengeId],
        };
      },
    ),
  ];
}
