import { ulid } from 'ulid';
import { canVerify } from '../../shared/board/evidence.ts';
import { canClose, daysBetween } from '../../shared/board/rules.ts';
import type { Action, ProgressUpdate } from '../../shared/board/schema.ts';
import type { Role } from '../../shared/platform/roles.ts';
import type { AgencyNames } from '../platform/agency-names.ts';
import { Conflict, InvalidRequest, NotFound, Unprocessable } from '../platform/errors.ts';
import {
  type AppContext,
  type AreaApp,
  auditEvent,
  createAreaApp,
  etag,
  ifMatchVersion,
  type PlatformDeps,
  signedInAs,
} from '../platform/http.ts';
import type { Principal } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import { shownAsIs } from '../platform/shown.ts';
import { bindChallengeRoutes } from './challenge-handlers.ts';
import { actionPlanCsv, dashboardOf, summaryOf, ukToday, viewOf } from './plan-views.ts';
import {
  addProgress,
  closeAction,
  createAction,
  dashboard,
  exportCsv,
  getAction,
  listActions,
  updateAction,
  verifyUpdate,
} from './routes.ts';
import { type BoardStore, newUpdateId } from './store.ts';

export interface BoardDeps extends PlatformDeps {
  store: BoardStore;
  agencies: AgencyNames;
}

