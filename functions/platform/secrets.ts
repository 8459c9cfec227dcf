import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * Secrets read at start-up, never held in the function's configuration. In AWS a function's
 * environment names each secret it may read (`CURSOR_SECRET_ARN`, …), which anyone allowed
 * `lambda:GetFunctionConfiguration` may see; the value is read from Secrets Manager once per cold
 * start, with the function's own grant, and kept in memory for the configuration to read
 * (config.ts), as locally, where the runtime makes the values itself.
 */
export const SECRET_SOURCES = {
  CURSOR_SECRET: 'CURSOR_SECRET_ARN',
  MATCH_KEY_SECRET: 'MATCH_KEY_SECRET_ARN',
  AUDIT_SUBJECT_SECRET: 'AUDIT_SUBJECT_SECRET_ARN',
  NOTIFY_API_KEY: 'NOTIFY_API_KEY_SECRET_NAME',
} as const;

/** What `loadSecrets` needs of Secrets Manager: a client to send GetSecretValue with. */
export type SecretsClient = Pick<SecretsManagerClient, 'send'>;

/**
 * Reads every secret this function's environment names into `env` (for the configuration to read),
 * all at once. A secret named but empty or unreadable fails the cold start, plainly.
 */
export async function loadSecrets(
  env: Record<string, string | undefined>,
  client: SecretsClient = new SecretsManagerClient({}),
): Promise<string[]> {
  const wanted = Object.entries(SECRET_SOURCES).filter(([, source]) => env[source]);
  await Promise.all(
    wanted.map(async ([name, source]) => {
      const result = await client.send(new GetSecretValueCommand({ SecretId: env[source] }));
      if (!result.SecretString) throw new Error(`The secret ${source} names holds no text value`);
      env[name] = result.SecretString;
    }),
  );
  return wanted.map(([name]) => name);
}
