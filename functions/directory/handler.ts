import { handle } from 'hono/aws-lambda';
import { lambdaPlatform } from '../platform/lambda.ts';
import { createDirectoryApp } from './app.ts';
import { createDynamoDirectoryStore } from './store.ts';

/** The directory function's Lambda entry: wires the app to DynamoDB once per cold start. */
const { config, db, deps } = lambdaPlatform();

export const handler = handle(
  createDirectoryApp({
    ...deps,
    store: createDynamoDirectoryStore(db, config.TABLE_NAME, config.AUDIT_TABLE_NAME),
  }),
);
