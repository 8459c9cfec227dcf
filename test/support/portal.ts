import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createLogger } from '../../functions/platform/logger.ts';
import { type LocalPortal, type LocalPortalOptions, startLocalPortal } from '../../infra/local/portal.ts';
import { buildWeb } from '../../web/build.ts';

let built: Promise<string> | undefined;
let running = 0;

/**
 * The real local portal for browser tests: the run's DynamoDB Local with tables of its own, seeded
 * with the synthetic demo data, serving the web front end built once per test process into a folder
 * of its own (never web/dist, which another run or `npm start` may be emptying and rewriting at the
 * same moment). Stopping the last portal removes the folder.
 */
export async function startTestPortal(
  options: Pick<LocalPortalOptions, 'standingMaxAgeMs'> = {},
): Promise<LocalPortal> {
  built ??= mkdtemp(join(tmpdir(), 'portal-web-')).then(
    async (outDir) => (await buildWeb({ outDir })).outDir,
  );
  const webDir = await built;
  const portal = await startLocalPortal({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tablePrefix: `b${randomBytes(4).toString('hex')}-`,
    logger: createLogger({ level: 'warn' }),
    webDir,
    ...options,
  });
  running += 1;
  return {
    ...portal,
    stop: async () => {
      await portal.stop();
      running -= 1;
      if (running === 0) {
        built = undefined;
        await rm(webDir, { recursive: true, force: true });
      }
    },
  };
}
