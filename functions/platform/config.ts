import * as z from 'zod';
import { lazySchema } from '../../shared/platform/lazy-schema.ts';

/**
 * The only module that reads `process.env`. Each schema is parsed once per process; a value missing
 * in AWS fails at start-up with the variable's name. Defaults exist only for the local runtime.
 */

const nonEmpty = lazySchema(() => z.string().trim().min(1, 'must be set'));

/** What every area function needs in AWS (set by infra/constructs/portal-function.ts). */
export const FunctionEnvSchema = lazySchema(() =>
  z.object({
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
    CURSOR_SECRET: z.string().min(32, 'must be at least 32 characters'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  }),
);
export type FunctionConfig = z.infer<typeof FunctionEnvSchema>;

/** The referrals function also reads the current guidance, through the public guidance API. */
export const ReferralsEnvSchema = lazySchema(() =>
  FunctionEnvSchema.extend({
    GUIDANCE_URL: z.url('must be a URL'),
    /** Keys the duplicate index (functions/referrals/child-keys.ts); must not change while referrals are kept. */
    MATCH_KEY_SECRET: z.string().min(32, 'must be at least 32 characters'),
    /** Notifications have a table of their own (shared/deployment/tables.ts). */
    OUTBOX_TABLE_NAME: nonEmpty,
    /** Keys the audit trail's subject index (functions/platform/subject-keys.ts); shared with the directory. */
    AUDIT_SUBJECT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  }),
);

/** The web build's asset manifest (shared/views/layout.ts AssetManifest), for the pages the guidance function renders. */
const AssetManifestJson = lazySchema(() =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(
      z.object({
        stylesheets: z.array(z.string().startsWith('/')),
        jsEnabled: z.string().startsWith('/'),
        modules: z.record(z.string(), z.string().startsWith('/')),
      }),
    ),
);

/** The guidance function also renders the public guidance pages, linking the web build's assets. */
export const GuidanceEnvSchema = lazySchema(() =>
  FunctionEnvSchema.extend({ WEB_ASSETS: AssetManifestJson }),
);

/** The scheduled reminder needs only the referrals, outbox and audit tables. */
export const ReminderEnvSchema = lazySchema(() =>
  FunctionEnvSchema.pick({
    TABLE_NAME: true,
    AUDIT_TABLE_NAME: true,
    LOG_LEVEL: true,
  }).extend({ OUTBOX_TABLE_NAME: nonEmpty }),
);

/** The outbox's email delivery in AWS (functions/referrals/notify-handler.ts). */
export const NotifyEnvSchema = lazySchema(() =>
  z.object({
    /** GOV.UK Notify's API key, from Secrets Manager (a deploy-time dynamic reference). */
    NOTIFY_API_KEY: nonEmpty,
    /** A Notify email template with ((subject)), ((body)) and ((link)) placeholders. */
    NOTIFY_TEMPLATE_ID: nonEmpty,
    FRONT_DOOR_EMAIL: z.email('must be an email address'),
    DIRECTORY_TABLE_NAME: nonEmpty,
    PORTAL_URL: z.url('must be a URL'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  }),
);

/** The directory function also tells the web front end how to sign in (GET /api/config). */
export const DirectoryEnvSchema = lazySchema(() =>
  FunctionEnvSchema.extend({
    /** Cognito's hosted sign-in origin, e.g. https://portal.auth.eu-west-2.amazoncognito.com */
    AUTH_DOMAIN: z.url('must be a URL'),
    /** The portal's own origin (CloudFront), where sign-in returns. */
    PORTAL_URL: z.url('must be a URL'),
    /** Finds a child's audit entries (functions/platform/subject-keys.ts); shared with the referrals function. */
    AUDIT_SUBJECT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  }),
);

/** The board function also reads agencies' names (only) from the directory table. */
export const BoardEnvSchema = lazySchema(() => FunctionEnvSchema.extend({ DIRECTORY_TABLE_NAME: nonEmpty }));

/** The Cognito pre-token-generation trigger reads agencies' and people's standing (access.ts). */
export const PreTokenEnvSchema = lazySchema(() =>
  z.object({
    DIRECTORY_TABLE_NAME: nonEmpty,
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  }),
);

/** Records Cognito's account changes as people's `revokedBefore` (functions/directory/revocations-handler.ts). */
export const RevocationsEnvSchema = lazySchema(() =>
  z.object({
    DIRECTORY_TABLE_NAME: nonEmpty,
    /** Each revocation is audited (append only). */
    AUDIT_TABLE_NAME: nonEmpty,
    /** Only this user pool's events are acted on. */
    USER_POOL_ID: nonEmpty,
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  }),
);

/** The local runtime (`npm start`). */
export const LocalEnvSchema = lazySchema(() =>
  z.object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Where DynamoDB Local keeps its data; git-ignored by default. */
    PORTAL_DATA_DIR: z.string().default('.data'),
    /** DynamoDB Local listens on every interface (it has no bind option): keep it off commonly exposed ports. */
    DYNAMODB_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(8742),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  }),
);
export type LocalConfig = z.infer<typeof LocalEnvSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function parseConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return result.data;
}

const parsed = new Map<z.ZodType, unknown>();
/** Read once per Lambda process. */
export function functionConfigFromEnv<S extends z.ZodType = typeof FunctionEnvSchema>(
  schema: S = FunctionEnvSchema as unknown as S,
): z.infer<S> {
  if (!parsed.has(schema)) parsed.set(schema, parseConfig(schema, process.env));
  return parsed.get(schema) as z.infer<S>;
}

export function localConfigFromEnv(): LocalConfig {
  return parseConfig(LocalEnvSchema, process.env);
}

/** True on CI (the test runner prints less progress there). */
export function isCi(): boolean {
  return process.env.CI === 'true';
}
