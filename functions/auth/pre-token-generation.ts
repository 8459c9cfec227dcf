import { createStandingReader, type StandingReader, signInRefusal } from '../platform/access.ts';
import { functionConfigFromEnv, PreTokenEnvSchema } from '../platform/config.ts';
import { createDocumentClient } from '../platform/dynamo.ts';
import { createLogger } from '../platform/logger.ts';

/**
 * Cognito pre-token-generation trigger, event version 2 (V2_0). Cognito access tokens carry
 * `cognito:groups` but no custom attributes; this copies the user's `custom:agencyId` into the access
 * token as the claim `agencyId`, which the functions read (functions/platform/identity.ts).
 *
 * Only an administrator can set `custom:agencyId` (the web client cannot write it), so the claim is
 * as trustworthy as the token. It also refuses (throws, so Cognito issues no token, at sign-in or on
 * refresh) for a user whose agency is deactivated or missing from the directory, or who has been
 * suspended (functions/platform/access.ts). The types below are the parts of the event it uses.
 */

type ClaimValue = string | number | boolean | string[];

export interface TokenGenerationOverrides {
  claimsToAddOrOverride?: Record<string, ClaimValue>;
  claimsToSuppress?: string[];
  scopesToAdd?: string[];
  scopesToSuppress?: string[];
}

export interface ClaimsAndScopeOverrideDetails {
  idTokenGeneration?: Omit<TokenGenerationOverrides, 'scopesToAdd' | 'scopesToSuppress'>;
  accessTokenGeneration?: TokenGenerationOverrides;
  groupOverrideDetails?: {
    groupsToOverride?: string[];
    iamRolesToOverride?: string[];
    preferredRole?: string;
  };
}

export interface PreTokenGenerationV2Event {
  version: string;
  triggerSource: string;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: {
    userAttributes: Record<string, string | undefined>;
    groupConfiguration?: {
      groupsToOverride?: string[];
      iamRolesToOverride?: string[];
      preferredRole?: string | null;
    };
    scopes?: string[];
    clientMetadata?: Record<string, string>;
  };
  response: { claimsAndScopeOverrideDetails?: ClaimsAndScopeOverrideDetails | null };
}

export const AGENCY_ATTRIBUTE = 'custom:agencyId';
export const AGENCY_CLAIM = 'agencyId';

/**
 * Cognito waits 5 s for a trigger: the directory is given about 3 s in all, and a store that does not
 * answer in time means no token (refused, not let through unchecked).
 */
const TRIGGER_STORE_TIMEOUTS = { maxAttempts: 2, connectionTimeout: 500, requestTimeout: 1_000 };

export function createPreTokenHandler(
  standing: StandingReader,
  log: (reason: string) => void = () => {},
): (event: PreTokenGenerationV2Event) => Promise<PreTokenGenerationV2Event> {
  return async (event) => {
    const agencyId = event.request.userAttributes[AGENCY_ATTRIBUTE]?.trim() || null;
    const userId = event.request.userAttributes.sub ?? event.userName;
    const refusal = await signInRefusal(standing, userId, agencyId);
    if (refusal) {
      log(refusal.reason);
      // Cognito shows the message to the person signing in.
      throw new Error(refusal.message);
    }
    return withAgencyClaim(event, agencyId);
  };
}

let live: ReturnType<typeof createPreTokenHandler> | undefined;

/** The Lambda entry: the directory client is made on the first invocation and kept. */
export async function handler(event: PreTokenGenerationV2Event): Promise<PreTokenGenerationV2Event> {
  if (!live) {
    const config = functionConfigFromEnv(PreTokenEnvSchema);
    const logger = createLogger({ level: config.LOG_LEVEL });
    live = createPreTokenHandler(
      createStandingReader(
        createDocumentClient({ timeouts: TRIGGER_STORE_TIMEOUTS }),
        config.DIRECTORY_TABLE_NAME,
      ),
      // The reason only: no name, username or sub.
      (reason) => logger.log('warn', 'token refused', { reason }),
    );
  }
  return live(event);
}

/** Copies the agency into the access token, keeping any overrides already in the response. */
export function withAgencyClaim(
  event: PreTokenGenerationV2Event,
  agencyId: string | null,
): PreTokenGenerationV2Event {
  // A user with no agency gets no claim: the API then treats them as belonging to none.
  if (!agencyId) return event;

  const details = event.response.claimsAndScopeOverrideDetails ?? {};
  const access = details.accessTokenGeneration ?? {};
  event.response.claimsAndScopeOverrideDetails = {
    ...details,
    accessTokenGeneration: {
      ...access,
      claimsToAddOrOverride: { ...access.claimsToAddOrOverride, [AGENCY_CLAIM]: agencyId },
    },
  };
  return event;
}
