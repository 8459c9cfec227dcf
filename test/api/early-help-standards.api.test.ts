import { describe, expect, it } from 'vitest';
import { createDynamoDriftAlarmStore } from '../../functions/early-help/alarm-store.ts';
import { createDriftAlarmJob } from '../../functions/early-help/alarms.ts';
import { type EpisodeRecord, listingOf } from '../../functions/early-help/records.ts';
import { currentStandardsOf } from '../../functions/early-help/standards-source.ts';
import { createDynamoEarlyHelpStore, type EarlyHelpStore } from '../../functions/early-help/store.ts';
import { createAuditWriter } from '../../functions/platform/audit.ts';
import { silentLogger } from '../../functions/platform/logger.ts';
import type { Episode, EpisodeSummary, Standards } from '../../shared/early-help/schema.ts';
import { DEFAULT_STANDARDS, type EarlyHelpStandards } from '../../shared/early-help/standards.ts';
import {
  auditOf,
  clockedApi,
  decidedReferral,
  fieldsOf,
  list,
  problem,
  read,
  startEpisode,
  step,
} from './early-help-fixtures.ts';

/**
 * The board changes the partnership's early-help standards: who may, If-Match, the fields it
 * refuses, the audit entry, and what follows: timers on every read, and every open episode's place
 * on the front door's overdue list and on an agency's list (re-listing, relisting.ts), finished by
 * the hourly run when the request leaves any.
 */
let store: EarlyHelpStore;
let hourly: ReturnType<typeof createDriftAlarmJob>;
const { api, at, now } = clockedApi('2026-06-01T09:00:00Z', (made) => {
  const { db, tables } = made.store;
  store = createDynamoEarlyHelpStore(db, tables['early-help']);
  hourly = createDriftAlarmJob({
    store,
    alarms: createDynamoDriftAlarmStore(db, tables['early-help'], tables.outbox),
    audit: createAuditWriter(db, tables.audit, now),
    clock: now,
    logger: silentLogger,
  });
});

const PATH = '/api/episodes/standards';
const change = (as: string | undefined, body: unknown, version?: string) =>
  api.request('PUT', PATH, {
    ...(as ? { as } : {}),
    body,
    ...(version !== undefined ? { headers: { 'if-match': version } } : {}),
  });
const standards = (changes: Partial<EarlyHelpStandards>) => ({ ...DEFAULT_STANDARDS, ...changes });

async function current(): Promise<{ body: Standards; etag: string | null }> {
  const res = await api.request('GET', PATH, { as: 'amira' });
  expect(res.status).toBe(200);
  return { body: (await res.json()) as Standards, etag: res.headers.get('etag') };
}

async function changed(body: EarlyHelpStandards, version: string): Promise<Standards> {
  const res = await change('tom', body, version);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Standards;
}

const ids = (items: EpisodeSummary[]) => items.map((e) => e.id);
const rowOf = (items: EpisodeSummary[], e: Episode) => items.find((i) => i.id === e.id);

describe('who may change the standards, and how', () => {
  it('answers the defaults as version 0 while none are set', async () => {
    expect(await current()).toEqual({ body: DEFAULT_STANDARDS, etag: '"0"' });
  });

  it('lets only the board change them: 401 signed out, 403 for everyone else', async () => {
    const body = standards({ leadWithinWorkingDays: 4 });
    expect((await change(undefined, body, '"0"')).status).toBe(401);
    for (const as of ['amira', 'joe', 'grace', 'sam']) {
      const refused = await problem(await change(as, body, '"0"'), 403);
      expect(refused.detail, as).toBeDefined();
    }
    expect((await current()).etag).toBe('"0"');
  });

  it('names every field that is not a whole number of working days within the bounds, and unknown ones', async () => {
    const bad = await problem(
      await change(
        'tom',
        {
          leadWithinWorkingDays: 0,
          assessmentWithinWorkingDays: 2.5,
          planWithinWorkingDays: '5',
          reviewEveryWorkingDays: 261,
          lead: 3,
        },
        '"0"',
      ),
      400,
    );
    expect(fieldsOf(bad).sort()).toEqual(
      [
        'assessmentWithinWorkingDays',
        'lead',
        'leadWithinWorkingDays',
        'planWithinWorkingDays',
        'reviewEveryWorkingDays',
      ].sort(),
    );
    expect(bad.errors?.find((e) => e.field === 'leadWithinWorkingDays')?.reason).toBe(
      'Enter a whole number of working days from 1 to 260',
    );
    const missing = await problem(await change('tom', { leadWithinWorkingDays: 3 }, '"0"'), 400);
    expect(fieldsOf(missing).sort()).toEqual(
      ['assessmentWithinWorkingDays', 'planWithinWorkingDays', 'reviewEveryWorkingDays'].sort(),
    );
  });

  it('needs If-Match, and refuses a stale one with the standards as they are', async () => {
    expect((await change('tom', standards({}))).status).toBe(428);
    const stale = await problem(await change('tom', standards({ leadWithinWorkingDays: 4 }), '"3"'), 409);
    expect((stale as unknown as { current: Standards }).current).toEqual(DEFAULT_STANDARDS);
    expect((await current()).etag).toBe('"0"');
  });
});

