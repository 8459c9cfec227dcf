import {
  canAct,
  EPISODE_NOT_FOUND_MESSAGE,
  type EpisodeAction,
  type Reading,
  readingOf,
} from '../../shared/early-help/lifecycle.ts';
import type { Review } from '../../shared/early-help/schema.ts';
import type { EarlyHelpStandards } from '../../shared/early-help/standards.ts';
import { ukDateOf } from '../../shared/platform/working-days.ts';
import type { AuditWriter } from '../platform/audit.ts';
import { Conflict, Forbidden, NotFound, Unprocessable } from '../platform/errors.ts';
import { type AppContext, etag, ifMatchVersion, signedIn } from '../platform/http.ts';
import type { Principal } from '../platform/identity.ts';
import type { SubjectKey } from '../platform/subject-keys.ts';
import { episodeAuditEvents } from './audit-events.ts';
import { counterChanges } from './counters.ts';
import { type EpisodeRecord, listingOf, NOBODYS_EPISODE, refOf } from './records.ts';
import type { EarlyHelpStore } from './store.ts';
import { viewFor } from './views.ts';

export interface AnswerDeps {
  store: EarlyHelpStore;
  audit: AuditWriter;
  clock: () => Date;
  subjectKey: SubjectKey;
  standards: () => Promise<EarlyHelpStandards>;
}

/** What an answer already knows, so it need not read the store again. */
interface Known {
  reviews: Review[];
  standards: EarlyHelpStandards;
}

/** What one change makes of the episode, and what is written beside it. */
export interface Changed {
  record: EpisodeRecord;
  review?: Review;
  /** A short, non-personal note for the audit entry ("accepted", "step_up"). */
  detail?: string;
}

export type Apply = (record: EpisodeRecord, me: Principal, at: string, today: string) => Promise<Changed>;

/** The field problems a rule found, refused together. */
export function refuseProblems(message: string, problems: { field: string; reason: string }[]): void {
  if (problems.length) throw new Unprocessable(message, problems);
}

/** How the routes that read or write one episode answer: as the caller may see it, or not at all. */
export function episodeAnswers(deps: AnswerDeps) {
  const { store, audit } = deps;
  const { event } = episodeAuditEvents(deps.subjectKey);
  const today = () => ukDateOf(deps.clock());

  /** The episode as `me` may see it now, with its version as the ETag. */
  const shown = async (me: Principal, record: EpisodeRecord, known?: Known) => {
    const reading = readingOf(me, refOf(record));
    const seen: Exclude<Reading, 'none'> = reading === 'none' ? 'summary' : reading;
    const reviews = seen !== 'full' ? [] : (known?.reviews ?? (await store.reviews(record.id)));
    return viewFor(seen, record, reviews, known?.standards ?? (await deps.standards()), today());
  };

  /**
   * The answer to a write. After a commit it reads nothing (`known` carries what it needs), so a
   * store fault there cannot turn a saved change into a 503 whose retry is refused as a conflict.
   */
  const respond = async (
    c: AppContext,
    me: Principal,
    record: EpisodeRecord,
    status: 200 | 201 = 200,
    known?: Known,
  ) => {
    c.header('etag', etag(record.version));
    return c.json(await shown(me, record, known), status);
  };

  /** A missing episode and one the caller may not read answer alike; the attempt is audited. */
  const notFound = async (
    c: AppContext,
    me: Principal,
    id: string,
    action: string,
    record?: EpisodeRecord | null,
  ): Promise<never> => {
    await audit.append(
      event(c, me, action, record ?? id, { outcome: 'denied', detail: 'not readable by this user' }),
    );
    throw new NotFound(EPISODE_NOT_FOUND_MESSAGE);
  };

  /** The episode and how the caller reads it, if it exists and they may; 404 (audited) otherwise. */
  const readable = async (c: AppContext, me: Principal, id: string, action: string) => {
    const record = await store.get(id);
    const reading = record ? readingOf(me, refOf(record)) : 'none';
    if (!record || reading === 'none') return notFound(c, me, id, action, record);
    return { record, reading };
  };

  /**
   * The common path of every change: read, check who may do it in this state and the version they
   * read, apply, and write with its audit entry, list items and review in one transaction.
   */
  const change = async (c: AppContext, action: EpisodeAction, auditAction: string, apply: Apply) => {
    const me = signedIn(c);
    const id = c.req.param('id') ?? '';
    const expected = ifMatchVersion(c);
    const current = await store.get(id);
    // A missing episode is checked as nobody's, so it is refused exactly as an unreadable one.
    const check = canAct(action, me, current ? refOf(current) : NOBODYS_EPISODE);
    if (!current || (!check.ok && check.reason === 'not-found'))
      return notFound(c, me, id, auditAction, current);
    if (!check.ok && check.reason === 'forbidden') throw new Forbidden(check.message);
    if (!check.ok) throw new Conflict(check.message, await shown(me, current));
    if (current.version !== expected)
      throw new Conflict('Someone else changed this episode since you read it', await shown(me, current));
    const at = deps.clock().toISOString();
    const next = await apply({ ...current, updatedAt: at, version: expected + 1 }, me, at, today());
    const put = audit.putItem(
      event(c, me, auditAction, next.record, next.detail ? { detail: next.detail } : {}),
    );
    const standards = await deps.standards();
    // Read before the commit: the answer must not depend on a read after it.
    const before = await store.reviews(id);
    const reviews = next.review ? [...before, next.review] : before;
    try {
      await store.save(next.record, current, listingOf(next.record, standards), put, next.review, {
        counters: counterChanges(current, next.record, standards),
      });
    } catch (error) {
      if (!(error instanceof Conflict) || error.current !== undefined) throw error;
      const now = await store.get(id);
      throw new Conflict(
        error.message,
        now && readingOf(me, refOf(now)) !== 'none' ? await shown(me, now) : undefined,
      );
    }
    return respond(c, me, next.record, 200, { reviews, standards });
  };

  return { event, today, shown, respond, notFound, readable, change };
}
