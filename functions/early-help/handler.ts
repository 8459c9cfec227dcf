// First: the secrets are read before the configuration is.
import '../platform/secrets-at-start.ts';
import { handle } from 'hono/aws-lambda';
import * as z from '../../shared/platform/zod.ts';
import { createAgencyNames } from '../platform/agency-names.ts';
import { FunctionEnvSchema, functionConfigFromEnv } from '../platform/config.ts';
import { createGuidanceSource } from '../platform/guidance-source.ts';
import { lambdaPlatform } from '../platform/lambda.ts';
import { createServicesSource } from '../platform/services-source.ts';
import { createSubjectKey } from '../platform/subject-keys.ts';
import { createEarlyHelpApp } from './app.ts';
import { createEpisodeChildKeys } from './child-keys.ts';
import { createReferralsSource } from './referrals-source.ts';
import { createDynamoEarlyHelpStore } from './store.ts';

/**
 * What the early-help function reads besides every function's settings: the API it asks for
 * referrals (with the caller's token), the public guidance API (a step-up's level and consent rule),
 * the public services API (the team's services), the directory's
 * agencies, and the audit subject key's secret.
 */
export const EarlyHelpEnvSchema = z.extend(FunctionEnvSchema, {
  REFERRALS_URL: z.url('must be a URL'),
  GUIDANCE_URL: z.url('must be a URL'),
  SERVICES_URL: z.url('must be a URL'),
  AUDIT_SUBJECT_SECRET: z.string().check(z.minLength(32, 'must be at least 32 characters')),
});

/** The early-help function's Lambda entry: wires the app to DynamoDB once per cold start. */
const { config, db, deps } = lambdaPlatform();
const { REFERRALS_URL, SERVICES_URL, GUIDANCE_URL, AUDIT_SUBJECT_SECRET, DIRECTORY_TABLE_NAME } =
  functionConfigFromEnv(EarlyHelpEnvSchema);

export const handler = handle(
  createEarlyHelpApp({
    ...deps,
    store: createDynamoEarlyHelpStore(db, config.TABLE_NAME),
    referrals: createReferralsSource((path, init) => fetch(new URL(path, REFERRALS_URL), init)),
    agencies: createAgencyNames(db, DIRECTORY_TABLE_NAME, deps.clock),
    services: createServicesSource((rest) => fetch(`${SERVICES_URL}${rest}`)),
    subjectKey: createSubjectKey(AUDIT_SUBJECT_SECRET),
    childKeys: createEpisodeChildKeys(AUDIT_SUBJECT_SECRET),
    guidance: createGuidanceSource((headers) => fetch(GUIDANCE_URL, { headers }), deps.clock),
  }),
);
