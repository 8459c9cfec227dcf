import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createBoardApp } from '../../functions/board/app.ts';
import { createDynamoBoardStore } from '../../functions/board/store.ts';
import { createDirectoryApp } from '../../functions/directory/app.ts';
import { createDynamoPeopleStore } from '../../functions/directory/people-store.ts';
import { createDynamoDirectoryStore } from '../../functions/directory/store.ts';
import { createEarlyHelpApp } from '../../functions/early-help/app.ts';
import { createEpisodeChildKeys } from '../../functions/early-help/child-keys.ts';
import { createReferralsSource } from '../../functions/early-help/referrals-source.ts';
import { createDynamoEarlyHelpStore } from '../../functions/early-help/store.ts';
import { createGuidanceApp } from '../../functions/guidance/app.ts';
import { createDynamoGuidanceStore } from '../../functions/guidance/store.ts';
import { createAgencyNames } from '../../functions/platform/agency-names.ts';
import type { AreaApp, PlatformDeps } from '../../functions/platform/http.ts';
import { createSubjectKey } from '../../functions/platform/subject-keys.ts';
import { createReferralsApp } from '../../functions/referrals/app.ts';
import { createChildKeys } from '../../functions/referrals/child-keys.ts';
import { createGuidanceSource } from '../../functions/referrals/guidance-source.ts';
import { createDynamoReferralStore } from '../../functions/referrals/store.ts';
import type { Area } from '../../shared/deployment/tables.ts';
import type { AssetManifest } from '../../shared/views/layout.ts';
import type { TableNames } from './tables.ts';

/**
 * The local runtime's key for the duplicate index (functions/referrals/child-keys.ts). Fixed, so the
 * demo seed and every later start file and find the same synthetic children; AWS uses a secret from
 * Secrets Manager that is in neither the template nor the repository.
 */
export const LOCAL_MATCH_KEY_SECRET = 'local-only-match-key-secret-for-synthetic-data';

/** The local runtime's key for the audit trail's subject index (functions/platform/subject-keys.ts). */
export const LOCAL_AUDIT_SUBJECT_SECRET = 'local-only-audit-subject-secret-for-synthetic-data';

/**
 * Every area's app wired to its store, as the Lambda entries wire one each. The local runtime serves
 * them all; API tests call them through `app.request()` with their own platform services.
 */
export function createAreaApps(
  db: DynamoDBDocumentClient,
  tables: TableNames,
  platform: PlatformDeps,
  options: { pageAssets?: AssetManifest } = {},
): Record<Area, AreaApp> {
  const subjectKey = createSubjectKey(LOCAL_AUDIT_SUBJECT_SECRET);
  const guidance = createGuidanceApp({
    ...platform,
    store: createDynamoGuidanceStore(db, tables.guidance),
    ...(options.pageAssets ? { pageAssets: options.pageAssets } : {}),
  });
  const referrals = createReferralsApp({
    ...platform,
    store: createDynamoReferralStore(db, tables.referrals, tables.outbox),
    // The same public route the referrals function calls in AWS, answered in-process.
    guidance: createGuidanceSource(
      (headers) => guidance.request('/api/guidance', { headers }),
      platform.clock,
    ),
    childKeys: createChildKeys(LOCAL_MATCH_KEY_SECRET),
    subjectKey,
  });
  return {
    guidance,
    referrals,
    board: createBoardApp({
      ...platform,
      store: createDynamoBoardStore(db, tables.board),
      agencies: createAgencyNames(db, tables.directory, platform.clock),
    }),
    'early-help': createEarlyHelpApp({
      ...platform,
      store: createDynamoEarlyHelpStore(db, tables['early-help']),
      // The referrals API the early-help function calls in AWS, answered in-process, as the caller.
      referrals: createReferralsSource((path, init) => referrals.request(path, init)),
      agencies: createAgencyNames(db, tables.directory, platform.clock),
      subjectKey,
      childKeys: createEpisodeChildKeys(LOCAL_AUDIT_SUBJECT_SECRET),
    }),
    directory: createDirectoryApp({
      ...platform,
      store: createDynamoDirectoryStore(db, tables.directory, tables.audit),
      people: createDynamoPeopleStore(db, tables.directory),
      webConfig: { auth: { mode: 'local' } },
      subjectKey,
    }),
  };
}
