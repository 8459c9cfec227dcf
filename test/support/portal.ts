import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createLogger } from '../../functions/platform/logger.ts';
import { type LocalPortal, startLocalPortal } from '../../infra/local/portal.ts';
import { buildWeb } from '../../web/build.ts';

let built: Promise<unknown> | undefined;

/**
 * The real local portal for browser tests: the run's DynamoDB Local with tables of its own, seeded
 * with the synthetic demo data, serving the web front end built once per test process.
 */
export async function startTestPortal(): Promise<LocalPortal> {
  built ??= buildWeb();
  await built;
  return startLocalPortal({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tablePrefix: `b${randomBytes(4).toString('hex')}-`,
    logger: createLogger({ level: 'warn' }),
  });
}