/** The board's action plan: read by the board and the front door, written by the board (plan-views.ts for what is shown). */
export function createBoardApp(deps: BoardDeps): AreaApp {
  const app = createAreaApp(deps, 'board');
  const { store, cursors, clock, audit } = deps;
  const today = () => ukToday(clock());
  const person = (me: Principal) => ({ userId: me.userId, name: me.name });
  const reader = (c: AppContext) => signedInAs(c, 'board', 'triage');
  const writer = (c: AppContext) => signedInAs(c, 'board');
  const auditPut = (c: AppContext, me: Principal, action: string, id: string, detail?: string) =>
    audit.putItem(auditEvent(c, me, action, { type: 'action', id }, detail ? { detail } : {}));
  const respond = (c: AppContext, action: Action) => {
    c.header('etag', etag(action.version));
    return c.json(viewOf(action, today()), 200);
  };
  const existing = async (id: string) => {
    const action = await store.get(id);
    if (!action) throw new NotFound('There is no such action');
    return action;
  };
  /** A write by one of `role`: read, and check the version they read. */
  const atVersion = async (c: AppContext, id: string, role: Role = 'board') => {
    const me = signedInAs(c, role);
    const expected = ifMatchVersion(c);
    const action = await existing(id);
    if (action.version !== expected)
      throw new Conflict(
        'Someone else changed this action since you read it',
        shownAsIs(viewOf(action, today())),
      );
    return { me, action, expected };
  };
  /** A board member's edit: as atVersion, and refused on a closed action. */
  const editable = async (c: AppContext, id: string) => {
    const { me, action, expected } = await atVersion(c, id);
    if (action.status === 'complete')
      throw new Conflict(
        'This action is closed: it can no longer be changed',
        shownAsIs(viewOf(action, today())),
      );
    return { me, action, expected };
  };

  bindRoute(app, listActions, async (c) => {
    const me = reader(c);
    const { limit, cursor } = c.req.valid('query');
    const page = await store.listActions({
      limit,
      startKey: cursors.decode(cursor, me.userId, 'board:actions'),
    });
    const day = today();
    return c.json(
      {
        items: page.items.map((a) => summaryOf(viewOf(a, day))),
        nextCursor: cursors.encode(page.lastKey, me.userId, 'board:actions'),
      },
      200,
    );
  });

  bindRoute(app, createAction, async (c) => {
    const me = writer(c);
    const input = c.req.valid('json');
    if (daysBetween(input.startDate, input.dueDate) < 0) {
      throw new InvalidRequest([{ field: 'dueDate', reason: 'must be on or after the start date' }]);
    }
    const names = await deps.agencies.names();
    const unknown = [input.ownerAgencyId, ...input.contributingAgencyIds].filter((id) => !names.has(id));
    if (unknown.length) {
      throw new InvalidRequest(
        unknown.map((id) => ({
          field: id === input.ownerAgencyId ? 'ownerAgencyId' : 'contributingAgencyIds',
          reason: `${id} is not a partner agency`,
        })),
      );
    }
    const now = clock().toISOString();
    const action: Action = {
      ...input,
      id: ulid(clock().getTime()),
      status: 'not_started',
      ragHistory: [],
      updateCount: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await store.create(action, auditPut(c, me, 'action.create', action.id));
    c.header('location', `/api/board/actions/${action.id}`);
    c.header('etag', etag(action.version));
    return c.json(viewOf(action, today()), 201);
  });

  bindRoute(app, getAction, async (c) => {
    reader(c);
    const action = await existing(c.req.valid('param').id);
    const [updates, challenges] = await Promise.all([store.updates(action.id), store.challenges(action.id)]);
    c.header('etag', etag(action.version));
    return c.json({ ...viewOf(action, today()), updates, challenges }, 200);
  });

  bindRoute(app, updateAction, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const { me, action, expected } = await editable(c, id);
    const now = clock().toISOString();
    const { ragOverride, ...fields } = patch;
    if (fields.ownerAgencyId || fields.contributingAgencyIds) {
      const names = await deps.agencies.names();
      const unknown = [fields.ownerAgencyId, ...(fields.contributingAgencyIds ?? [])].filter(
        (x): x is string => !!x && !names.has(x),
      );
      if (unknown.length)
        throw new InvalidRequest(
          unknown.map((x) => ({ field: 'ownerAgencyId', reason: `${x} is not a partner agency` })),
        );
    }
    const updated: Action = { ...action, ...fields, updatedAt: now, version: expected + 1 };
    if (ragOverride === null) delete updated.ragOverride;
    else if (ragOverride) updated.ragOverride = { ...ragOverride, by: person(me), at: now };
    const what = Object.keys(patch).join(', ');
    await store.save(updated, expected, auditPut(c, me, 'action.update', id, what));
    return respond(c, updated);
  });

  bindRoute(app, addProgress, async (c) => {
    const { id } = c.req.valid('param');
    const { measureCurrent, ...input } = c.req.valid('json');
    const { me, action, expected } = await editable(c, id);
    if (measureCurrent !== undefined && !action.outcomeMeasure) {
      throw new Unprocessable('This action has no outcome measure to give a value for', [
        {
          field: 'measureCurrent',
          reason: 'the action has no outcome measure: add one to its details first',
        },
      ]);
    }
    const at = clock().toISOString();
    const updateId = newUpdateId(at);
    const outcomeMeasure =
      action.outcomeMeasure && measureCurrent !== undefined
        ? { ...action.outcomeMeasure, current: measureCurrent }
        : action.outcomeMeasure;
    const progressed: Action = {
      ...action,
      ...(input.status ? { status: input.status } : {}),
      ...(outcomeMeasure ? { outcomeMeasure } : {}),
      lastUpdateAt: at,
      // The evidence rule compares with the rules' rating just before the update (evidence.ts).
      latestUpdate: { id: updateId, by: person(me), ragBefore: viewOf(action, today()).ragComputed },
      updateCount: action.updateCount + 1,
      updatedAt: at,
      version: expected + 1,
    };
    // The RAG recorded with the update is the one the action has once the update is in.
    const ragThen = viewOf(progressed, today()).rag;
    progressed.ragHistory = [...action.ragHistory, ragThen];
    const update: ProgressUpdate = {
      id: updateId,
      at,
      by: person(me),
      narrative: input.narrative,
      evidence: input.evidence,
      ragThen,
      statusThen: progressed.status,
      ...(outcomeMeasure ? { measureThen: outcomeMeasure.current } : {}),
    };
    const what = measureCurrent === undefined ? undefined : 'outcome measure';
    await store.save(progressed, expected, auditPut(c, me, 'action.progress', id, what), { update });
    return respond(c, progressed);
  });

  bindRoute(app, verifyUpdate, async (c) => {
    const { id, updateId } = c.req.valid('param');
    const { me, action, expected } = await editable(c, id);
    const update = (await store.updates(id)).find((u) => u.id === updateId);
    if (!update) throw new NotFound('There is no such progress update on this action');
    const check = canVerify({ byUserId: update.by.userId, verified: update.verified }, me.userId);
    if (!check.ok) throw new Unprocessable(check.reason, [{ field: 'updateId', reason: check.reason }]);
    const at = clock().toISOString();
    const verified = { by: person(me), at };
    // Only the latest update's verification can lift the RAG; an earlier one is kept on its update.
    const latest = action.latestUpdate;
    const saved: Action = {
      ...action,
      ...(latest?.id === updateId ? { latestUpdate: { ...latest, verified } } : {}),
      updatedAt: at,
      version: expected + 1,
    };
    await store.save(saved, expected, auditPut(c, me, 'action.verify', id, `update ${updateId}`), {
      update: { ...update, verified },
    });
    return respond(c, saved);
  });

  bindRoute(app, closeAction, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { me, action, expected } = await editable(c, id);
    const at = clock().toISOString();
    const check = canClose({ evidence: input.evidence, signOff: { by: input.signOff.name, at } });
    if (!check.ok)
      throw new Unprocessable(
        'This action cannot be closed yet',
        check.reasons.map((reason) => ({ field: 'evidence', reason })),
      );
    const closed: Action = {
      ...action,
      status: 'complete',
      closed: { ...input, at, by: person(me) },
      updatedAt: at,
      version: expected + 1,
    };
    await store.save(closed, expected, auditPut(c, me, 'action.close', id));
    return respond(c, closed);
  });

  bindChallengeRoutes(app, { store, clock, agencies: deps.agencies, atVersion, auditPut, respond, person });

  bindRoute(app, exportCsv, async (c) => {
    reader(c);
    const [actions, names] = await Promise.all([store.allActions(), deps.agencies.names()]);
    const day = today();
    const csv = actionPlanCsv(actions, names, day);
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="action-plan-${day}.csv"`,
    }) as never;
  });

  bindRoute(app, dashboard, async (c) => {
    reader(c);
    const [actions, names, challenges] = await Promise.all([
      store.allActions(),
      deps.agencies.names(),
      store.openChallenges(),
    ]);
    return c.json(dashboardOf(actions, names, today(), challenges), 200);
  });

  return app;
}
