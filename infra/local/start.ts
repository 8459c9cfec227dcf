import { localConfigFromEnv } from '../../functions/platform/config.ts';
import { createLogger } from '../../functions/platform/logger.ts';
import { ROLE_LABELS } from '../../shared/platform/roles.ts';
import { buildWeb } from '../../web/build.ts';
import { DEMO_AGENCIES, DEMO_USERS } from '../seed/demo-data.ts';
import { JavaMissingError } from './dynamodb-local.ts';
import { LOCAL_MAIL_PATH } from './local-mail.ts';
import { startLocalPortal } from './portal.ts';

/** `npm start`: the whole portal on this machine, seeded with synthetic demo data. Ctrl-C stops it. */
async function main(): Promise<void> {
  const config = localConfigFromEnv();
  const say = (line: string) => process.stdout.write(`${line}\n`);

  say('Building the web front end…');
  await buildWeb();
  const portal = await startLocalPortal({
    port: config.PORT,
    dataDir: config.PORTAL_DATA_DIR,
    dynamoPort: config.DYNAMODB_LOCAL_PORT,
    logger: createLogger({ level: config.LOG_LEVEL }),
    progress: say,
  });

  const agencyName = new Map(DEMO_AGENCIES.map((a) => [a.id, a.name]));
  say('');
  say(`The partnership portal is running at ${portal.url}`);
  say(
    `  data: ${config.PORTAL_DATA_DIR} (${portal.seeded ? 'seeded just now' : 'kept from the last start'})`,
  );
  say(
    `  DynamoDB Local: port ${config.DYNAMODB_LOCAL_PORT} (it listens on every interface: keep that port firewalled)`,
  );
  say(`  emails: ${portal.url}${LOCAL_MAIL_PATH} shows each one as GOV.UK Notify would send it`);
  say('');
  say('Sign in at /sign-in/ as any of these synthetic demo users:');
  for (const user of DEMO_USERS) {
    const roles = user.roles.map((r) => ROLE_LABELS[r]).join(', ');
    say(
      `  ${user.username.padEnd(7)} ${user.name}, ${user.jobTitle} (${agencyName.get(user.agencyId)}): ${roles}`,
    );
  }
  say('');
  say('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say('\nStopping…');
    await portal.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof JavaMissingError || (error instanceof Error && error.name === 'ConfigError')) {
    process.stderr.write(`\n${error.message}\n`);
  } else {
    process.stderr.write(
      `\nThe portal could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});
