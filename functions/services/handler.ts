// First: the secrets are read before the configuration is.
import '../platform/secrets-at-start.ts';
import { handle } from 'hono/aws-lambda';
import { createAgencyNames } from '../platform/agency-names.ts';
import { functionConfigFromEnv, ServicesEnvSchema } from '../platform/config.ts';
import { createGuidanceSource } from '../platform/guidance-source.ts';
import { lambdaPlatform } from '../platform/lambda.ts';
import { createServicesApp } from './app.ts';
import { createDynamoServiceStore } from './store.ts';

/** The services function's Lambda entry: wires the app to DynamoDB and the guidance API once per cold start. */
const { config, db, deps } = lambdaPlatform();
const { DIRECTORY_TABLE_NAME, GUIDANCE_URL, PARTNERSHIP_AGENCY_ID, WEB_ASSETS } =
  functionConfigFromEnv(ServicesEnvSchema);

export const handler = handle(
  createServicesApp({
    ...deps,
    store: createDynamoServiceStore(db, config.TABLE_NAME),
    guidance: createGuidanceSource((headers) => fetch(GUIDANCE_URL, { headers }), deps.clock),
    agencies: createAgencyNames(db, DIRECTORY_TABLE_NAME, deps.clock),
    partnershipAgencyId: PARTNERSHIP_AGENCY_ID,
    pageAssets: WEB_ASSETS,
  }),
);
