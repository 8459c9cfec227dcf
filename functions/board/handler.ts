// First: the secrets are read before the configuration is.
import '../platform/secrets-at-start.ts';
import { handle } from 'hono/aws-lambda';
import { createAgencyNames } from '../platform/agency-names.ts';
import { BoardEnvSchema, functionConfigFromEnv } from '../platform/config.ts';
import { lambdaPlatform } from '../platform/lambda.ts';
import { createBoardApp } from './app.ts';
import { createDynamoBoardStore } from './store.ts';

/** The board function's Lambda entry: wires the app to DynamoDB once per cold start. */
const { config, db, deps } = lambdaPlatform();
const { DIRECTORY_TABLE_NAME } = functionConfigFromEnv(BoardEnvSchema);

export const handler = handle(
  createBoardApp({
    ...deps,
    store: createDynamoBoardStore(db, config.TABLE_NAME),
    agencies: createAgencyNames(db, DIRECTORY_TABLE_NAME, deps.clock),
  }),
);
