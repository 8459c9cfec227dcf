import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadSecrets } from '../../functions/platform/secrets.ts';

/** Secrets Manager is AWS's alone (no local one): its answers are mocked; what is read, and how, is not. */
const secrets = mockClient(SecretsManagerClient);
beforeEach(() => secrets.reset());

describe('secrets read at start-up', () => {
  it('reads each secret the environment names, once, into the configuration’s environment', async () => {
    secrets
      .on(GetSecretValueCommand, { SecretId: 'arn:aws:secretsmanager:eu-west-2:1:secret:cursor-AbCdEf' })
      .resolves({ SecretString: 'c'.repeat(64) })
      .on(GetSecretValueCommand, { SecretId: 'partnership-portal/notify-api-key' })
      .resolves({ SecretString: 'notify-key' });
    const env: Record<string, string | undefined> = {
      CURSOR_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-2:1:secret:cursor-AbCdEf',
      NOTIFY_API_KEY_SECRET_NAME: 'partnership-portal/notify-api-key',
      LOG_LEVEL: 'info',
    };
    const loaded = await loadSecrets(env, new SecretsManagerClient({ region: 'eu-west-2' }));
    expect(loaded.sort()).toEqual(['CURSOR_SECRET', 'NOTIFY_API_KEY']);
    expect(env.CURSOR_SECRET).toBe('c'.repeat(64));
    expect(env.NOTIFY_API_KEY).toBe('notify-key');
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('asks for nothing when the environment names no secret (the local runtime, the tests)', async () => {
    const env: Record<string, string | undefined> = { CURSOR_SECRET: 'made-locally-'.padEnd(40, 'x') };
    expect(await loadSecrets(env, new SecretsManagerClient({ region: 'eu-west-2' }))).toEqual([]);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
    expect(env.CURSOR_SECRET).toMatch(/^made-locally-/);
  });

  it('fails the cold start plainly when a named secret is empty or cannot be read', async () => {
    secrets.on(GetSecretValueCommand).resolves({});
    await expect(
      loadSecrets({ MATCH_KEY_SECRET_ARN: 'arn:match' }, new SecretsManagerClient({ region: 'eu-west-2' })),
    ).rejects.toThrow('MATCH_KEY_SECRET_ARN');
    secrets.reset();
    secrets.on(GetSecretValueCommand).rejects(new Error('AccessDeniedException'));
    await expect(
      loadSecrets(
        { AUDIT_SUBJECT_SECRET_ARN: 'arn:audit' },
        new SecretsManagerClient({ region: 'eu-west-2' }),
      ),
    ).rejects.toThrow('AccessDeniedException');
  });
});
