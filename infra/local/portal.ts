import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { createDynamoDriftAlarmStore } from '../../functions/early-help/alarm-store.ts';
import { createDriftAlarmJob } from '../../functions/early-help/alarms.ts';
import { createDynamoEarlyHelpStore } from '../../functions/early-help/store.ts';
import { createAccessCheck, createStandingReader } from '../../functions/platform/access.ts';
import { createAuditWriter } from '../../functions/platform/audit.ts';
import { createDocumentClient } from '../../functions/platform/dynamo.ts';
import type { PlatformDeps } from '../../functions/platform/http.ts';
import { createTokenVerifier } from '../../functions/platform/identity.ts';
import { createLogger, type Logger } from '../../functions/platform/logger.ts';
import { createCursorCodec } from '../../functions/platform/pagination.ts';
import { createReminderJob } from '../../functions/referrals/reminders.ts';
import { createDynamoReferralStore } from '../../functions/referrals/store.ts';
import { areaForPath, SERVER_RENDERED_PAGES } from '../../shared/deployment/routes.ts';
import { PROBLEM_CONTENT_TYPE } from '../../shared/platform/problem.ts';
import { ASSET_MANIFEST_FILE, type AssetManifest } from '../../shared/views/layout.ts';
import { NOT_FOUND_PAGE, PAGE_PATHS } from '../../web/routes.ts';
import { seedDemoData } from '../seed/seed.ts';
import { createAreaApps } from './areas.ts';
import { createLocalAttachmentStore, LOCAL_STORAGE_PATH } from './attachment-storage-local.ts';
import { createDevIssuer, type DevIssuer } from './dev-auth.ts';
import { type RunningStore, startDynamoDbLocal } from './dynamodb-local.ts';
import { LOCAL_MAIL_PATH, localEmails, renderLocalMailPage } from './local-mail.ts';
import { sameOriginRedirect } from './same-origin-redirects.ts';
import { ensureTables, localTableNames, type TableNames } from './tables.ts';

export const DEFAULT_WEB_DIR = resolve(import.meta.dirname, '../../web/dist');

/** The same headers CloudFront's response-headers policy sets in AWS (infra/stacks/web-stack.ts). */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Shaped like the API Gateway event hono/aws-lambda hands the apps in AWS. */
function lambdaEvent(c: Context) {
  return {
    requestContext: { requestId: crypto.randomUUID(), http: { sourceIp: getConnInfo(c).remote.address } },
  };
}

export interface LocalPortalOptions {
  /** 0 picks a free port. */
  port: number;
  /** Use a DynamoDB Local that is already running (tests) instead of starting one. */
  dynamoEndpoint?: string;
  /** Where a DynamoDB Local started here keeps its data. */
  dataDir?: string;
  dynamoPort?: number;
  tablePrefix?: string;
  webDir?: string;
  logger?: Logger;
  progress?: (line: string) => void;
  /** How long each agency's and person's standing is remembered (functions/platform/access.ts). */
  standingMaxAgeMs?: number;
}

/** Attached documents live beside DynamoDB Local's data; a portal without a data folder (tests) gets a temporary one. */
async function attachmentsFolder(dataDir: string | undefined): Promise<{ dir: string; temporary: boolean }> {
  if (dataDir) return { dir: join(dataDir, 'attachments'), temporary: false };
  return { dir: await mkdtemp(join(tmpdir(), 'portal-attachments-')), temporary: true };
}

export interface LocalPortal {
  url: string;
  issuer: DevIssuer;
  db: DynamoDBDocumentClient;
  tables: TableNames;
  seeded: boolean;
  stop(): Promise<void>;
}

/**
 * The whole portal on one machine: DynamoDB Local, the tables, the demo data, the
 * area apps under `/api` routed exactly as API Gateway routes them, the local sign-in and the
 * built web front end.
 */