describe('a change of standards', () => {
  /** One episode waiting for its lead, one for its assessment; both started on Monday 1 June. */
  const episodes = {} as Record<'lead' | 'assessment', Episode>;

  it('changes the timers on every read, and audits the change', async () => {
    at('2026-06-01T09:00:00Z');
    const begin = async () => startEpisode(api, (await decidedReferral(api)).id, 'harbour-family-support');
    episodes.lead = await begin();
    episodes.assessment = await step(api, 'joe', await begin(), 'POST', 'lead', { answer: 'accepted' });
    at('2026-06-04T09:00:00Z');
    expect(await list(api, 'grace', 'overdue')).toEqual([]);
    // Lead 8 June, assessment 29 June: the lead's first on the agency's list.
    expect(ids(await list(api, 'joe'))).toEqual([episodes.lead.id, episodes.assessment.id]);

    const res = await change('tom', standards({ leadWithinWorkingDays: 2 }), '"0"');
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    const shown = (await res.json()) as Standards;
    expect(shown).toEqual({ ...standards({ leadWithinWorkingDays: 2 }), changedAt: now().toISOString() });
    expect(await current()).toEqual({ body: shown, etag: '"1"' });

    const whole = (await (await read(api, 'grace', episodes.lead.id)).json()) as Episode;
    expect(whole.drift).toBe(true);
    expect(whole.timers).toEqual([
      { kind: 'lead', from: '2026-06-01', dueOn: '2026-06-03', status: 'overdue', workingDaysLeft: -1 },
    ]);

    const trail = await auditOf(api, 'standards', 'early-help');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      action: 'standards.change',
      outcome: 'allowed',
      actor: { userId: api.user('tom').sub },
      detail:
        'version 1: lead 2, assessment 20, plan 5, reviews 30 working days (were lead 5, assessment 20, plan 5, reviews 30)',
    });
  });

  it('puts an awaiting-lead episode on the front door’s overdue list once its lead standard is shortened', async () => {
    const overdue = await list(api, 'grace', 'overdue');
    expect(ids(overdue)).toEqual([episodes.lead.id]);
    expect(rowOf(overdue, episodes.lead)).toMatchObject({
      drift: true,
      running: { kind: 'lead', dueOn: '2026-06-03', status: 'overdue' },
    });
    const mine = await list(api, 'joe');
    expect(rowOf(mine, episodes.lead)?.drift).toBe(true);
    expect(rowOf(mine, episodes.assessment)?.drift).toBe(false);
  });

  it('re-sorts an agency’s list, and takes an episode off the overdue list, when the standards change again', async () => {
    await changed(standards({ leadWithinWorkingDays: 10, assessmentWithinWorkingDays: 2 }), '"1"');
    const overdue = await list(api, 'grace', 'overdue');
    expect(ids(overdue)).toEqual([episodes.assessment.id]);
    // The assessment was due on 3 June, the lead is due on 15 June: the assessment's first now.
    const mine = await list(api, 'joe');
    expect(ids(mine)).toEqual([episodes.assessment.id, episodes.lead.id]);
    expect(mine.map((e) => e.running?.dueOn)).toEqual(['2026-06-03', '2026-06-15']);
    expect((await auditOf(api, 'standards', 'early-help')).map((e) => e.detail?.slice(0, 9))).toEqual([
      'version 1',
      'version 2',
    ]);
  });

  it('refuses a change made against the version before, with the standards as they now are', async () => {
    const stale = await problem(await change('tom', standards({}), '"1"'), 409);
    expect((stale as unknown as { current: Standards }).current).toMatchObject({
      leadWithinWorkingDays: 10,
      assessmentWithinWorkingDays: 2,
    });
  });

  it('re-sorts nothing when the same standards are saved again', async () => {
    const from = api.storeCalls.length;
    const same = standards({ leadWithinWorkingDays: 10, assessmentWithinWorkingDays: 2 });
    expect(await changed(same, '"2"')).toMatchObject(same);
    // One read of the standards, one write of them with the audit entry: no list is read or written.
    expect(api.storeCalls.slice(from).map((c) => c.command)).toEqual([
      'GetItemCommand',
      'TransactWriteItemsCommand',
    ]);
  });
});

