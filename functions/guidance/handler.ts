// First: the secrets are read before the configuration is.
import '../platform/secrets-at-start.ts';
import { handle } from 'hono/aws-lambda';
import { functionConfigFromEnv, GuidanceEnvSchema } from '../platform/config.ts';
import { lambdaPlatform } from '../platform/lambda.ts';
import { createServicesSource } from '../platform/services-source.ts';
import { createGuidanceApp } from './app.ts';
import { createDynamoGuidanceStore } from './store.ts';

/** The guidance function's Lambda entry: wires the app to DynamoDB once per cold start. */
const { config, db, deps } = lambdaPlatform();
const { WEB_ASSETS, SERVICES_URL } = functionConfigFromEnv(GuidanceEnvSchema);

export const handler = handle(
  createGuidanceApp({
    ...deps,
    store: createDynamoGuidanceStore(db, config.TABLE_NAME),
    pageAssets: WEB_ASSETS,
    services: createServicesSource((rest) => fetch(`${SERVICES_URL}${rest}`)),
  }),
);
