import type { AgencyNames } from '../platform/agency-names.ts';
import type { GuidanceSource } from '../platform/guidance-source.ts';
import { type AreaApp, createAreaApp, type PlatformDeps } from '../platform/http.ts';
import type { ServicesSource } from '../platform/services-source.ts';
import type { SubjectKey } from '../platform/subject-keys.ts';
import type { ChildKeys } from '../referrals/child-keys.ts';
import { createEpisodeCreation } from './creation.ts';
import { createReadRoutes } from './reads.ts';
import type { ReferralsSource } from './referrals-source.ts';
import { createReviewRoutes } from './reviews.ts';
import { createStandardsRoutes } from './standards-routes.ts';
import { createStandardsSource, type StandardsSource } from './standards-source.ts';
import { createStatsRoutes } from './stats-routes.ts';
import type { EarlyHelpStore } from './store.ts';
import { createWorkRoutes } from './work.ts';

export interface EarlyHelpDeps extends PlatformDeps {
  store: EarlyHelpStore;
  /** The referrals API, called with the caller's own token (referrals-source.ts). */
  referrals: ReferralsSource;
  /** The partner agencies the directory knows: an agency asked to lead or named in a team must be one. */
  agencies: AgencyNames;
  /** The key the audit trail files a child's entries under, for subject access (subject-keys.ts). */
  subjectKey: SubjectKey;
  /** The published services directory: the team around the family can include its services. */
  services: ServicesSource;
  /** The hashed keys an episode is filed under for re-referrals (child-keys.ts), never her details. */
  childKeys: ChildKeys;
  /** The published guidance, through its public API: a step-up's level and consent rule come from it. */
  guidance: GuidanceSource;
}

/** What every part of the area is given: the deps, and the standards read once a minute. */
export type EarlyHelpParts = EarlyHelpDeps & { standards: StandardsSource };

/**
 * The early-help area: the episode that follows a front-door decision of early help, from asking an
 * agency to lead to its closure or step-up. Each part is a sub-app mounted under the area's shell.
 */
export function createEarlyHelpApp(deps: EarlyHelpDeps): AreaApp {
  const app = createAreaApp(deps, 'early-help');
  const parts: EarlyHelpParts = {
    ...deps,
    standards: createStandardsSource(deps.store, deps.clock, deps.logger),
  };
  // The static paths first (`/standards`, `/by-referral/…`), so none is read as `/{id}`.
  for (const part of [
    createStandardsRoutes(parts),
    createReadRoutes(parts),
    createEpisodeCreation(parts),
    createWorkRoutes(parts),
    createReviewRoutes(parts),
    createStatsRoutes(parts),
  ])
    app.route('/', part);
  return app;
}
