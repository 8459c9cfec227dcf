// First: the secrets are read before the configuration is.
import '../platform/secrets-at-start.ts';
import { handle } from 'hono/aws-lambda';
import { DirectoryEnvSchema, functionConfigFromEnv } from '../platform/config.ts';
import { lambdaPlatform } from '../platform/lambda.ts';
import { createSubjectKey } from '../platform/subject-keys.ts';
import { createDirectoryApp } from './app.ts';
import { createDynamoPeopleStore } from './people-store.ts';
import { createDynamoDirectoryStore } from './store.ts';

/** The directory function's Lambda entry: wires the app to DynamoDB once per cold start. */
const { config, db, deps } = lambdaPlatform();
const { AUTH_DOMAIN, PORTAL_URL, AUDIT_SUBJECT_SECRET } = functionConfigFromEnv(DirectoryEnvSchema);

export const handler = handle(
  createDirectoryApp({
    ...deps,
    store: createDynamoDirectoryStore(db, config.TABLE_NAME, config.AUDIT_TABLE_NAME),
    people: createDynamoPeopleStore(db, config.TABLE_NAME),
    subjectKey: createSubjectKey(AUDIT_SUBJECT_SECRET),
    webConfig: {
      auth: {
        mode: 'cognito',
        domain: AUTH_DOMAIN,
        clientId: config.AUTH_CLIENT_ID,
        redirectUri: `${PORTAL_URL}/auth/callback/`,
        scopes: ['openid', 'email', 'profile'],
        logoutUri: `${PORTAL_URL}/`,
      },
    },
  }),
);
