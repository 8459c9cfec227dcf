import type { AuditEvent } from '../platform/audit.ts';
import { type AppContext, auditEvent } from '../platform/http.ts';
import type { Principal } from '../platform/identity.ts';
import type { SubjectKey } from '../platform/subject-keys.ts';
import type { EpisodeRecord } from './records.ts';

type Extras = Partial<Pick<AuditEvent, 'outcome' | 'detail'>>;

/** The early-help area's audit entries, filed as the referrals area files its own. */
export function episodeAuditEvents(subjectKey: SubjectKey) {
  /**
   * An entry about one episode: given the episode once it was read, so the entry is filed under its
   * child's subject key (never her details) for a subject access request; by id otherwise.
   */
  const event = (
    c: AppContext,
    me: Principal,
    action: string,
    about: EpisodeRecord | string,
    { outcome = 'allowed', detail }: Extras = {},
  ): AuditEvent => {
    const key = typeof about === 'string' ? undefined : subjectKey(about.child);
    return auditEvent(
      c,
      me,
      action,
      { type: 'episode', id: typeof about === 'string' ? about : about.id },
      { outcome, ...(detail ? { detail } : {}), ...(key ? { subjectKey: key } : {}) },
    );
  };

  /** A list read: one entry for the list with the ids it returned, and one in each episode's own trail. */
  const listed = (c: AppContext, me: Principal, list: string, ids: string[]): AuditEvent[] => [
    { ...event(c, me, 'episode.list', list), entity: { type: 'episode-list', id: list }, ids },
    ...ids.map((id) => event(c, me, 'episode.listed', id, { detail: list })),
  ];

  return { event, listed };
}
