import { handle } from 'hono/aws-lambda';
import { lambdaPlatform } from '../platform/lambda.ts';
import { createReferralsApp } from './app.ts';
import { createDynamoReferralStore } from './store.ts';

/** The referrals function's Lambda entry: wires the app to DynamoDB once per cold start. */
const { config, db, deps } = lambdaPlatform();

export const handler = handle(
  createReferralsApp({ ...deps, store: createDynamoReferralStore(db, config.TABLE_NAME) }),
);
