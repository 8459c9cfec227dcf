import { expect } from 'vitest';
import type { Referral, ReferralStatus } from '../../shared/referrals/schema.ts';
import { completeReferral } from './referral-fixtures.ts';
import { DECISION, idempotencyKey } from './security-fixtures.ts';
import { AGENCY_A, AGENCY_B, CALLER_AGENCY, isFrontDoor } from './security-harness.ts';
import {
  AB,
  type Expectation,
  type MatrixContext,
  MISSING_ULID,
  NONE,
  only,
  type Row,
  simple,
} from './security-matrix.ts';

/**
 * The matrix's rows for the referrals: a referrer sees their own agency's only; the front door sees
 * anything submitted, and more of it (possible duplicates, the rationale).
 */
export function referralRows(ctx: MatrixContext) {
  // Records made once and shared by cells that must be refused; a cell that must succeed gets its own.
  const shared = new Map<string, Promise<{ id: string; version: number }>>();
  async function referralFor(target: string, status: ReferralStatus, fresh: boolean, flagged = false) {
    if (target === 'missing') return { id: MISSING_ULID, version: 1 };
    const agency = target as 'A' | 'B';
    const make = () => (flagged ? ctx.fx.flagged(status, agency) : ctx.fx.referral(status, agency));
    if (fresh) return make();
    const key = `${flagged ? 'flagged:' : ''}${status}:${agency}`;
    if (!shared.has(key)) shared.set(key, make());
    return (await shared.get(key)) as { id: string; version: number };
  }
  const referralRow = (
    route: string,
    status: ReferralStatus,
    expect: Expectation,
    body?: () => unknown,
    variant?: string,
    { flagged = false, check }: { flagged?: boolean; check?: Row['check'] } = {},
  ): Row => ({
    route,
    ...(variant ? { variant } : {}),
    ...(check ? { check } : {}),
    targets: AB,
    expect,
    // A note's answer is the note; every other answer is the referral.
    readBack: (prepared, _shown, status) =>
      route.endsWith('/notes') && status < 300 ? undefined : `/api/referrals/${prepared.ids?.[0]}`,
    async prepare(target, _caller, succeeds) {
      const r = await referralFor(target, status, succeeds, flagged);
      const suffix = route.split('{id}')[1] ?? '';
      return {
        path: `/api/referrals/${r.id}${suffix}`,
        headers: { 'if-match': `"${r.version}"` },
        ...(body ? { body: body() } : {}),
        ids: [r.id],
      };
    },
  });

  // Referrers: A owns A's records, B owns B's; the front door reads anything submitted.
  const ownOnly = { referrerA: [200, 404, 404], referrerB: [404, 200, 404] } as const;
  const ownOnlyCreated = { referrerA: [201, 404, 404], referrerB: [404, 201, 404] } as const;
  const frontDoor = { triage: [200, 200, 404] } as const;

  const rows: Row[] = [
    // Referrals: a referrer sees their own agency's only; the front door sees anything submitted.
    {
      ...simple('GET /api/referrals', only({ referrerA: 200, referrerB: 200, triage: 200 })),
      async prepare() {
        // Both agencies have referrals, so each referrer's list shows that the other's are left out.
        await Promise.all(
          (['A', 'B'] as const).flatMap((a) => [
            referralFor(a, 'submitted', false),
            referralFor(a, 'submitted', false, true),
          ]),
        );
        return { path: '/api/referrals?limit=200' };
      },
      check(caller, body) {
        const items = (body as { items: { agencyId: string; possibleDuplicate?: boolean }[] }).items;
        if (caller === 'referrerA' || caller === 'referrerB') {
          expect(items.length).toBeGreaterThan(0);
          expect(new Set(items.map((i) => i.agencyId))).toEqual(new Set([CALLER_AGENCY[caller]]));
          // That another agency referred the child is the front door's to know.
          expect(items.filter((i) => 'possibleDuplicate' in i).length, 'items flagged').toBe(0);
        }
        if (isFrontDoor(caller)) expect(items.some((i) => i.possibleDuplicate)).toBe(true);
      },
    },
    {
      route: 'POST /api/referrals',
      targets: NONE,
      expect: only({ referrerA: 201, referrerB: 201, triage: 201 }),
      async prepare() {
        return {
          path: '/api/referrals',
          body: completeReferral(),
          headers: { 'idempotency-key': idempotencyKey() },
        };
      },
      check(caller, body) {
        expect((body as { agencyId: string }).agencyId).toBe(CALLER_AGENCY[caller]);
      },
      // The front door can start a referral but never read a draft, its own included (canRead).
      readBack: (_prepared, shown, _status, caller) =>
        isFrontDoor(caller) ? undefined : `/api/referrals/${shown.id}`,
    },
    referralRow(
      'GET /api/referrals/{id}',
      'submitted',
      only({ noAgency: 404, ...ownOnly, ...frontDoor }),
      undefined,
      'submitted',
    ),
    referralRow(
      'GET /api/referrals/{id}',
      'draft',
      only({ noAgency: 404, ...ownOnly, triage: 404 }),
      undefined,
      'a draft: its referrer only',
    ),
    referralRow(
      'PATCH /api/referrals/{id}',
      'draft',
      only({ noAgency: 404, ...ownOnly, triage: 404 }),
      () => ({
        concerns: 'More detail added by the matrix.',
      }),
    ),
    referralRow('POST /api/referrals/{id}/submit', 'draft', only({ noAgency: 404, ...ownOnly })),
    referralRow(
      'POST /api/referrals/{id}/withdraw',
      'submitted',
      only({ noAgency: 404, ...ownOnly }),
      () => ({
        reason: 'The family have moved out of the area.',
      }),
    ),
    referralRow('POST /api/referrals/{id}/review', 'submitted', only(frontDoor)),
    referralRow('POST /api/referrals/{id}/decision', 'in_review', only(frontDoor), () => DECISION),
    referralRow('POST /api/referrals/{id}/close', 'decided', only(frontDoor)),
    // A manager hands a referral in review to a colleague; a member of the front door may not.
    {
      ...referralRow(
        'POST /api/referrals/{id}/reassign',
        'in_review',
        only({ frontDoorManager: [200, 200, 404] }),
      ),
      async prepare(target, _caller, succeeds) {
        const [r, userId] = await Promise.all([
          referralFor(target, 'in_review', succeeds),
          ctx.fx.frontDoorColleague(),
        ]);
        return {
          path: `/api/referrals/${r.id}/reassign`,
          headers: { 'if-match': `"${r.version}"` },
          body: { userId },
          ids: [r.id],
        };
      },
    },
    simple('GET /api/front-door/team', only({ triage: 200 })),
    referralRow(
      'POST /api/referrals/{id}/notes',
      'submitted',
      only({ noAgency: 404, ...ownOnlyCreated, triage: [201, 201, 404] }),
      () => ({ text: 'A further note from the matrix.' }),
    ),
    // The states that show the front door more than the referrer: possible duplicates and a rationale.
    referralRow(
      'GET /api/referrals/{id}',
      'decided',
      only({ noAgency: 404, ...ownOnly, ...frontDoor }),
      undefined,
      'decided with a rationale, flagged as a possible duplicate',
      {
        flagged: true,
        check(caller, body) {
          const r = body as Referral;
          expect(r.decision?.feedback).toBeTruthy();
          if (isFrontDoor(caller)) {
            expect(r.possibleDuplicates?.length).toBeGreaterThan(0);
            expect(r.decision?.rationale).toBeTruthy();
          } else {
            expect(r).not.toHaveProperty('possibleDuplicates');
            expect(r.decision).not.toHaveProperty('rationale');
          }
        },
      },
    ),
    referralRow(
      'POST /api/referrals/{id}/submit',
      'submitted',
      only({ noAgency: 404, referrerA: [409, 404, 404], referrerB: [404, 409, 404] }),
      undefined,
      'submitted already, flagged: 409',
      { flagged: true },
    ),
    referralRow(
      'PATCH /api/referrals/{id}',
      'decided',
      only({
        noAgency: 404,
        referrerA: [409, 404, 404],
        referrerB: [404, 409, 404],
        triage: [403, 403, 404],
      }),
      () => ({ concerns: 'An edit after the decision.' }),
      'decided, flagged: 409',
      { flagged: true },
    ),
    referralRow(
      'POST /api/referrals/{id}/notes',
      'closed',
      only({
        noAgency: 404,
        referrerA: [409, 404, 404],
        referrerB: [404, 409, 404],
        triage: [409, 409, 404],
      }),
      () => ({ text: 'A note after the close.' }),
      'closed, decided with a rationale, flagged: 409',
      { flagged: true },
    ),
    simple('GET /api/notifications', only({ referrerA: 200, referrerB: 200, triage: 200 })),
    {
      ...simple('GET /api/stats/referrals', only({ triage: 200, board: 200 })),
      check(_caller, body) {
        expect(JSON.stringify(body)).not.toMatch(/Maisie|Fairbrook|NS1 2AB/);
      },
    },
    // Calibration by indicator: the front door and the board; a guidance editor, the partnership's only.
    {
      ...simple('GET /api/stats/referrals/calibration', only({ triage: 200, board: 200, editor: 200 })),
      check(caller, body) {
        expect(JSON.stringify(body)).not.toMatch(/Maisie|Fairbrook|NS1 2AB/);
        if (caller === 'editor') expect((body as { agencies?: unknown }).agencies).toBeUndefined();
      },
    },
    {
      ...simple('GET /api/stats/referrals/calibration', only({ triage: 200, board: 200 }), {
        query: `?agency=${AGENCY_A}`,
      }),
      variant: "one agency's: not an editor's",
    },
    // An agency's own agreement: its referrers only, and never another agency's.
    {
      ...simple('GET /api/stats/referrals/agreement/mine', only({ referrerA: 200, referrerB: 200 })),
      check(caller, body) {
        const own = CALLER_AGENCY[caller];
        expect((body as { agencyId?: string }).agencyId).toBe(own);
        const other = own === AGENCY_A ? AGENCY_B : AGENCY_A;
        expect(JSON.stringify(body)).not.toContain(other);
      },
    },
  ];
  return { rows, referralFor };
}
