import { describe, expect, it } from 'vitest';
import { handler, type PreTokenGenerationV2Event } from '../../functions/auth/pre-token-generation.ts';

function event(userAttributes: Record<string, string>, response: PreTokenGenerationV2Event['response'] = {}) {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'eu-west-2',
    userPoolId: 'eu-west-2_test',
    userName: 'a-user',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'web-client' },
    request: { userAttributes, groupConfiguration: { groupsToOverride: ['referrer'] }, scopes: ['openid'] },
    response,
  } satisfies PreTokenGenerationV2Event;
}

describe('pre-token-generation trigger (V2)', () => {
  it("copies custom:agencyId into the access token's agencyId claim", async () => {
    const result = await handler(event({ sub: 'u1', 'custom:agencyId': 'school-42' }));
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { agencyId: 'school-42' } },
    });
  });

  it('adds no claim for a user without an agency', async () => {
    const result = await handler(event({ sub: 'u1', 'custom:agencyId': '  ' }));
    expect(result.response.claimsAndScopeOverrideDetails).toBeUndefined();
  });

  it('keeps any overrides already in the response', async () => {
    const result = await handler(
      event(
        { 'custom:agencyId': 'police' },
        {
          claimsAndScopeOverrideDetails: {
            idTokenGeneration: { claimsToSuppress: ['email'] },
            accessTokenGeneration: { claimsToAddOrOverride: { other: 'x' }, scopesToAdd: ['s'] },
          },
        },
      ),
    );
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      idTokenGeneration: { claimsToSuppress: ['email'] },
      accessTokenGeneration: {
        claimsToAddOrOverride: { other: 'x', agencyId: 'police' },
        scopesToAdd: ['s'],
      },
    });
  });
});
