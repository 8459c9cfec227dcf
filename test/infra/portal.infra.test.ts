import { join } from 'node:path';
import { App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalFunction } from '../../infra/constructs/portal-function.ts';
import { routeSpecs } from '../../infra/stacks/api-stack.ts';
import type { Portal } from '../../infra/stacks/portal.ts';
import { INDEX_REWRITE, PAGE_REWRITE } from '../../infra/stacks/web-stack.ts';
import { AREA_PATH_PREFIXES, PUBLIC_ROUTES, SERVER_RENDERED_PAGES } from '../../shared/deployment/routes.ts';
import { AREAS, type Area, TABLE_IDS, TABLES, type TableId } from '../../shared/deployment/tables.ts';
import { ROLES } from '../../shared/platform/roles.ts';
import { type SynthesizedPortal, synthesizePortal } from '../support/infra-synth.ts';
import { STUB_ASSETS } from '../support/stub-site.ts';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };

let synthesized: SynthesizedPortal;
let portal: Portal;
let api: Template;
let data: Template;
let auth: Template;
let web: Template;
let waf: Template;

beforeAll(() => {
  // prepare + act: synthesis into a throwaway folder runs cdk-nag and throws on any unacknowledged finding.
  synthesized = synthesizePortal('portal-infra-');
  portal = synthesized.portal;
  api = Template.fromStack(portal.api);
  data = Template.fromStack(portal.data);
  auth = Template.fromStack(portal.auth);
  web = Template.fromStack(portal.web);
  waf = Template.fromStack(portal.waf);
});

afterAll(() => synthesized?.remove());

