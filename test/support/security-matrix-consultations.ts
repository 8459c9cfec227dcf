import { callInput, callKey, consultationFixtures } from './security-consultations.ts';
import { type MatrixContext, MISSING_ULID, NONE, only, type Row, simple } from './security-matrix.ts';

/**
 * The matrix's rows for consultation calls: the front door's record alone. Everyone else is refused
 * on their role (403) before the call is looked for, so a refusal says nothing of whether it exists.
 */
export function consultationRows(ctx: MatrixContext): Row[] {
  // Made when a cell first needs it: the API exists only once the suite has started.
  let shared: Promise<{ id: string }> | undefined;
  const sharedCall = () => {
    shared ??= consultationFixtures(ctx.api).call();
    return shared;
  };
  return [
    {
      route: 'POST /api/consultations',
      targets: NONE,
      expect: only({ triage: 201 }),
      async prepare() {
        return { path: '/api/consultations', body: callInput(), headers: { 'idempotency-key': callKey() } };
      },
    },
    simple('GET /api/consultations', only({ triage: 200 })),
    {
      route: 'GET /api/consultations/{id}',
      // Two calls (the front door's, whoever the caller was) and none.
      targets: ['A', 'B', 'missing'],
      expect: only({ triage: [200, 200, 404] }),
      async prepare(target) {
        const id = target === 'missing' ? MISSING_ULID : (await sharedCall()).id;
        return { path: `/api/consultations/${id}`, ids: [id] };
      },
    },
  ];
}
