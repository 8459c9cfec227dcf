import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { createGuidanceSource } from '../../functions/platform/guidance-source.ts';
import type { AreaApp, PlatformDeps } from '../../functions/platform/http.ts';
import { createServicesSource } from '../../functions/platform/services-source.ts';
import { createSubjectKey } from '../../functions/platform/subject-keys.ts';
import { createReferralsApp } from '../../functions/referrals/app.ts';
import type { AttachmentStorage } from '../../functions/referrals/attachment-storage.ts';
import { createChildKeys } from '../../functions/referrals/child-keys.ts';
import { createDynamoReferralStore } from '../../functions/referrals/store.ts';
import { createServicesApp } from '../../functions/services/app.ts';
import { createDynamoServiceStore } from '../../functions/services/store.ts';
import type { Area } from '../../shared/deployment/tables.ts';
import type { AssetManifest } from '../../shared/views/layout.ts';
import { createLocalAttachmentStore } from './attachment-storage-local.ts';
import type { TableNames } from './tables.ts';

/**
 * The local runtime's key for the duplicate index (functions/referrals/child-keys.ts). Fixed, so the
 * demo seed and every later start file and find the same synthetic children; AWS uses a secret from
 * Secrets Manager that is in neither the template nor the repository.
 */
export const LOCAL_MATCH_KEY_SECRET = 'local-only-match-key-secret-for-synthetic-data';

/** The local runtime's key for the audit trail's subject index (functions/platform/subject-keys.ts). */
export const LOCAL_AUDIT_SUBJECT_SECRET = 'local-only-audit-subject-secret-for-synthetic-data';

/** Where documents are kept when no folder is given (the seed, the benchmarks, the tests). */
export const DEFAULT_ATTACHMENTS_DIR = join(tmpdir(), 'portal-attachments');

/** The demo partnership's agency (infra/seed/demo-data.ts): its directory editors keep every service. */
export const LOCAL_PARTNERSHIP_AGENCY_ID = 'northshire-partnership';

/**
 * Every area's app wired to its store, as the Lambda entries wire one each. The local runtime serves
 * them all; API tests call them through `app.request()` with their own platform services.
 */
export function createAreaApps(
  db: DynamoDBDocumentClient,
  tables: TableNames,
  platform: PlatformDeps,
  options: {
    pageAssets?: AssetManifest;
    partnershipAgencyId?: string;
    /** Where attached documents are kept; a folder under the system's temporary one unless given. */
    attachments?: AttachmentStorage;
  } = {},
): Record<Area, AreaApp> {
  const subjectKey = createSubjectKey(LOCAL_AUDIT_SUBJECT_SECRET);
  // The public services route the guidance, referrals and early-help functions call in AWS, answered in-process
  // (bound late: the services app is made below, and reads the guidance in turn).
  let services: AreaApp | undefined;
  const servicesSource = () =>
    createServicesSource((rest) => {
      if (!services) throw new Error('The services app is not made yet');
      return services.request(`/api/services${rest}`);
    });
  const guidance = createGuidanceApp({
    ...platform,
    services: servicesSource(),
    store: createDynamoGuidanceStore(db, tables.guidance),
    ...(options.pageAssets ? { pageAssets: options.pageAssets } : {}),
  });
  // The same public route the referrals and services functions call in AWS, answered in-process.
  const guidanceSource = () =>
    createGuidanceSource((headers) => guidance.request('/api/guidance', { headers }), platform.clock);
  const referrals = createReferralsApp({
    ...platform,
    store: createDynamoReferralStore(db, tables.referrals, tables.outbox),
    guidance: guidanceSource(),
    services: servicesSource(),
    childKeys: createChildKeys(LOCAL_MATCH_KEY_SECRET),
    subjectKey,
    // The seed and the benchmarks attach nothing: a folder of their own, with addresses nobody serves.
    attachments:
      options.attachments ??
      createLocalAttachmentStore({ dir: DEFAULT_ATTACHMENTS_DIR, baseUrl: () => 'http://localhost' }).storage,
  });
  services = createServicesApp({
    ...platform,
    store: createDynamoServiceStore(db, tables.services),
    guidance: guidanceSource(),
    agencies: createAgencyNames(db, tables.directory, platform.clock),
    partnershipAgencyId: options.partnershipAgencyId ?? LOCAL_PARTNERSHIP_AGENCY_ID,
    ...(options.pageAssets ? { pageAssets: options.pageAssets } : {}),
  });
  return {
    guidance,
    referrals,
    services,
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
      services: servicesSource(),
      subjectKey,
      childKeys: createEpisodeChildKeys(LOCAL_AUDIT_SUBJECT_SECRET),
      guidance: guidanceSource(),
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
