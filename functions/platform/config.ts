import type { $ZodType, output } from 'zod/v4/core';
import * as z from '../../shared/platform/zod.ts';
import { loadSecrets } from './secrets.ts';

/**
 * The only module that reads `process.env`. Each schema is parsed once per process; a value missing
 * in AWS fails at start-up with the variable's name. Defaults exist only for the local runtime.
 */

const nonEmpty = z.string().check(z.trim(), z.minLength(1, 'must be set'));
const secret = z.string().check(z.minLength(32, 'must be at least 32 characters'));
const logLevel = z._default(z.enum(['debug', 'info', 'warn', 'error']), 'info');
const port = (min: number, fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(min), z.maximum(65535)), fallback);

/** What every area function needs in AWS (set by infra/constructs/portal-function.ts). */
export const FunctionEnvSchema = z.object({
  /** The area's own table. */
  TABLE_NAME: nonEmpty,
  /** The audit table, append-only for every function. */
  AUDIT_TABLE_NAME: nonEmpty,
  /** The directory, read for the caller's standing only: agencies and people (functions/platform/access.ts). */
  DIRECTORY_TABLE_NAME: nonEmpty,
  /** The token issuer: the Cognito user pool's URL in AWS. Its JWKS is `${AUTH_ISSUER}/.well-known/jwks.json`. */
  AUTH_ISSUER: z.url('must be a URL'),
  /** The app client id access tokens must carry (Cognito access tokens name it `client_id`). */
  AUTH_CLIENT_ID: nonEmpty,
  /** Signs list cursors so they cannot be altered (functions/platform/pagination.ts). */
  CURSOR_SECRET: secret,
  LOG_LEVEL: logLevel,
});
export type FunctionConfig = z.infer<typeof FunctionEnvSchema>;

/** The referrals function also reads the current guidance, through the public guidance API. */
export const ReferralsEnvSchema = z.extend(FunctionEnvSchema, {
  GUIDANCE_URL: z.url('must be a URL'),
  /** The public services API (…/api/services): the front door signposts to published services. */
  SERVICES_URL: z.url('must be a URL'),
  /** Keys the duplicate index (functions/referrals/child-keys.ts); must not change while referrals are kept. */
  MATCH_KEY_SECRET: secret,
  /** Notifications have a table of their own (shared/deployment/tables.ts). */
  OUTBOX_TABLE_NAME: nonEmpty,
  /** Keys the audit trail's subject index (functions/platform/subject-keys.ts); shared with the directory. */
  AUDIT_SUBJECT_SECRET: secret,
  /** The S3 bucket attached documents are kept in (functions/referrals/attachment-storage-s3.ts). */
  ATTACHMENTS_BUCKET: nonEmpty,
});

/** The web build's asset manifest (shared/views/layout.ts AssetManifest), for the pages the guidance function renders. */
const startsWithSlash = z.string().check(z.startsWith('/'));
const AssetManifestJson = z.pipe(
  z.pipe(
    z.string(),
    z.transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.issues.push({ code: 'custom', message: 'must be JSON', input: text });
        return z.NEVER;
      }
    }),
  ),
  z.object({
    stylesheets: z.array(startsWithSlash),
    jsEnabled: startsWithSlash,
    modules: z.record(z.string(), startsWithSlash),
  }),
);

/** The guidance function also renders the public guidance pages, linking the web build's assets. */
export const GuidanceEnvSchema = z.extend(FunctionEnvSchema, {
  WEB_ASSETS: AssetManifestJson,
  /** The public services API (…/api/services): the checker's answer names services that meet the need. */
  SERVICES_URL: z.url('must be a URL'),
});

/** The scheduled reminder needs only the referrals, outbox and audit tables. */
export const ReminderEnvSchema = z.extend(
  z.pick(FunctionEnvSchema, { TABLE_NAME: true, AUDIT_TABLE_NAME: true, LOG_LEVEL: true }),
  {
    OUTBOX_TABLE_NAME: nonEmpty,
  },
);

