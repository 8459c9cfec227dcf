import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  type IHttpApi,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { AREA_PATH_PREFIXES, areaForPath, PUBLIC_ROUTES } from '../../shared/deployment/routes.ts';
import { AREAS, type Area, type TableId } from '../../shared/deployment/tables.ts';
import type { AssetManifest } from '../../shared/views/layout.ts';
import { PortalFunction } from '../constructs/portal-function.ts';
import type { PortalTable } from '../constructs/portal-table.ts';

export interface ApiStackProps extends StackProps {
  /** Cognito's hosted sign-in origin, for the web front end's configuration. */
  readonly authOrigin: string;
  /** The portal's CloudFront domain name, where sign-in returns. */
  readonly portalDomainName: string;
  /** The HTTP API whose endpoint WebStack owns; this stack adds its authorizer, routes and functions. */
  readonly httpApi: IHttpApi;
  readonly tables: Record<TableId, PortalTable>;
  /** The bucket of documents attached to referrals (DataStack) and its key: only the referrals function reaches it. */
  readonly attachments: { readonly bucketName: string; readonly encryptionKey: IKey };
  readonly userPool: IUserPool;
  readonly webClient: IUserPoolClient;
  /** The token issuer, `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly issuer: string;
  /** @default 'info' */
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /**
   * Email the outbox through GOV.UK Notify. Off unless given: the outbox is still read in the portal.
   * The API key is read from Secrets Manager (create the secret before deploying).
   */
  readonly notify?: { apiKeySecretName: string; templateId: string; frontDoorEmail: string };
  /** The web build's asset manifest: the guidance and services functions render public pages that link these assets. */
  readonly webAssets: AssetManifest;
  /**
   * The agency of the partnership's business unit: its directory editors keep every entry of the
   * services directory. @default 'northshire-partnership' (the demo partnership)
   */
  readonly partnershipAgencyId?: string;
}

/** One API Gateway route: `ANY /api/board/{proxy+}`, or a method on a public path. */
export interface RouteSpec {
  readonly method: keyof typeof HttpMethod;
  readonly path: string;
  readonly area: Area;
  readonly public: boolean;
}

/**
 * The routes built from shared/deployment/routes.ts: for each area prefix `ANY P` and
 * `ANY P/{proxy+}` behind the JWT authorizer (a prefix naming a file, such as /api/openapi.json, is
 * routed exactly), then PUBLIC_ROUTES without it; API Gateway prefers a method over ANY and the more
 * specific path, so a public route wins where both match.
 */
export function routeSpecs(): RouteSpec[] {
  const routes: RouteSpec[] = [];
  for (const area of AREAS) {
    for (const prefix of AREA_PATH_PREFIXES[area]) {
      routes.push({ method: 'ANY', path: prefix, area, public: false });
      const lastSegment = prefix.slice(prefix.lastIndexOf('/') + 1);
      if (!lastSegment.includes('.'))
        routes.push({ method: 'ANY', path: `${prefix}/{proxy+}`, area, public: false });
    }
  }
  for (const route of PUBLIC_ROUTES) {
    const area = areaForPath(route.path.replace('/{proxy+}', ''));
    if (!area) throw new Error(`No area answers the public route ${route.method} ${route.path}`);
    routes.push({ method: route.method, path: route.path, area, public: true });
  }
  return routes;
}

/**
 * The API's behaviour: one function per area (guidance, referrals, board, early help, services, directory), each allowed
 * only its own table and to append to the audit table, behind a Cognito JWT authorizer.
 */
export class ApiStack extends Stack {
  readonly functions: Record<Area, PortalFunction>;
  readonly reminders: PortalFunction;
  readonly driftAlarms: PortalFunction;
  /** The dead-letter queue of the scheduled jobs and the notifier. */
  readonly failedEvents: Queue;
  /** The GOV.UK Notify sender, when email is configured. */
  readonly notifier?: PortalFunction;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    // Imported into this stack so the authorizer and routes are created here, not in WebStack.
    const httpApi = HttpApi.fromHttpApiAttributes(this, 'HttpApi', { httpApiId: props.httpApi.apiId });