export async function startLocalPortal(options: LocalPortalOptions): Promise<LocalPortal> {
  const progress = options.progress ?? (() => {});
  const logger = options.logger ?? createLogger();
  let store: RunningStore | undefined;
  let endpoint = options.dynamoEndpoint;
  if (!endpoint) {
    progress('Starting DynamoDB Local…');
    store = await startDynamoDbLocal({
      port: options.dynamoPort ?? 8742,
      dataDir: options.dataDir,
      log: progress,
    });
    endpoint = store.endpoint;
  }
  const raw = new DynamoDBClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const db = createDocumentClient({ endpoint, region: 'eu-west-2' });
  const tables = localTableNames(options.tablePrefix);
  try {
    progress('Creating tables…');
    await ensureTables(raw, tables);
    progress('Seeding synthetic demo data (first start only)…');
    const seeded = await seedDemoData(db, tables, { progress });

    // The apps need the issuer's URL, which needs the port: route to them once the server listens.
    let handle: (request: Request, env: unknown) => Response | Promise<Response> = () =>
      new Response('Starting', { status: 503, headers: { 'retry-after': '1' } });
    const server = serve({
      fetch: (request, env) => handle(request, env),
      port: options.port,
      hostname: '127.0.0.1',
    });
    await new Promise<void>((done) => server.once('listening', () => done()));
    const { port } = server.address() as AddressInfo;
    const url = `http://localhost:${port}`;

    const standing = createStandingReader(db, tables.directory);
    const issuer = await createDevIssuer(`${url}/auth/dev`, undefined, { standing });
    const clock = () => new Date();
    const platform: PlatformDeps = {
      verifyToken: createTokenVerifier({ issuer: issuer.issuer, clientId: issuer.clientId }),
      access: createAccessCheck(standing, {
        clock,
        ...(options.standingMaxAgeMs !== undefined ? { maxAgeMs: options.standingMaxAgeMs } : {}),
      }),
      audit: createAuditWriter(db, tables.audit, clock),
      clock,
      logger,
      // Cursors from before a restart are refused, which is what an expired cursor gets anyway.
      cursors: createCursorCodec(randomBytes(32).toString('hex'), clock),
    };
    const webDir = options.webDir ?? DEFAULT_WEB_DIR;
    const manifestFile = join(webDir, ASSET_MANIFEST_FILE);
    // The web build's manifest lets the guidance function render its pages with the built assets.
    const pageAssets = existsSync(manifestFile)
      ? (JSON.parse(await readFile(manifestFile, 'utf8')) as AssetManifest)
      : undefined;
    // Documents go to a folder, through addresses this runtime serves in place of S3's presigned ones.
    const folder = await attachmentsFolder(options.dataDir);
    const documents = createLocalAttachmentStore({ dir: folder.dir, baseUrl: () => url, clock });
    const apps = createAreaApps(db, tables, platform, {
      ...(pageAssets ? { pageAssets } : {}),
      attachments: documents.storage,
    });
    // The scheduled reminder, as EventBridge runs it in AWS: at start, then every five minutes.
    const remind = createReminderJob({
      store: createDynamoReferralStore(db, tables.referrals, tables.outbox),
      ...platform,
    });
    // The early-help drift alarm, as its own EventBridge rule runs it in AWS, on the same timer here.
    const alarm = createDriftAlarmJob({
      store: createDynamoEarlyHelpStore(db, tables['early-help']),
      alarms: createDynamoDriftAlarmStore(db, tables['early-help'], tables.outbox),
      ...platform,
    });
    const runReminders = () =>
      Promise.all([
        remind().catch((error: unknown) =>
          logger.log('error', 'reminders failed', { error: error instanceof Error ? error.name : 'unknown' }),
        ),
        alarm().catch((error: unknown) =>
          logger.log('error', 'drift alarms failed', {
            error: error instanceof Error ? error.name : 'unknown',
          }),
        ),
      ]);
    void runReminders();
    const reminderTimer = setInterval(runReminders, 5 * 60 * 1000);
    reminderTimer.unref();

    const root = new Hono();
    root.route('/auth/dev', issuer.app);
    root.all(`${LOCAL_STORAGE_PATH}/*`, (c) => documents.app.fetch(c.req.raw));
    root.all('/api/*', (c) => {
      const area = areaForPath(c.req.path);
      if (!area) {
        return c.body(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404 }), 404, {
          'content-type': PROBLEM_CONTENT_TYPE,
        });
      }
      return apps[area].fetch(c.req.raw, { event: lambdaEvent(c) });
    });
    root.use(
      '*',
      secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, crossOriginEmbedderPolicy: false }),
    );
    root.use('*', compress());
    // What GOV.UK Notify would have emailed, read from the outbox (this runtime's alone: no Notify here).
    root.get(LOCAL_MAIL_PATH, async (c) =>
      pageAssets
        ? c.html(renderLocalMailPage(pageAssets, await localEmails(db, tables, url)))
        : c.text('Build the web front end first (npm run build:web)', 503),
    );
    // The pages the guidance and services functions render, sent as CloudFront's function sends them in AWS.
    for (const page of SERVER_RENDERED_PAGES) {
      root.get(page.path, (c) => {
        const url = new URL(c.req.url);
        url.pathname = page.apiPath;
        const area = areaForPath(page.apiPath) ?? 'guidance';
        return apps[area].fetch(new Request(url, c.req.raw), { event: lambdaEvent(c) });
      });
    }
    root.use(
      '*',
      serveStatic({
        root: webDir,
        onFound: (path, c) => {
          // Hashed bundles never change; pages are revalidated so a new build shows at once.
          c.header(
            'cache-control',
            /\/assets\/js\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      }),
    );
    root.get('*', async (c) => {
      // "/guidance" → "/guidance/" as S3 website hosting would, for the page table's addresses (repeated
      // slashes folded, as a file lookup would); anything else is the not-found page.
      const isPage = PAGE_PATHS.includes(posix.join('/', c.req.path, '/'));
      if (!c.req.path.endsWith('/') && isPage) {
        return c.redirect(`${c.req.path}/`, 301);
      }
      const notFound = join(webDir, NOT_FOUND_PAGE.file);
      return existsSync(notFound) ? c.html(await readFile(notFound, 'utf8'), 404) : c.text('Not found', 404);
    });
    handle = async (request, env) => sameOriginRedirect(await root.fetch(request, env), request.url);

    return {
      url,
      issuer,
      db,
      tables,
      seeded,
      async stop() {
        clearInterval(reminderTimer);
        await new Promise<void>((done) => {
          server.close(() => done());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        db.destroy();
        raw.destroy();
        await store?.stop();
        if (folder.temporary) await rm(folder.dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    raw.destroy();
    db.destroy();
    await store?.stop();
    throw error;
  }
}