function resourcesOf(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

function only<T>(values: Record<string, T>): T {
  const all = Object.values(values);
  expect(all).toHaveLength(1);
  return all[0] as T;
}

/** The logical id of each table in the data stack: cross-stack references name it. */
function tableLogicalIds(): Record<TableId, string> {
  const ids = {} as Record<TableId, string>;
  for (const id of TABLE_IDS) {
    ids[id] = portal.data.getLogicalId(portal.data.tables[id].table.node.defaultChild as CfnElement);
  }
  return ids;
}

function areaFunction(area: Area): { logicalId: string; resource: Resource } {
  const logicalId = portal.api.getLogicalId(portal.api.functions[area].node.defaultChild as CfnElement);
  const resource = resourcesOf(api, 'AWS::Lambda::Function')[logicalId];
  if (!resource) throw new Error(`no function for ${area}`);
  return { logicalId, resource };
}

function statementsFor(area: Area): Statement[] {
  const { resource } = areaFunction(area);
  const roleId = (resource.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const policies = Object.values(resourcesOf(api, 'AWS::IAM::Policy')).filter((p) =>
    JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`),
  );
  expect(policies.length).toBeGreaterThan(0);
  return policies.flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('cdk-nag (AwsSolutions)', () => {
  it('finds nothing unacknowledged in the portal', () => {
    // assess: beforeAll's synthesis would have thrown; check the pack directly as well.
    const report = new AwsSolutionsChecks().validateScope(portal.api.node.root);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });

  it("acknowledges only known rules, each with its reason, and no wildcard on a portal function but X-Ray's", () => {
    const acknowledged: { path: string; id: string; reason: string }[] = [];
    for (const construct of portal.api.node.root.node.findAll()) {
      for (const entry of construct.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          acknowledged.push({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason });
        }
      }
    }
    for (const a of acknowledged) expect(a.reason.length, `${a.id} on ${a.path}`).toBeGreaterThan(40);
    const rules = new Set(acknowledged.map((a) => a.id.replace(/\[.*$/, '')));
    expect([...rules].sort()).toEqual(
      [
        'AwsSolutions-APIG4',
        'AwsSolutions-CFR1',
        'AwsSolutions-CFR3',
        'AwsSolutions-CFR4',
        // AWS Backup's own service role policies, on the backup selection's role only.
        'AwsSolutions-IAM4',
        'AwsSolutions-IAM5',
        'AwsSolutions-L1',
        'AwsSolutions-S1',
        'AwsSolutions-SMG4',
        // The failed-events queue is itself the dead-letter queue: it has none of its own.
        'AwsSolutions-SQS3',
      ].sort(),
    );
    // Unauthenticated routes are exactly PUBLIC_ROUTES; IAM wildcards only on CDK's site-deployment role,
    // X-Ray's statement on each portal function's role (active tracing: its actions are checked in
    // security.infra.test.ts), and the referrals function's two prefixes of attached documents.
    expect(acknowledged.filter((a) => a.id === 'AwsSolutions-APIG4')).toHaveLength(PUBLIC_ROUTES.length);
    const managed = acknowledged.filter((a) => a.id.startsWith('AwsSolutions-IAM4'));
    expect(new Set(managed.map((a) => a.path))).toEqual(new Set(['Portal-Data/BackupPlan/Tables']));
    const wildcards = acknowledged.filter((a) => a.id.startsWith('AwsSolutions-IAM5'));
    const functions = portal.api.node.root.node
      .findAll()
      .filter((c): c is PortalFunction => c instanceof PortalFunction);
    expect(functions.length).toBeGreaterThanOrEqual(AREAS.length + 3);
    const roleOf = (fn: PortalFunction) => fn.role?.node.path ?? '';
    expect(new Set(wildcards.map((a) => a.path))).toEqual(
      new Set(['Portal-Web/DeploySiteRole', ...functions.map(roleOf)]),
    );
    const xray = 'AwsSolutions-IAM5[Resource::*]';
    for (const fn of functions) {
      const ids = wildcards.filter((a) => a.path === roleOf(fn)).map((a) => a.id);
      expect(ids, roleOf(fn)).toEqual(
        fn === portal.api.functions.referrals
          ? [
              xray,
              ...['incoming', 'referrals'].map(
                (prefix) =>
                  `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::portal-attachments-111111111111-eu-west-2/${prefix}/*]`,
              ),
            ]
          : [xray],
      );
    }
  });

  it('does report an unacknowledged finding, so the check can fail', () => {
    // prepare: a bucket with neither access logs nor an SSL-only policy.
    const app = new App({
      outdir: join(synthesized.workDir, 'throwaway.out'),
      builtinCloudFormationValidation: false,
    });
    const throwaway = new Stack(app, 'Throwaway');
    new Bucket(throwaway, 'UnloggedBucket');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    // act + assess
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((v) => v.ruleName)).toEqual(
      expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']),
    );
    expect(() => app.synth()).toThrow(/AwsSolutions-S1\b/);
  });
});

describe('data stack', () => {
  it('builds one table per TABLES entry, keys, indexes and TTL exactly as defined', () => {
    const tables = resourcesOf(data, 'AWS::DynamoDB::Table');
    expect(Object.keys(tables)).toHaveLength(TABLE_IDS.length);
    const ids = tableLogicalIds();
    for (const tableId of TABLE_IDS) {
      const definition = TABLES[tableId];
      const table = tables[ids[tableId]];
      expect(table, tableId).toBeDefined();
      const props = table?.Properties ?? {};
      expect(props.KeySchema).toEqual([
        { AttributeName: definition.partitionKey, KeyType: 'HASH' },
        { AttributeName: definition.sortKey, KeyType: 'RANGE' },
      ]);
      const indexes = (props.GlobalSecondaryIndexes ?? []) as { IndexName: string; KeySchema: unknown }[];
      expect(
        indexes.map((i) => ({ name: i.IndexName, keys: i.KeySchema })),
        tableId,
      ).toEqual(
        definition.indexes.map((i) => ({
          name: i.name,
          keys: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
        })),
      );
      const ttl = 'timeToLiveAttribute' in definition ? definition.timeToLiveAttribute : undefined;
      expect(props.TimeToLiveSpecification, tableId).toEqual(
        ttl ? { AttributeName: ttl, Enabled: true } : undefined,
      );
    }
  });

  it('makes every table on-demand, recoverable, protected, retained and encrypted with a customer-managed key (the outbox with its own)', () => {
    const keyId = portal.data.getLogicalId(portal.data.key.node.defaultChild as CfnElement);
    const outboxKeyId = portal.data.getLogicalId(portal.data.outboxKey.node.defaultChild as CfnElement);
    const keys = resourcesOf(data, 'AWS::KMS::Key');
    expect(Object.keys(keys).sort()).toEqual([keyId, outboxKeyId].sort());
    for (const key of Object.values(keys)) expect(key.Properties.EnableKeyRotation).toBe(true);
    for (const [id, table] of Object.entries(resourcesOf(data, 'AWS::DynamoDB::Table'))) {
      const expectedKey = id.startsWith('OutboxTable') ? outboxKeyId : keyId;
      expect(table.DeletionPolicy, id).toBe('Retain');
      expect(table.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: {
          SSEEnabled: true,
          SSEType: 'KMS',
          KMSMasterKeyId: { 'Fn::GetAtt': [expectedKey, 'Arn'] },
        },
      });
    }
  });
});

describe('functions', () => {
  it('has exactly one function per area, arm64 on Node.js 22, under the 30 s integration timeout', () => {
    const functions = resourcesOf(api, 'AWS::Lambda::Function');
    // One per area, plus the scheduled reminder and the early-help drift alarm.
    expect(Object.keys(functions)).toHaveLength(AREAS.length + 2);
    for (const area of AREAS) {
      const { resource } = areaFunction(area);
      expect(resource.Properties).toMatchObject({
        Architectures: ['arm64'],
        Runtime: 'nodejs22.x',
        MemorySize: 512,
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
      expect(resource.Properties.Timeout as number).toBeLessThan(30);
    }
    auth.hasResourceProperties('AWS::Lambda::Function', {
      Architectures: ['arm64'],
      Runtime: 'nodejs22.x',
      Timeout: Match.anyValue(),
    });
  });

  it('runs the due-soon reminder every 15 minutes, with the referrals table and append on outbox and audit only', () => {
    api.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
    });
    const [id, reminder] =
      Object.entries(resourcesOf(api, 'AWS::Lambda::Function')).find(([key]) =>
        key.startsWith('RemindersFunction'),
      ) ?? [];
    if (!id || !reminder) throw new Error('no reminder function');
    expect(Object.keys((reminder.Properties.Environment as { Variables: object }).Variables).sort()).toEqual(
      ['AUDIT_TABLE_NAME', 'LOG_LEVEL', 'NODE_OPTIONS', 'OUTBOX_TABLE_NAME', 'TABLE_NAME'].sort(),
    );
  });

  it('gives each function its own table, the audit table and the token issuer and client', () => {
    const ids = tableLogicalIds();
    const clientRef = portal.auth.getLogicalId(portal.auth.webClient.node.defaultChild as CfnElement);
    const poolRef = portal.auth.getLogicalId(portal.auth.userPool.node.defaultChild as CfnElement);
    for (const area of AREAS) {
      const env = (
        areaFunction(area).resource.Properties.Environment as { Variables: Record<string, unknown> }
      ).Variables;
      // Referrals read the public guidance and services through the API, write and read the outbox, and alone hold
      // the duplicate index's key; the board reads agencies' names. Referrals file audit entries by
      // child under the subject key, which the directory needs to search them.
      const extra = {
        referrals: [
          'ATTACHMENTS_BUCKET',
          'AUDIT_SUBJECT_SECRET_ARN',
          'GUIDANCE_URL',
          'MATCH_KEY_SECRET_ARN',
          'OUTBOX_TABLE_NAME',
          'SERVICES_URL',
        ],
        board: [],
        // Early help reads referrals, the guidance and services through the API and files audit entries by child,
        // as referrals do.
        'early-help': ['AUDIT_SUBJECT_SECRET_ARN', 'GUIDANCE_URL', 'REFERRALS_URL', 'SERVICES_URL'],
        // The directory tells the web front end how to sign in (GET /api/config).
        directory: ['AUDIT_SUBJECT_SECRET_ARN', 'AUTH_DOMAIN', 'PORTAL_URL'],
        // The guidance function renders the public pages, linking the web build's assets, and the
        // checker's answer names services from the public services API.
        guidance: ['SERVICES_URL', 'WEB_ASSETS'],
        // The services directory reads the guidance's needs through the API, renders its public
        // pages and knows whose editors keep every entry.
        services: ['GUIDANCE_URL', 'PARTNERSHIP_AGENCY_ID', 'WEB_ASSETS'],
      }[area];
      expect(Object.keys(env).sort()).toEqual(
        [
          'AUDIT_TABLE_NAME',
          'AUTH_CLIENT_ID',
          'AUTH_ISSUER',
          'CURSOR_SECRET_ARN',
          // Every function reads callers' standing (and the board, agencies' names) from the directory.
          'DIRECTORY_TABLE_NAME',
          'LOG_LEVEL',
          'NODE_OPTIONS',
          'TABLE_NAME',
          ...extra,
        ].sort(),
      );
      // Secrets are named by ARN (a Ref to the secret), never their value or a dynamic reference to it:
      // the function reads them at start-up with its own grant (functions/platform/secrets.ts).
      for (const [name, value] of Object.entries(env)) {
        expect(JSON.stringify(value), name).not.toMatch(/resolve:secretsmanager/);
        if (name.endsWith('_SECRET_ARN'))
          expect(value, name).toEqual({ Ref: expect.stringMatching(/Secret[0-9A-F]{8}$/) });
      }
      expect(JSON.stringify(env.TABLE_NAME)).toContain(`ExportsOutputRef${ids[area]}`);
      expect(JSON.stringify(env.AUDIT_TABLE_NAME)).toContain(`ExportsOutputRef${ids.audit}`);
      expect(JSON.stringify(env.AUTH_CLIENT_ID)).toContain(`ExportsOutputRef${clientRef}`);
      const issuer = JSON.stringify(env.AUTH_ISSUER);
      expect(issuer).toContain('https://cognito-idp.eu-west-2.amazonaws.com/');
      expect(issuer).toContain(`ExportsOutputRef${poolRef}`);
      expect(env.LOG_LEVEL).toBe('info');
      if (area === 'guidance') expect(JSON.parse(String(env.WEB_ASSETS))).toEqual(STUB_ASSETS);
    }
  });

  it('allows each function only its own table, and on the audit table only to append (directory also reads)', () => {
    const ids = tableLogicalIds();
    const forbiddenOnAudit = [
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:*',
    ];
    for (const area of AREAS) {
      const all = statementsFor(area);
      // The board's, early help's and the services directory's one exception: Query on the
      // directory's AGENCY partition, for agencies.
      const readsAgencies = area === 'board' || area === 'early-help' || area === 'services';
      const agencyNames = all.filter(
        (s) =>
          readsAgencies &&
          JSON.stringify(s.Resource).includes(ids.directory) &&
          JSON.stringify(s) ===
            JSON.stringify({
              Action: 'dynamodb:Query',
              Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['AGENCY'] } },
              Effect: 'Allow',
              Resource: s.Resource,
            }),
      );
      if (readsAgencies) expect(agencyNames).toHaveLength(1);
      // Every function's other exception: GetItem on agencies and people, the caller's standing.
      const standing = all.filter(
        (s) =>
          JSON.stringify(s.Resource).includes(ids.directory) &&
          JSON.stringify(s) ===
            JSON.stringify({
              Action: 'dynamodb:GetItem',
              Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AGENCY', 'USER#*'] } },
              Effect: 'Allow',
              Resource: s.Resource,
            }),
      );
      expect(standing, area).toHaveLength(1);
      // And X-Ray's, the one statement on Resource "*" (active tracing: security.infra.test.ts checks its actions).
      const xray = all.filter(
        (s) => JSON.stringify(s.Resource) === '"*"' && actionsOf(s)[0]?.startsWith('xray:'),
      );
      expect(xray, area).toHaveLength(1);
      const statements = all.filter(
        (s) => !agencyNames.includes(s) && !standing.includes(s) && !xray.includes(s),
      );
      const text = JSON.stringify(statements);
      for (const other of AREAS.filter((a) => a !== area)) {
        expect(text, `${area} must not reach ${other}`).not.toContain(ids[other]);
      }
      expect(text).not.toContain('dynamodb:Scan');
      expect(text).not.toMatch(/"Resource":"\*"/);
      const onAudit = statements.filter((s) => JSON.stringify(s.Resource).includes(ids.audit));
      const auditActions = onAudit.flatMap(actionsOf);
      expect(auditActions).toContain('dynamodb:PutItem');
      for (const action of forbiddenOnAudit) expect(auditActions, `${area} on audit`).not.toContain(action);
      const expectedAudit =
        area === 'directory'
          ? [
              'dynamodb:BatchGetItem',
              'dynamodb:ConditionCheckItem',
              'dynamodb:GetItem',
              'dynamodb:PutItem',
              'dynamodb:Query',
            ]
          : ['dynamodb:PutItem'];
      expect([...new Set(auditActions)].sort(), area).toEqual(expectedAudit);
      const onOwn = statements
        .filter((s) => JSON.stringify(s.Resource).includes(ids[area]))
        .flatMap(actionsOf);
      expect(onOwn).toEqual(
        expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem']),
      );
      const onKey = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
      // Through DynamoDB only; the referrals function also through S3, for attached documents.
      const services = area === 'referrals' ? ['dynamodb', 's3'] : ['dynamodb'];
      for (const s of onKey)
        expect(
          services.map((service) => ({
            StringEquals: { 'kms:ViaService': `${service}.eu-west-2.amazonaws.com` },
          })),
        ).toContainEqual(s.Condition);
    }
  });
});

describe('auth stack', () => {
  it('requires TOTP MFA, a strong password, no self sign-up, and runs the V2 pre-token trigger', () => {
    const pool = only(resourcesOf(auth, 'AWS::Cognito::UserPool'));
    expect(pool.Properties).toMatchObject({
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UserPoolTier: 'PLUS',
      DeletionProtection: 'ACTIVE',
      LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0' } },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    });
    expect(pool.Properties.Schema).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Name: 'agencyId', AttributeDataType: 'String', Mutable: true }),
      ]),
    );
  });

  it('has a group for every role', () => {
    const groups = Object.values(resourcesOf(auth, 'AWS::Cognito::UserPoolGroup')).map(
      (g) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  it('gives the web a public code-with-PKCE client that can read but never write agencyId', () => {
    const client = only(resourcesOf(auth, 'AWS::Cognito::UserPoolClient'));
    expect(client.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
    });
    expect(client.Properties.ReadAttributes).toContain('custom:agencyId');
    expect(client.Properties.WriteAttributes).toBeDefined();
    expect(client.Properties.WriteAttributes).not.toContain('custom:agencyId');
    const distributionId = portal.web.getLogicalId(portal.web.distribution.node.defaultChild as CfnElement);
    const callbacks = client.Properties.CallbackURLs as unknown[];
    expect(callbacks).toHaveLength(1);
    expect(JSON.stringify(callbacks)).toContain(`${distributionId}DomainName`);
    expect(JSON.stringify(callbacks)).toMatch(/\/auth\/callback\/"\]\]\}\]$/);
  });
});

describe('api', () => {
  const routes = (): Record<string, Resource> => {
    const byKey: Record<string, Resource> = {};
    for (const route of Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Route'))) {
      byKey[route.Properties.RouteKey as string] = route;
    }
    return byKey;
  };

  it('routes every area prefix behind the JWT authorizer, and only PUBLIC_ROUTES without it', () => {
    const byKey = routes();
    const expected = new Set<string>();
    for (const area of AREAS) {
      for (const prefix of AREA_PATH_PREFIXES[area]) {
        expected.add(`ANY ${prefix}`);
        if (!prefix.endsWith('.json')) expected.add(`ANY ${prefix}/{proxy+}`);
      }
    }
    const publicKeys = new Set(PUBLIC_ROUTES.map((r) => `${r.method} ${r.path}`));
    expect(Object.keys(byKey).sort()).toEqual([...expected, ...publicKeys].sort());
    expect(byKey['ANY /api/openapi.json/{proxy+}']).toBeUndefined();

    const authorizerId = Object.keys(resourcesOf(api, 'AWS::ApiGatewayV2::Authorizer'))[0];
    for (const [key, route] of Object.entries(byKey)) {
      if (publicKeys.has(key)) {
        expect(route.Properties.AuthorizationType, key).toBe('NONE');
        expect(route.Properties.AuthorizerId, key).toBeUndefined();
      } else {
        expect(route.Properties.AuthorizationType, key).toBe('JWT');
        expect(route.Properties.AuthorizerId, key).toEqual({ Ref: authorizerId });
      }
    }
  });

  it("sends each route to its area's function", () => {
    const byKey = routes();
    const integrations = resourcesOf(api, 'AWS::ApiGatewayV2::Integration');
    for (const spec of routeSpecs()) {
      const route = byKey[`${spec.method} ${spec.path}`];
      const integrationId = JSON.stringify(route?.Properties.Target).match(/"Ref":"([^"]+)"/)?.[1] ?? '';
      const uri = JSON.stringify(integrations[integrationId]?.Properties.IntegrationUri);
      expect(uri, `${spec.method} ${spec.path}`).toContain(areaFunction(spec.area).logicalId);
    }
  });

  it('checks Cognito tokens for the web client', () => {
    const authorizer = only(resourcesOf(api, 'AWS::ApiGatewayV2::Authorizer'));
    const clientRef = portal.auth.getLogicalId(portal.auth.webClient.node.defaultChild as CfnElement);
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    const jwt = JSON.stringify(authorizer.Properties.JwtConfiguration);
    expect(jwt).toContain(`ExportsOutputRef${clientRef}`);
    expect(jwt).toContain('https://cognito-idp.eu-west-2.amazonaws.com/');
  });

  it('serves the $default stage with throttling and an access log', () => {
    const stage = only(resourcesOf(web, 'AWS::ApiGatewayV2::Stage'));
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: expect.any(Number),
        ThrottlingBurstLimit: expect.any(Number),
      },
      AccessLogSettings: {
        DestinationArn: expect.anything(),
        Format: expect.stringContaining('$context.requestId'),
      },
    });
    expect(stage.Properties.AccessLogSettings).not.toMatchObject({
      Format: expect.stringContaining('sourceIp'),
    });
  });
});

describe('web stack', () => {
  it('serves a private bucket through CloudFront with origin access control, behind the WAF', () => {
    web.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const distribution = only(resourcesOf(web, 'AWS::CloudFront::Distribution'));
    const config = distribution.Properties.DistributionConfig as Record<string, unknown>;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.WebACLId).toBeDefined();
    expect(JSON.stringify(config.Origins)).toContain('OriginAccessControlId');
    for (const bucket of Object.values(resourcesOf(web, 'AWS::S3::Bucket'))) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    web.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    web.resourceCountIs('Custom::CDKBucketDeployment', 1);
  });

  it('forwards /api/* to the HTTP API uncached, with every method and all viewer headers but Host', () => {
    const distribution = only(resourcesOf(web, 'AWS::CloudFront::Distribution'));
    const behaviours = (
      distribution.Properties.DistributionConfig as { CacheBehaviors: Record<string, unknown>[] }
    ).CacheBehaviors;
    expect(behaviours.map((b) => b.PathPattern)).toEqual([
      ...SERVER_RENDERED_PAGES.map((p) => p.path),
      '/api/guidance*',
      '/api/*',
    ]);
    expect(behaviours.at(-1)).toMatchObject({
      PathPattern: '/api/*',
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
    });
  });

  it('lets CloudFront cache published guidance as its Cache-Control says, keyed by any token sent', () => {
    const distribution = only(resourcesOf(web, 'AWS::CloudFront::Distribution'));
    const guidance = (
      distribution.Properties.DistributionConfig as { CacheBehaviors: Record<string, unknown>[] }
    ).CacheBehaviors.find((b) => b.PathPattern === '/api/guidance*');
    expect(guidance).toMatchObject({
      PathPattern: '/api/guidance*',
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
    });
    web.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        DefaultTTL: 0,
        MinTTL: 0,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization'] },
        }),
      }),
    });
  });

  it('sends the server-rendered pages to the API through the page rewrite, cached per address for everyone', () => {
    const distribution = only(resourcesOf(web, 'AWS::CloudFront::Distribution'));
    const config = distribution.Properties.DistributionConfig as {
      CacheBehaviors: Record<string, unknown>[];
      Origins: { Id: string; S3OriginConfig?: unknown }[];
    };
    const apiOrigin = config.Origins.find((o) => JSON.stringify(o).includes('execute-api'));
    const functions = resourcesOf(web, 'AWS::CloudFront::Function');
    const rewriteId = Object.keys(functions).find(
      (id) => functions[id]?.Properties.FunctionCode === PAGE_REWRITE,
    );
    expect(rewriteId).toBeDefined();
    for (const page of SERVER_RENDERED_PAGES) {
      const behaviour = config.CacheBehaviors.find((b) => b.PathPattern === page.path);
      expect(behaviour).toMatchObject({
        TargetOriginId: apiOrigin?.Id,
        AllowedMethods: ['GET', 'HEAD'],
        OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
        FunctionAssociations: [
          { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [rewriteId, 'FunctionARN'] } },
        ],
      });
    }
    // Keyed by the address alone: no token, so one cached page serves everyone.
    web.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          HeadersConfig: { HeaderBehavior: 'none' },
          QueryStringsConfig: { QueryStringBehavior: 'all' },
        }),
      }),
    });
  });

  it("rewrites and redirects addresses in CloudFront's functions as the local runtime does", () => {
    // The functions' own code, run as CloudFront runs it: handler(event) → request or response.
    type Handler = (event: { request: { uri: string } }) => {
      uri?: string;
      statusCode?: number;
      headers?: unknown;
    };
    const load = (code: string) => new Function(`${code}; return handler;`)() as Handler;
    const page = load(PAGE_REWRITE);
    const index = load(INDEX_REWRITE);
    for (const { path, apiPath } of SERVER_RENDERED_PAGES) {
      expect(page({ request: { uri: path } }).uri).toBe(apiPath);
      expect(index({ request: { uri: path.slice(0, -1) } })).toEqual({
        statusCode: 301,
        statusDescription: 'Moved Permanently',
        headers: { location: { value: path } },
      });
    }
    expect(page({ request: { uri: '/elsewhere/' } }).uri).toBe('/elsewhere/');
    expect(index({ request: { uri: '/agencies/' } }).uri).toBe('/agencies/index.html');
    expect(index({ request: { uri: '/agencies' } }).uri).toBe('/agencies/index.html');
    expect(index({ request: { uri: '/assets/app/app.css' } }).uri).toBe('/assets/app/app.css');
  });

  it('never redirects to another host from an address CloudFront is sent', () => {
    type Handler = (event: { request: { uri: string } }) => {
      uri?: string;
      headers?: { location?: { value: string } };
    };
    const index = new Function(`${INDEX_REWRITE}; return handler;`)() as Handler;
    const rendered = SERVER_RENDERED_PAGES.map((p) => p.path.slice(0, -1));
    const hostile = [
      ...rendered.flatMap((path) => [
        `/${path}`,
        `//${path}`,
        `/..${path}`,
        `/.${path}`,
        `/\\${path.slice(1)}`,
      ]),
      '//evil.example',
      '//evil.example/x',
      '/..//evil.example/x',
      '/%2e%2e//evil.example',
      '/%5Cevil.example',
      '/\\evil.example',
    ];
    for (const uri of hostile) {
      const answer = index({ request: { uri } });
      const location = answer.headers?.location?.value;
      // Only the exact addresses of the pages the guidance function renders are redirected.
      expect(location, uri).toBeUndefined();
      expect(answer.uri, uri).toMatch(/^\//);
    }
  });

  it('sends security headers with a strict CSP and HSTS', () => {
    const policy = only(resourcesOf(web, 'AWS::CloudFront::ResponseHeadersPolicy'));
    const headers = (
      policy.Properties.ResponseHeadersPolicyConfig as {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: string };
          StrictTransportSecurity: unknown;
          FrameOptions: unknown;
        };
      }
    ).SecurityHeadersConfig;
    const csp = headers.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(headers.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      Override: true,
    });
    expect(headers.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
  });
});

describe('waf stack', () => {
  it('is a CLOUDFRONT-scope web ACL in us-east-1 with managed rules and a rate limit', () => {
    expect(portal.waf.region).toBe('us-east-1');
    const acl = only(resourcesOf(waf, 'AWS::WAFv2::WebACL'));
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    const rules = acl.Properties.Rules as { Statement: Record<string, { Name?: string }> }[];
    const managed = rules.map((r) => r.Statement.ManagedRuleGroupStatement?.Name).filter(Boolean);
    expect(managed).toEqual(
      expect.arrayContaining([
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
        'AWSManagedRulesAmazonIpReputationList',
      ]),
    );
    expect(rules.some((r) => r.Statement.RateBasedStatement)).toBe(true);
  });
});
