import { ulid } from 'ulid';
import { canClose, daysBetween } from '../../shared/board/rules.ts';
import type { Action, ProgressUpdate } from '../../shared/board/schema.ts';
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
} from './routes.ts';
import { type BoardStore, newUpdateId } from './store.ts';

export interface BoardDeps extends PlatformDeps {
  store: BoardStore;
  agencies: AgencyNames;
}

/** The board's action plan: read by the board and the front door, written by the board (plan-views.ts for what is shown). */
export function createBoardApp(deps: BoardDeps): AreaApp {
  const app = createAreaApp(deps);
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
  /** A board member's edit: read, check the version they read, and refuse edits to a closed action. */
  const editable = async (c: AppContext, id: string) => {
    const me = writer(c);
    const expected = ifMatchVersion(c);
    const action = await existing(id);
    if (action.version !== expected)
      throw new Conflict(
        'Someone else changed this action since you read it',
        shownAsIs(viewOf(action, today())),
      );
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
    const updates = await store.updates(action.id);
    c.header('etag', etag(action.version));
    return c.json({ ...viewOf(action, today()), updates }, 200);
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
    const input = c.req.valid('json');
    const { me, action, expected } = await editable(c, id);
    const at = clock().toISOString();
    const progressed: Action = {
      ...action,
      ...(input.status ? { status: input.status } : {}),
      lastUpdateAt: at,
      updateCount: action.updateCount + 1,
      updatedAt: at,
      version: expected + 1,
    };
    // The RAG recorded with the update is the one the action has once the update is in.
    const ragThen = viewOf(progressed, today()).rag;
    progressed.ragHistory = [...action.ragHistory, ragThen];
    const update: ProgressUpdate = {
      id: newUpdateId(at),
      at,
      by: person(me),
      narrative: input.narrative,
      evidence: input.evidence,
      ragThen,
      statusThen: progressed.status,
    };
    await store.save(progressed, expected, auditPut(c, me, 'action.progress', id), update);
    return respond(c, progressed);
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
    const [actions, names] = await Promise.all([store.allActions(), deps.agencies.names()]);
    return c.json(dashboardOf(actions, names, today()), 200);
  });

  return app;
}
