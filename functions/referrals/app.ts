import type { GuidanceSource } from '../platform/guidance-source.ts';
import { type AreaApp, createAreaApp, type PlatformDeps } from '../platform/http.ts';
import type { ServicesSource } from '../platform/services-source.ts';
import type { SubjectKey } from '../platform/subject-keys.ts';
import type { AttachmentStorage } from './attachment-storage.ts';
import { createAttachmentRoutes } from './attachments.ts';
import type { ChildKeys } from './child-keys.ts';
import { createConsultationRoutes } from './consultations.ts';
import { createDraftRoutes } from './drafts.ts';
import { createListRoutes } from './lists.ts';
import { createNoteRoutes } from './notes.ts';
import { createReassignRoutes } from './reassign.ts';
import { createStatsRoutes } from './stats-routes.ts';
import type { ReferralStore } from './store.ts';
import { createTransitionRoutes } from './transitions.ts';

export interface ReferralsDeps extends PlatformDeps {
  store: ReferralStore;
  guidance: GuidanceSource;
  /** The published services directory, which the front door signposts to. */
  services: ServicesSource;
  /** The keys a submitted referral is filed under for duplicate detection (hashed: child-keys.ts). */
  childKeys: ChildKeys;
  /** The key the audit trail files a child's entries under, for subject access (subject-keys.ts). */
  subjectKey: SubjectKey;
  /** Where attached documents' bytes are kept: S3 in AWS, a local folder otherwise (attachment-storage.ts). */
  attachments: AttachmentStorage;
  /** Counts from 1 to one below this are not shown in the partnership figures (stats.ts); 5 if unset. */
  smallNumberThreshold?: number;
}

/**
 * The referrals area: each part of it a sub-app of its own routes, mounted under the area's shell
 * (token, standing, errors), which runs before every one of them.
 */
export function createReferralsApp(deps: ReferralsDeps): AreaApp {
  const app = createAreaApp(deps, 'referrals');
  for (const part of [
    createListRoutes(deps),
    createDraftRoutes(deps),
    createTransitionRoutes(deps),
    createReassignRoutes(deps),
    createNoteRoutes(deps),
    createConsultationRoutes(deps),
    createAttachmentRoutes(deps),
    createStatsRoutes(deps),
  ])
    app.route('/', part);
  return app;
}
