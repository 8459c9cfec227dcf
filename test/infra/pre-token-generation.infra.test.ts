import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPreTokenHandler,
  type PreTokenGenerationV2Event,
} from '../../functions/auth/pre-token-generation.ts';
import { agencyStandingKey, createStandingReader, personKey } from '../../functions/platform/access.ts';
import { createTestStore, type TestStore } from '../support/store.ts';

const SUB = '00000000-0000-4000-8000-00000000a001';

function event(userAttributes: Record<string, string>, response: PreTokenGenerationV2Event['response'] = {}) {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'eu-west-2',
    userPoolId: 'eu-west-2_test',
    userName: 'a-user',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'web-client' },
    request: {
      userAttributes: { sub: SUB, ...userAttributes },
      groupConfiguration: { groupsToOverride: ['referrer'] },
      scopes: ['openid'],
    },
    response,
  } satisfies PreTokenGenerationV2Event;
}

let store: TestStore;
let handler: ReturnType<typeof createPreTokenHandler>;
const refusals: string[] = [];

const putAgency = (id: string, active: boolean) =>
  store.db.send(
    new PutCommand({
      TableName: store.tables.directory,
      Item: { ...agencyStandingKey(id), id, name: `Agency ${id}`, active },
    }),
  );
const putPerson = (userId: string, suspended: boolean) =>
  store.db.send(
    new PutCommand({
      TableName: store.tables.directory,
      Item: { ...personKey(userId), userId, suspended, revokedBefore: '2026-01-01T00:00:00.000Z' },
    }),
  );

beforeAll(async () => {
  store = await createTestStore();
  for (const id of ['school-42', 'police']) await putAgency(id, true);
  await putAgency('closed-school', false);
  handler = createPreTokenHandler(createStandingReader(store.db, store.tables.directory), (reason) =>
    refusals.push(reason),
  );
});
afterAll(async () => store?.drop());

describe('pre-token-generation trigger (V2)', () => {
  it("copies custom:agencyId into the access token's agencyId claim", async () => {
    const result = await handler(event({ 'custom:agencyId': 'school-42' }));
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { agencyId: 'school-42' } },
    });
  });

  it('adds no claim for a user without an agency', async () => {
    const result = await handler(event({ 'custom:agencyId': '  ' }));
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

describe('pre-token-generation trigger: who gets no token', () => {
  it('refuses a user whose agency is deactivated, saying so in plain English', async () => {
    await expect(handler(event({ 'custom:agencyId': 'closed-school' }))).rejects.toThrow(
      /Your agency has been deactivated in the portal/,
    );
    expect(refusals.at(-1)).toBe('agency-deactivated');
  });

  it('refuses a user whose agency is not in the directory at all', async () => {
    await expect(handler(event({ 'custom:agencyId': 'no-such-agency' }))).rejects.toThrow(
      /not in the portal’s directory/,
    );
  });

  it('refuses a suspended person, on sign-in and on refresh, and issues tokens again once restored', async () => {
    const userId = '00000000-0000-4000-8000-00000000a002';
    await putPerson(userId, true);
    const mine = (triggerSource: string) => ({
      ...event({ 'custom:agencyId': 'school-42', sub: userId }),
      triggerSource,
    });
    for (const source of ['TokenGeneration_HostedAuth', 'TokenGeneration_RefreshTokens'])
      await expect(handler(mine(source)), source).rejects.toThrow(/access to the portal has been withdrawn/);
    expect(refusals.at(-1)).toBe('access-suspended');

    // Restored: an older revokedBefore concerns older tokens only, not a new one.
    await putPerson(userId, false);
    const result = await handler(mine('TokenGeneration_RefreshTokens'));
    expect(
      result.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride,
    ).toEqual({ agencyId: 'school-42' });
  });

  it('gives no token when the directory cannot be read (refused, not let through unchecked)', async () => {
    const unreadable = createPreTokenHandler(createStandingReader(store.db, 'no-such-table'));
    await expect(unreadable(event({ 'custom:agencyId': 'school-42' }))).rejects.toThrow();
  });
});
