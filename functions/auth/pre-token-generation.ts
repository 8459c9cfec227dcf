/**
 * Cognito pre-token-generation trigger, event version 2 (V2_0). Cognito access tokens carry
 * `cognito:groups` but no custom attributes; this copies the user's `custom:agencyId` into the access
 * token as the claim `agencyId`, which the functions read (functions/platform/identity.ts).
 *
 * Only an administrator can set `custom:agencyId` (the web client cannot write it), so the claim is
 * as trustworthy as the token. Dependency-free: the types below are the parts of the event it uses.
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

export async function handler(event: PreTokenGenerationV2Event): Promise<PreTokenGenerationV2Event> {
  const agencyId = event.request.userAttributes[AGENCY_ATTRIBUTE]?.trim();
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
