import { describe, expect, it } from 'vitest';
import {
  type CloudTrailApiCallEvent,
  REVOKING_EVENTS,
  revocationFor,
} from '../../functions/directory/revocations-handler.ts';

/**
 * Which Cognito account changes, as EventBridge delivers CloudTrail's record of them, withdraw whose
 * access and from when (functions/directory/revocations-handler.ts).
 */
const POOL = 'eu-west-2_Portal1';
const SUB = '3f1c2b7a-9d4e-4c1a-8b2f-0a1b2c3d4e5f';

function event(detail: Partial<NonNullable<CloudTrailApiCallEvent['detail']>>): CloudTrailApiCallEvent {
  return {
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.cognito-idp',
    time: '2026-11-23T09:00:05Z',
    detail: {
      eventSource: 'cognito-idp.amazonaws.com',
      eventName: 'AdminDisableUser',
      eventTime: '2026-11-23T09:00:01Z',
      requestParameters: { userPoolId: POOL, username: SUB },
      ...detail,
    },
  };
}

describe('Cognito account changes as revocations', () => {
  it.each(REVOKING_EVENTS)(
    '%s withdraws the user’s older tokens from the moment of the call',
    (eventName) => {
      expect(revocationFor(event({ eventName }), POOL)).toEqual({
        kind: 'revoke',
        userId: SUB,
        at: '2026-11-23T09:00:01.000Z',
        eventName,
      });
    },
  );

  it('names the user by the sub Cognito adds when CloudTrail hides the username', () => {
    const hidden = event({
      eventName: 'AdminRemoveUserFromGroup',
      requestParameters: {
        userPoolId: POOL,
        username: 'HIDDEN_DUE_TO_SECURITY_REASONS',
        groupName: 'triage',
      },
      additionalEventData: { sub: SUB.toUpperCase() },
    });
    expect(revocationFor(hidden, POOL)).toMatchObject({ kind: 'revoke', userId: SUB });
  });

  it('skips what cannot or need not be recorded, saying why', () => {
    const cases: [CloudTrailApiCallEvent, string][] = [
      [event({ eventName: 'AdminEnableUser' }), 'not a call that withdraws access'],
      [event({ eventName: 'ListUsers' }), 'not a call that withdraws access'],
      [event({ errorCode: 'UserNotFoundException' }), 'the call failed'],
      [event({ requestParameters: { userPoolId: 'eu-west-2_Other', username: SUB } }), 'another user pool'],
      [event({ eventSource: 's3.amazonaws.com' }), 'not a Cognito call'],
      [
        event({ requestParameters: { userPoolId: POOL, username: 'amira@brookfield.example.org' } }),
        'the user is not named by their sub',
      ],
      [
        event({ requestParameters: { userPoolId: POOL, username: 'HIDDEN_DUE_TO_SECURITY_REASONS' } }),
        'the user is not named by their sub',
      ],
    ];
    for (const [e, why] of cases) expect(revocationFor(e, POOL), why).toEqual({ kind: 'skip', why });
  });

  it('uses the event’s delivery time when CloudTrail gives no call time', () => {
    expect(revocationFor(event({ eventTime: undefined }), POOL)).toMatchObject({
      at: '2026-11-23T09:00:05.000Z',
    });
  });
});
