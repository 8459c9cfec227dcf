import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, Tags } from 'aws-cdk-lib';
import { ASSET_MANIFEST_FILE, type AssetManifest } from '../../shared/views/layout.ts';
import { attachmentsBucketName, attachmentsOrigin } from '../constructs/attachments-bucket.ts';
import { ApiStack } from './api-stack.ts';
import { AuthStack, authOrigin } from './auth-stack.ts';
import { DataStack } from './data-stack.ts';
import { MonitoringStack } from './monitoring-stack.ts';
import { WafStack } from './waf-stack.ts';
import { WebStack } from './web-stack.ts';

export interface PortalProps {
  readonly account: string;
  /** Where the portal and its data live. England's children's data stays in London: eu-west-2. */
  readonly region: string;
  /** The built web front end (web/dist). */
  readonly webAssetPath: string;
  /** The Cognito sign-in domain prefix. @default `partnership-portal-<account>` */
  readonly authDomainPrefix?: string;
  /** @default 'Portal' */
  readonly stackPrefix?: string;
  /** Email notifications through GOV.UK Notify (off unless given). */
  readonly notify?: { apiKeySecretName: string; templateId: string; frontDoorEmail: string };
}

/** The web build's asset manifest, which the guidance function's pages link (web/build.ts writes it). */
function readAssetManifest(webAssetPath: string): AssetManifest {
  const file = join(webAssetPath, ASSET_MANIFEST_FILE);
  if (!existsSync(file))
    throw new Error(`${file} is missing: build the web front end first (npm run build:web).`);
  return JSON.parse(readFileSync(file, 'utf8')) as AssetManifest;
}

export interface Portal {
  readonly waf: WafStack;
  readonly data: DataStack;
  readonly web: WebStack;
  readonly auth: AuthStack;
  readonly api: ApiStack;
  readonly monitoring: MonitoringStack;
}

/**
 * The portal's stacks, wired as docs/architecture.md draws them. Deployment order follows the references:
 * Waf (us-east-1), then Web (CloudFront, the site, the API's endpoint), then Data (the attachments
 * bucket's CORS names CloudFront's domain), then Auth (its web client returns to CloudFront's domain),
 * then Api (authorizer, routes and one function per area), then Monitoring (alarms on all of it).
 */
export function createPortal(app: App, props: PortalProps): Portal {
  const prefix = props.stackPrefix ?? 'Portal';
  const env = { account: props.account, region: props.region };
  const authDomainPrefix = props.authDomainPrefix ?? `partnership-portal-${props.account}`;

  const waf = new WafStack(app, `${prefix}-Waf`, {
    env: { account: props.account, region: 'us-east-1' },
    description:
      'Partnership portal: the web ACL in front of CloudFront (CLOUDFRONT scope lives in us-east-1)',
  });
  const attachments = attachmentsBucketName(prefix, props.account, props.region);
  const web = new WebStack(app, `${prefix}-Web`, {
    env,
    crossRegionReferences: true,
    description: 'Partnership portal: CloudFront, the static site and the HTTP API endpoint',
    webAssetPath: props.webAssetPath,
    webAclArn: waf.webAclArn,
    authOrigin: authOrigin(authDomainPrefix, props.region),
    attachmentsOrigin: attachmentsOrigin(attachments, props.region),
  });
  const data = new DataStack(app, `${prefix}-Data`, {
    env,
    description: 'Partnership portal: DynamoDB tables, the attachments bucket and their key',
    attachmentsBucketName: attachments,
    portalDomainName: web.distribution.distributionDomainName,
  });
  const auth = new AuthStack(app, `${prefix}-Auth`, {
    env,
    description: 'Partnership portal: Cognito user pool, role groups and the web client',
    portalDomainName: web.distribution.distributionDomainName,
    authDomainPrefix,
    directoryTable: data.tables.directory,
    auditTable: data.tables.audit,
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    env,
    description: 'Partnership portal: the API routes, JWT authorizer and one function per area',
    httpApi: web.httpApi,
    tables: data.tables,
    attachments: { bucketName: attachments, encryptionKey: data.key },
    userPool: auth.userPool,
    webClient: auth.webClient,
    issuer: auth.issuer,
    authOrigin: authOrigin(authDomainPrefix, props.region),
    portalDomainName: web.distribution.distributionDomainName,
    webAssets: readAssetManifest(props.webAssetPath),
    ...(props.notify ? { notify: props.notify } : {}),
  });

  const monitoring = new MonitoringStack(app, `${prefix}-Monitoring`, {
    env,
    description: 'Partnership portal: alarms to the operators’ topic, and the dashboard',
    functions: {
      ...api.functions,
      reminders: api.reminders,
      'drift-alarms': api.driftAlarms,
      ...(api.notifier ? { notifier: api.notifier } : {}),
    },
    tables: data.tables,
    httpApi: web.httpApi,
    failedEvents: api.failedEvents,
  });

  for (const stack of [waf, data, web, auth, api, monitoring])
    Tags.of(stack).add('Project', 'partnership-portal');
  return { waf, data, web, auth, api, monitoring };
}