/** The outbox's email delivery in AWS (functions/referrals/notify-handler.ts). */
export const NotifyEnvSchema = z.object({
  /** GOV.UK Notify's API key, read from Secrets Manager at start-up (secrets.ts), never in the environment. */
  NOTIFY_API_KEY: nonEmpty,
  /** A Notify email template with ((subject)), ((body)) and ((link)) placeholders. */
  NOTIFY_TEMPLATE_ID: nonEmpty,
  FRONT_DOOR_EMAIL: z.email('must be an email address'),
  DIRECTORY_TABLE_NAME: nonEmpty,
  /** The outbox's table: where the notifier records what it has emailed (DELIVERED# items only). */
  OUTBOX_TABLE_NAME: nonEmpty,
  PORTAL_URL: z.url('must be a URL'),
  LOG_LEVEL: logLevel,
});

/** The directory function also tells the web front end how to sign in (GET /api/config). */
export const DirectoryEnvSchema = z.extend(FunctionEnvSchema, {
  /** Cognito's hosted sign-in origin, e.g. https://portal.auth.eu-west-2.amazoncognito.com */
  AUTH_DOMAIN: z.url('must be a URL'),
  /** The portal's own origin (CloudFront), where sign-in returns. */
  PORTAL_URL: z.url('must be a URL'),
  /** Finds a child's audit entries (functions/platform/subject-keys.ts); shared with the referrals function. */
  AUDIT_SUBJECT_SECRET: secret,
});

/** The board function also reads agencies' names (only) from the directory table. */
export const BoardEnvSchema = z.extend(FunctionEnvSchema, { DIRECTORY_TABLE_NAME: nonEmpty });

/**
 * The services directory reads the current guidance's needs through the public guidance API, reads
 * agencies' names (only) from the directory, renders its public pages with the web build's assets,
 * and knows which agency is the partnership's: its directory editors keep every entry.
 */
export const ServicesEnvSchema = z.extend(FunctionEnvSchema, {
  GUIDANCE_URL: z.url('must be a URL'),
  PARTNERSHIP_AGENCY_ID: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an agency id')),
  WEB_ASSETS: AssetManifestJson,
});

/** The Cognito pre-token-generation trigger reads agencies' and people's standing (access.ts). */
export const PreTokenEnvSchema = z.object({
  DIRECTORY_TABLE_NAME: nonEmpty,
  LOG_LEVEL: logLevel,
});

/** Records Cognito's account changes as people's `revokedBefore` (functions/directory/revocations-handler.ts). */
export const RevocationsEnvSchema = z.object({
  DIRECTORY_TABLE_NAME: nonEmpty,
  /** Each revocation is audited (append only). */
  AUDIT_TABLE_NAME: nonEmpty,
  /** Only this user pool's events are acted on. */
  USER_POOL_ID: nonEmpty,
  LOG_LEVEL: logLevel,
});

/** The local runtime (`npm start`). */
export const LocalEnvSchema = z.object({
  PORT: port(0, 3000),
  /** Where DynamoDB Local keeps its data; git-ignored by default. */
  PORTAL_DATA_DIR: z._default(z.string(), '.data'),
  /** DynamoDB Local listens on every interface (it has no bind option): keep it off commonly exposed ports. */
  DYNAMODB_LOCAL_PORT: port(1, 8742),
  LOG_LEVEL: logLevel,
});
export type LocalConfig = z.infer<typeof LocalEnvSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function parseConfig<S extends $ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
): output<S> {
  const result = z.safeParse(schema, env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return result.data;
}

const parsed = new Map<$ZodType, unknown>();
/** Read once per Lambda process. */
export function functionConfigFromEnv<S extends $ZodType = typeof FunctionEnvSchema>(
  schema: S = FunctionEnvSchema as unknown as S,
): output<S> {
  if (!parsed.has(schema)) parsed.set(schema, parseConfig(schema, process.env));
  return parsed.get(schema) as output<S>;
}

/** Reads the secrets the environment names into it, before any configuration is parsed (secrets.ts). */
export async function loadSecretsIntoEnv(): Promise<void> {
  await loadSecrets(process.env);
}

export function localConfigFromEnv(): LocalConfig {
  return parseConfig(LocalEnvSchema, process.env);
}

/** True on CI (the test runner prints less progress there). */
export function isCi(): boolean {
  return process.env.CI === 'true';
}
