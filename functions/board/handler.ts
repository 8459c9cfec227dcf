import { handle } from 'hono/aws-lambda';
import { lambdaPlatform } from '../platform/lambda.ts';
import { createBoardApp } from './app.ts';
import { createDynamoBoardStore } from './store.ts';

/** The board function's Lambda entry: wires the app to DynamoDB once per cold start. */
const { config, db, deps } = lambdaPlatform();

export const handler = handle(
  createBoardApp({ ...deps, store: createDynamoBoardStore(db, config.TABLE_NAME) }),
);