describe('re-listing what the request left', () => {
  const earlier = standards({ leadWithinWorkingDays: 10, assessmentWithinWorkingDays: 2 });
  const stored = async (id: string) => (await store.get(id)) as EpisodeRecord;
  const relisting = async () => currentStandardsOf(await store.standards(), silentLogger).relisting;

  /** What an instance still keeping the standards before the change would list the episode as. */
  async function listedUnderEarlier(id: string) {
    const { version } = currentStandardsOf(await store.standards(), silentLogger);
    const record = await stored(id);
    expect(await store.relist(record, listingOf(record, earlier), version)).toBe('relisted');
  }

  it('is finished by the hourly run, by a whole pass begun once every instance has the new standards', async () => {
    at('2026-06-04T10:00:00Z');
    await changed(standards({ leadWithinWorkingDays: 2 }), '"3"');
    const [lead] = await list(api, 'grace', 'overdue');
    expect(lead?.running?.kind).toBe('lead');
    expect(await relisting()).toEqual({ after: '2026-06-04T10:02:00.000Z' });

    // Listed again by a write under the standards before (lead 10 working days): not overdue.
    await listedUnderEarlier(lead?.id ?? '');
    expect(await list(api, 'grace', 'overdue')).toEqual([]);
    at('2026-06-04T10:01:00Z');
    await hourly('run-1');
    expect(ids(await list(api, 'grace', 'overdue'))).toContain(lead?.id);
    // Begun before the old standards were surely gone everywhere: another pass is still to come.
    expect(await relisting()).toEqual({ after: '2026-06-04T10:02:00.000Z' });

    await listedUnderEarlier(lead?.id ?? '');
    at('2026-06-04T10:03:00Z');
    await hourly('run-2');
    expect(ids(await list(api, 'grace', 'overdue'))).toEqual([lead?.id]);
    expect(await relisting()).toBeUndefined();
  });

  it('answers a change as saved when the store fails while re-listing, and the hourly run finishes it', async () => {
    const name = 'failRelisting';
    api.store.db.middlewareStack.add(
      (next, context) => async (args) => {
        const items = (args.input as { TransactItems?: { ConditionCheck?: unknown }[] }).TransactItems;
        if (String(context.commandName).startsWith('TransactWrite') && items?.[0]?.ConditionCheck)
          throw Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' });
        return next(args);
      },
      { step: 'initialize', name },
    );
    try {
      await changed(standards({}), '"4"');
    } finally {
      api.store.db.middlewareStack.remove(name);
    }
    // Saved, but the lists are still as the standards before had them.
    expect((await current()).etag).toBe('"5"');
    expect((await list(api, 'grace', 'overdue')).length).toBe(1);
    at('2026-06-04T10:06:00Z');
    await hourly('run-3');
    expect(await list(api, 'grace', 'overdue')).toEqual([]);
    expect(await relisting()).toBeUndefined();
  });
});