    // Signs list cursors (functions/platform/pagination.ts). Generated by Secrets Manager and read by
    // each function at start-up, so the value is in neither the template, the repository nor any
    // function's configuration.
    const cursorSecret = new Secret(this, 'CursorSecret', {
      description: 'Partnership portal: signs list cursors so they cannot be altered',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(cursorSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The cursor-signing key protects only the opaque ?cursor= of list pages (it grants no access: every read is still authorised). Rotating it would only expire outstanding cursors; rotate by replacing the secret when needed.',
    });

    // Keys the referrals' duplicate index with an HMAC, so no table key holds a child's name, date of
    // birth or postcode (functions/referrals/child-keys.ts). Only the referrals function reads it.
    const matchKeySecret = new Secret(this, 'MatchKeySecret', {
      description:
        'Partnership portal: keys the duplicate index so children are not identifiable from table keys',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(matchKeySecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the match-key secret would stop every earlier referral matching a new one (possible duplicates would be missed): it must stay the same while referrals are kept. It is readable only by the referrals function.',
    });

    // Keys the audit trail's subject index with an HMAC of a child's name and date of birth, so a
    // subject access request finds her entries without any entry holding her details
    // (functions/platform/subject-keys.ts). The referrals and early-help functions write the keys; the
    // directory searches.
    const auditSubjectSecret = new Secret(this, 'AuditSubjectSecret', {
      description:
        'Partnership portal: keys the audit trail by child so a subject access request can be answered without names in the trail',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(auditSubjectSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the audit subject secret would stop a subject access request finding the entries written before: it must stay the same while audit entries are kept. It is readable only by the referrals, early-help and directory functions.',
    });

    const functions = {} as Record<Area, PortalFunction>;
    const integrations = {} as Record<Area, HttpLambdaIntegration>;
    for (const area of AREAS) {
      const fn = new PortalFunction(this, `${capitalise(area)}Function`, {
        entry: `functions/${area}/handler.ts`,
        description: `Partnership portal: the ${area} area`,
        environment: {
          AUTH_ISSUER: props.issuer,
          AUTH_CLIENT_ID: props.webClient.userPoolClientId,
          // Secrets by ARN only: each function reads the value at start-up (functions/platform/secrets.ts).
          CURSOR_SECRET_ARN: cursorSecret.secretArn,
          LOG_LEVEL: props.logLevel ?? 'info',
          // Referrals read the public guidance through the API, not the guidance table.
          ...(area === 'referrals'
            ? {
                GUIDANCE_URL: `${props.httpApi.apiEndpoint}/api/guidance`,
                SERVICES_URL: `${props.httpApi.apiEndpoint}/api/services`,
                MATCH_KEY_SECRET_ARN: matchKeySecret.secretArn,
              }
            : {}),
          // The services directory reads the guidance's needs the same way, renders its public pages
          // and knows whose editors keep every entry.
          ...(area === 'services'
            ? {
                GUIDANCE_URL: `${props.httpApi.apiEndpoint}/api/guidance`,
                PARTNERSHIP_AGENCY_ID: props.partnershipAgencyId ?? 'northshire-partnership',
                WEB_ASSETS: JSON.stringify(props.webAssets),
              }
            : {}),
          // Early help reads referrals through the API too, as the caller, never the referrals table,
          // the published guidance (a step-up's consent rule) and the services the team includes.
          ...(area === 'early-help'
            ? {
                REFERRALS_URL: props.httpApi.apiEndpoint,
                GUIDANCE_URL: `${props.httpApi.apiEndpoint}/api/guidance`,
                SERVICES_URL: `${props.httpApi.apiEndpoint}/api/services`,
              }
            : {}),
          ...(area === 'referrals' || area === 'directory' || area === 'early-help'
            ? { AUDIT_SUBJECT_SECRET_ARN: auditSubjectSecret.secretArn }
            : {}),
          // The guidance function renders /guidance/ and the checker with the web build's assets.
          ...(area === 'guidance'
            ? {
                WEB_ASSETS: JSON.stringify(props.webAssets),
                // The checker's answer names services, read through the public services API.
                SERVICES_URL: `${props.httpApi.apiEndpoint}/api/services`,
              }
            : {}),
          // The directory tells the web front end how to sign in (GET /api/config).
          ...(area === 'directory'
            ? { AUTH_DOMAIN: props.authOrigin, PORTAL_URL: `https://${props.portalDomainName}` }
            : {}),
        },
      });
      fn.bindTable('TABLE_NAME', props.tables[area], 'readWrite');
      cursorSecret.grantRead(fn);
      if (area === 'referrals') matchKeySecret.grantRead(fn);
      if (area === 'referrals' || area === 'directory' || area === 'early-help')
        auditSubjectSecret.grantRead(fn);
      // Referral changes write their notifications in the same transaction; GET /api/notifications reads them.
      if (area === 'referrals') fn.bindTable('OUTBOX_TABLE_NAME', props.tables.outbox, 'readWrite');
      // Documents attached to referrals: presigned uploads and downloads, copy, size, read and delete.
      if (area === 'referrals')
        fn.bindAttachments(
          'ATTACHMENTS_BUCKET',
          props.attachments.bucketName,
          props.attachments.encryptionKey,
        );
      // Every function appends to the audit trail; only the directory (GET /api/audit) reads it, with
      // Query on its record, person (gsi1) and child (gsi2) keys.
      if (area === 'directory') fn.bindTable('AUDIT_TABLE_NAME', props.tables.audit, 'append', 'read');
      else fn.bindTable('AUDIT_TABLE_NAME', props.tables.audit, 'append');
      // The board's CSV names owner agencies, and early help and the services directory check the
      // agencies they name, so they may read agencies (only) from the directory.
      if (area === 'board' || area === 'early-help' || area === 'services')
        fn.bindAgencyNames('DIRECTORY_TABLE_NAME', props.tables.directory);
      // Every function checks each caller's standing: agencies and people, GetItem only (access.ts).
      fn.bindStanding('DIRECTORY_TABLE_NAME', props.tables.directory);
      functions[area] = fn;
      integrations[area] = new HttpLambdaIntegration(`${capitalise(area)}Integration`, fn, {
        scopePermissionToRoute: false,
      });
    }
    this.functions = functions;

    // "About to be overdue" reminders to the front door (the referrals issue, item 4).
    // What the scheduled jobs and the notifier could not do after their retries: kept two weeks for an
    // operator, never dropped. It holds the event's metadata (which job, which records), no record itself.
    const failedEvents = new Queue(this, 'FailedEvents', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(failedEvents).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the scheduled jobs and the notifier.',
    });
    this.failedEvents = failedEvents;

    const reminders = new PortalFunction(this, 'RemindersFunction', {
      entry: 'functions/referrals/reminders-handler.ts',
      description: 'Partnership portal: reminds the front door of referrals about to be overdue',
      environment: { LOG_LEVEL: props.logLevel ?? 'info' },
    });
    // Reminders mark referrals as reminded: they never delete one.
    reminders.bindTable('TABLE_NAME', props.tables.referrals, 'read', 'write');
    reminders.bindTable('OUTBOX_TABLE_NAME', props.tables.outbox, 'append');
    reminders.bindTable('AUDIT_TABLE_NAME', props.tables.audit, 'append');
    new Rule(this, 'RemindersSchedule', {
      description: 'Every 15 minutes: remind the front door of referrals due within two hours',
      schedule: Schedule.rate(Duration.minutes(15)),
      targets: [new LambdaFunction(reminders, { retryAttempts: 2, deadLetterQueue: failedEvents })],
    });
    this.reminders = reminders;

    // The early-help drift alarm: once per overdue timer, to the lead agency and the front door.
    const driftAlarms = new PortalFunction(this, 'DriftAlarmsFunction', {
      entry: 'functions/early-help/alarms-handler.ts',
      description:
        'Partnership portal: alarms the lead agency and the front door when an early-help timer runs out',
      environment: { LOG_LEVEL: props.logLevel ?? 'info' },
    });
    driftAlarms.bindTable('TABLE_NAME', props.tables['early-help'], 'readWrite');
    driftAlarms.bindTable('OUTBOX_TABLE_NAME', props.tables.outbox, 'append');
    driftAlarms.bindTable('AUDIT_TABLE_NAME', props.tables.audit, 'append');
    new Rule(this, 'DriftAlarmsSchedule', {
      description: 'Every hour: alarm early-help episodes whose timers have run out',
      schedule: Schedule.rate(Duration.hours(1)),
      targets: [new LambdaFunction(driftAlarms, { retryAttempts: 2, deadLetterQueue: failedEvents })],
    });
    this.driftAlarms = driftAlarms;

    if (props.notify) {
      // The outbox's own table streams to GOV.UK Notify emails: the notifier can read no referral.
      const notifier = new PortalFunction(this, 'NotifyFunction', {
        entry: 'functions/referrals/notify-handler.ts',
        description: 'Partnership portal: emails notifications through GOV.UK Notify',
        environment: {
          NOTIFY_API_KEY_SECRET_NAME: props.notify.apiKeySecretName,
          NOTIFY_TEMPLATE_ID: props.notify.templateId,
          FRONT_DOOR_EMAIL: props.notify.frontDoorEmail,
          PORTAL_URL: `https://${props.portalDomainName}`,
          LOG_LEVEL: props.logLevel ?? 'info',
        },
      });
      this.notifier = notifier;
      Secret.fromSecretNameV2(this, 'NotifyApiKey', props.notify.apiKeySecretName).grantRead(notifier);
      notifier.bindAgencyNames('DIRECTORY_TABLE_NAME', props.tables.directory);
      notifier.bindDeliveryLog('OUTBOX_TABLE_NAME', props.tables.outbox);
      Validations.of(notifier.role ?? notifier).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'dynamodb:ListStreams has no resource-level permissions (AWS requires Resource "*"); the stream reads themselves are granted on the outbox table\'s stream only, by the event source.',
      });
      notifier.addEventSource(
        new DynamoEventSource(props.tables.outbox.table, {
          startingPosition: StartingPosition.LATEST,
          batchSize: 25,
          // A failed send is reported alone (notify-handler.ts), the batch halved on an error, and what
          // still fails after the retries goes to the failed-events queue; sends are logged by
          // notification, so no retry emails anyone twice.
          reportBatchItemFailures: true,
          bisectBatchOnError: true,
          retryAttempts: 5,
          maxRecordAge: Duration.hours(24),
          onFailure: new SqsDlq(failedEvents),
          filters: [
            FilterCriteria.filter({
              eventName: FilterRule.isEqual('INSERT'),
              dynamodb: { NewImage: { pk: { S: FilterRule.beginsWith('OUTBOX#') } } },
            }),
          ],
        }),
      );
    }

    const jwt: IHttpRouteAuthorizer = new HttpUserPoolAuthorizer('CognitoJwt', props.userPool, {
      userPoolClients: [props.webClient],
      userPoolRegion: this.region,
    });
    const none = new HttpNoneAuthorizer();

    for (const route of routeSpecs()) {
      const httpRoute = new HttpRoute(this, routeId(route), {
        httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: integrations[route.area],
        authorizer: route.public ? none : jwt,
      });
      if (route.public) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'A public route (PUBLIC_ROUTES): health, the OpenAPI document, the published threshold guidance and the published services directory are open to anyone; the function still verifies any token it is sent.',
        });
      }
    }
  }
}

/** `early-help` → `EarlyHelp`, for construct ids. */
function capitalise(name: string): string {
  return name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** A construct id per route, e.g. `Route-ANY-api-guidance-proxy` (ids cannot contain `/`). */
function routeId(route: RouteSpec): string {
  const path = route.path.replace(/[{}+]/g, '').split('/').filter(Boolean).join('-');
  return `Route-${route.method}-${path}`;
}
