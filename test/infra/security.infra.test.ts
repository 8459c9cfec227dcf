import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreTokenHandler } from '../../functions/auth/pre-token-generation.ts';
import { agencyStandingKey, createStandingReader } from '../../functions/platform/access.ts';
import { createDocumentClient } from '../../functions/platform/dynamo.ts';
import { XRAY_ACTIONS } from '../../infra/constructs/portal-function.ts';
import type { Portal } from '../../infra/stacks/portal.ts';
import { AREAS, TABLE_IDS, type TableId } from '../../shared/deployment/tables.ts';
import { type SynthesizedPortal, synthesizePortal } from '../support/infra-synth.ts';
import { sdkTimeouts, sdkWorstCaseMs } from '../support/security-harness.ts';
import { createTestStore } from '../support/store.ts';

/**
 * Infrastructure security (SECURITY.md), over every role in the app rather
 * than the four area functions portal.infra.test.ts checks: the audit table is append-only for
 * every role, no function reaches another area's table, users cannot write their agency or groups,
 * each function gives up before API Gateway does and the store client before the function, and
 * cdk-nag stays clean with every optional part (e-mail notifications) switched on. PITR, deletion
 * protection and the default configuration's cdk-nag run are in portal.infra.test.ts.
 */
type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };

let synthesized: SynthesizedPortal;
let portal: Portal;
let stacks: Stack[];
let templates: Template[];

beforeAll(() => {
  // Everything switched on: the optional GOV.UK Notify function brings a role of its own.
  synthesized = synthesizePortal('portal-security-infra-', {
    notify: {
      apiKeySecretName: 'portal/notify-key',
      templateId: 'template-1',
      frontDoorEmail: 'front.door@example.org',
    },
  });
  portal = synthesized.portal;
  stacks = [portal.waf, portal.data, portal.web, portal.auth, portal.api];
  templates = stacks.map((s) => Template.fromStack(s));
});

afterAll(() => synthesized?.remove());

const resources = (type: string): [string, Resource][] =>
  templates.flatMap((t) => Object.entries(t.findResources(type) as Record<string, Resource>));
const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

function tableIds(): Record<TableId, string> {
  const ids = {} as Record<TableId, string>;
  for (const id of TABLE_IDS)
    ids[id] = portal.data.getLogicalId(portal.data.tables[id].table.node.defaultChild as CfnElement);
  return ids;
}

/** Every statement of every identity policy in the app, with the roles it is attached to. */
function allStatements(): { roles: string[]; statement: Statement }[] {
  const out: { roles: string[]; statement: Statement }[] = [];
  for (const [, policy] of [...resources('AWS::IAM::Policy'), ...resources('AWS::IAM::ManagedPolicy')]) {
    const roles = JSON.stringify(policy.Properties.Roles ?? []).match(/"Ref":"([^"]+)"/g) ?? [];
    for (const statement of (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      out.push({ roles: roles.map((r) => r.slice(7, -1)), statement });
  }
  for (const [id, role] of resources('AWS::IAM::Role')) {
    for (const inline of (role.Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[])
      for (const statement of inline.PolicyDocument.Statement) out.push({ roles: [id], statement });
  }
  return out;
}

/** The role of each Lambda function in the app, by a readable name. */
function functionRoles(): Record<string, string> {
  const roles: Record<string, string> = {};
  for (const [id, fn] of resources('AWS::Lambda::Function')) {
    const role = JSON.stringify(fn.Properties.Role).match(/"Fn::GetAtt":\["([^"]+)"/)?.[1];
    if (role) roles[id] = role;
  }
  return roles;
}

/** The sign-in trigger's role. */
function triggerRole(): string {
  const role = Object.entries(functionRoles()).find(([fn]) => fn.startsWith('PreTokenGeneration'))?.[1];
  if (!role) throw new Error('No pre-token-generation trigger');
  return role;
}

/** The role of the function that records Cognito's revocations. */
function revocationsRole(): string {
  const role = Object.entries(functionRoles()).find(([fn]) => fn.startsWith('AccessRevocations'))?.[1];
  if (!role) throw new Error('No revocations function');
  return role;
}

/** GetItem, and only on the directory's agencies and people (IAM leading keys): the standing check. */
function isStandingRead(table: TableId, statement: Statement): boolean {
  return (
    table === 'directory' &&
    statement.Effect === 'Allow' &&
    actionsOf(statement).join() === 'dynamodb:GetItem' &&
    JSON.stringify(statement.Condition) ===
      JSON.stringify({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AGENCY', 'USER#*'] } })
  );
}

/** UpdateItem, and only on people's records: what the revocations function may do. */
function isPersonRevocation(table: TableId, statement: Statement): boolean {
  return (
    table === 'directory' &&
    actionsOf(statement).join() === 'dynamodb:UpdateItem' &&
    JSON.stringify(statement.Condition) ===
      JSON.stringify({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USER#*'] } })
  );
}

const WRITES_TO_AUDIT =
  /^dynamodb:(?:UpdateItem|DeleteItem|BatchWriteItem|PartiQL.*|DeleteTable|UpdateTable|RestoreTable.*|\*)$|^\*$/;

describe('the audit trail', () => {
  it('is append-only for every role in the app: no update, delete or batch write, by name or by wildcard', () => {
    const audit = tableIds().audit;
    const wrong: string[] = [];
    let onAudit = 0;
    for (const { roles, statement } of allStatements()) {
      if (statement.Effect !== 'Allow') continue;
      const resource = JSON.stringify(statement.Resource);
      const reachesAudit = resource.includes(audit) || resource === '"*"';
      if (!reachesAudit) continue;
      if (resource.includes(audit)) onAudit++;
      for (const action of actionsOf(statement).filter((a) => WRITES_TO_AUDIT.test(a)))
        wrong.push(`${roles.join(',')}: ${action} on ${resource.slice(0, 80)}`);
    }
    expect(onAudit, 'statements on the audit table found').toBeGreaterThanOrEqual(AREAS.length + 1);
    expect(wrong).toEqual([]);
  });

  it('has no resource policy that would let anyone else in', () => {
    const [, table] = resources('AWS::DynamoDB::Table').find(([id]) => id === tableIds().audit) ?? [];
    expect(table).toBeDefined();
    expect(table?.Properties.ResourcePolicy).toBeUndefined();
  });
});

describe('subject access: the key that files audit entries by child, and who reads the trail', () => {
  it('lets the referrals, early-help and directory functions alone read the audit subject secret, named by ARN and read at start-up', () => {
    const secret = portal.api.node.findChild('AuditSubjectSecret').node.defaultChild as CfnElement;
    const secretId = portal.api.getLogicalId(secret);
    const holders = resources('AWS::Lambda::Function')
      .filter(([, fn]) => JSON.stringify(fn.Properties.Environment ?? {}).includes(secretId))
      .map(([id]) => id)
      .sort();
    const fnId = (area: 'referrals' | 'directory' | 'early-help') =>
      portal.api.getLogicalId(portal.api.functions[area].node.defaultChild as CfnElement);
    expect(holders).toEqual([fnId('referrals'), fnId('directory'), fnId('early-help')].sort());
    const roleOf = functionRoles();
    const readers = new Set(
      allStatements()
        .filter(
          ({ statement }) =>
            actionsOf(statement).includes('secretsmanager:GetSecretValue') &&
            JSON.stringify(statement.Resource).includes(secretId),
        )
        .flatMap(({ roles }) => roles),
    );
    const roleFor = (area: 'referrals' | 'directory' | 'early-help') => roleOf[fnId(area)];
    expect([...readers].sort()).toEqual(
      [roleFor('referrals'), roleFor('directory'), roleFor('early-help')].sort(),
    );
  });

  it('puts no secret’s value, and no dynamic reference to one, in any function’s environment', () => {
    for (const [id, fn] of resources('AWS::Lambda::Function')) {
      const variables =
        (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
      expect(JSON.stringify(variables), id).not.toMatch(/resolve:secretsmanager|resolve:ssm-secure/);
      for (const name of ['CURSOR_SECRET', 'MATCH_KEY_SECRET', 'AUDIT_SUBJECT_SECRET', 'NOTIFY_API_KEY'])
        expect(variables[name], `${id} ${name}`).toBeUndefined();
    }
  });

  it('lets only the directory read the audit table: Query on its record, person (gsi1) and child (gsi2) keys', () => {
    const audit = tableIds().audit;
    const roleOf = functionRoles();
    const directory =
      roleOf[portal.api.getLogicalId(portal.api.functions.directory.node.defaultChild as CfnElement)];
    const readers = new Set<string>();
    const indexQueries = new Set<string>();
    for (const { roles, statement } of allStatements()) {
      const resource = JSON.stringify(statement.Resource);
      if (statement.Effect !== 'Allow' || !resource.includes(audit)) continue;
      if (actionsOf(statement).every((a) => a === 'dynamodb:PutItem')) continue;
      for (const role of roles) readers.add(role);
      for (const index of ['gsi1', 'gsi2'])
        if (resource.includes(`/index/${index}`) && actionsOf(statement).join() === 'dynamodb:Query')
          indexQueries.add(index);
    }
    expect([...readers]).toEqual([directory]);
    expect([...indexQueries].sort()).toEqual(['gsi1', 'gsi2']);
  });
});

describe('each function and its tables', () => {
  it('grants no batch write to any role (no function batch-writes), and no delete to the reminders job', () => {
    const roleOf = functionRoles();
    const reminders = roleOf[portal.api.getLogicalId(portal.api.reminders.node.defaultChild as CfnElement)];
    const found = allStatements().flatMap(({ roles, statement }) =>
      actionsOf(statement)
        .filter(
          (a) =>
            a === 'dynamodb:BatchWriteItem' ||
            (a === 'dynamodb:DeleteItem' && roles.includes(reminders ?? '')),
        )
        .map((a) => `${roles.join(',')}: ${a}`),
    );
    expect(reminders).toBeDefined();
    expect(found).toEqual([]);
  });

  it('reaches only its own table and the audit table (referrals: and the outbox); the board and the notifier only read agencies (AGENCY partition); standing is read, and revoked, by leading key only', () => {
    const ids = tableIds();
    const roleOf = functionRoles();
    const areaRole = (area: string) =>
      roleOf[
        portal.api.getLogicalId(
          portal.api.functions[area as (typeof AREAS)[number]].node.defaultChild as CfnElement,
        )
      ];
    const reminders = roleOf[portal.api.getLogicalId(portal.api.reminders.node.defaultChild as CfnElement)];
    const driftAlarms =
      roleOf[portal.api.getLogicalId(portal.api.driftAlarms.node.defaultChild as CfnElement)];
    const trigger = triggerRole();
    const revoker = revocationsRole();
    // The caller's standing (functions/platform/access.ts) is read by every area function and the
    // sign-in trigger; only the revocations function writes people's records.
    const readsStanding = new Set([...AREAS.map(areaRole), trigger]);
    const allowed = new Map<string | undefined, TableId[]>([
      [areaRole('guidance'), ['guidance', 'audit']],
      [areaRole('referrals'), ['referrals', 'outbox', 'audit']],
      [areaRole('board'), ['board', 'audit', 'directory']],
      [areaRole('early-help'), ['early-help', 'audit', 'directory']],
      [areaRole('services'), ['services', 'audit', 'directory']],
      [areaRole('directory'), ['directory', 'audit']],
      [reminders, ['referrals', 'outbox', 'audit']],
      [driftAlarms, ['early-help', 'outbox', 'audit']],
      [revoker, ['audit']],
    ]);
    const agencyPartitionOnly = { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['AGENCY'] } };
    const wrong: string[] = [];
    const reached = new Map<string, Set<TableId>>();
    for (const { roles, statement } of allStatements()) {
      const resource = JSON.stringify(statement.Resource);
      for (const table of TABLE_IDS) {
        if (!resource.includes(ids[table])) continue;
        for (const role of roles) {
          reached.set(role, (reached.get(role) ?? new Set()).add(table));
          const mine = allowed.get(role);
          const streamOnly =
            resource.includes('StreamArn') &&
            actionsOf(statement).every((a) =>
              /^dynamodb:(?:DescribeStream|GetRecords|GetShardIterator|ListStreams)$/.test(a),
            );
          const agencyNames =
            table === 'directory' &&
            JSON.stringify(statement.Condition) === JSON.stringify(agencyPartitionOnly) &&
            actionsOf(statement).join() === 'dynamodb:Query';
          if (readsStanding.has(role) && isStandingRead(table, statement)) continue;
          if (role === revoker && isPersonRevocation(table, statement)) continue;
          if (role === revoker && table === 'audit' && actionsOf(statement).join() !== 'dynamodb:PutItem') {
            wrong.push(`revocations: ${actionsOf(statement)} on the audit table`);
            continue;
          }
          if (mine?.includes(table) && (table !== 'directory' || mine.includes('directory'))) {
            // The board's, early help's and the services directory's directory access is the agency names only.
            for (const area of ['board', 'early-help', 'services'])
              if (role === areaRole(area) && table === 'directory' && !agencyNames)
                wrong.push(`${area}: ${actionsOf(statement)} on the directory beyond agency names`);
            continue;
          }
          // The notifier's record of what it emailed: Get and Put on DELIVERED# items of the outbox only.
          const deliveryLog =
            table === 'outbox' &&
            actionsOf(statement).join() === 'dynamodb:GetItem,dynamodb:PutItem' &&
            JSON.stringify(statement.Condition) ===
              JSON.stringify({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['DELIVERED#*'] } });
          // Not one of the area functions: the notifier reads agencies' names and the outbox stream.
          if (!mine && (agencyNames || (table === 'outbox' && (streamOnly || deliveryLog)))) continue;
          wrong.push(`${role}: ${actionsOf(statement).join(' ')} on ${table}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // Every area function was found (the check above is not vacuous).
    for (const area of AREAS) expect(reached.get(areaRole(area) as string)?.has(area), area).toBe(true);
  });

  it('lets every area function and the sign-in trigger read standing: GetItem only, on AGENCY and USER# items only', () => {
    const ids = tableIds();
    const roleOf = functionRoles();
    const readers = [
      ...AREAS.map((area) => ({
        name: area,
        role: roleOf[portal.api.getLogicalId(portal.api.functions[area].node.defaultChild as CfnElement)],
      })),
      { name: 'sign-in trigger', role: triggerRole() },
    ];
    for (const { name, role } of readers) {
      const onDirectory = allStatements().filter(
        ({ roles, statement }) =>
          roles.includes(role as string) && JSON.stringify(statement.Resource).includes(ids.directory),
      );
      const standing = onDirectory.filter(({ statement }) => isStandingRead('directory', statement));
      expect(standing, name).toHaveLength(1);
      // Read-only, limited by leading keys: no write, no Query, no other partition.
      expect(standing[0]?.statement.Effect).toBe('Allow');
      expect(actionsOf(standing[0]?.statement as Statement)).toEqual(['dynamodb:GetItem']);
    }
  });

  it('lets the revocations function only mark people’s records (UpdateItem on USER#…) and append to the audit trail', () => {
    const ids = tableIds();
    const revoker = revocationsRole();
    const mine = allStatements().filter(({ roles }) => roles.includes(revoker));
    const onTables = mine.filter(({ statement }) =>
      TABLE_IDS.some((t) => JSON.stringify(statement.Resource).includes(ids[t])),
    );
    expect(
      onTables.map(({ statement }) => ({
        on: TABLE_IDS.find((t) => JSON.stringify(statement.Resource).includes(ids[t])),
        actions: actionsOf(statement),
        condition: statement.Condition ?? null,
      })),
    ).toEqual(
      expect.arrayContaining([
        {
          on: 'directory',
          actions: ['dynamodb:UpdateItem'],
          condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USER#*'] } },
        },
        { on: 'audit', actions: ['dynamodb:PutItem'], condition: null },
      ]),
    );
    expect(onTables).toHaveLength(2);
  });

  it('lets the notifier read the outbox’s stream and no referral: the outbox has a table of its own', () => {
    // DynamoDB streams cannot be narrowed by IAM: GetRecords on a stream returns every new item of its
    // table, whatever the event source's filter says. With the outbox in the referrals table, the
    // notifier could read every new referral, children's details included.
    const ids = tableIds();
    const streamReadersOf = (table: TableId) =>
      allStatements().filter(
        ({ statement }) =>
          JSON.stringify(statement.Resource).includes(ids[table]) &&
          JSON.stringify(statement.Resource).includes('StreamArn') &&
          actionsOf(statement).includes('dynamodb:GetRecords'),
      );
    expect(streamReadersOf('outbox')).toHaveLength(1);
    for (const table of TABLE_IDS.filter((t) => t !== 'outbox'))
      expect(streamReadersOf(table), table).toEqual([]);
  });

  it('lets the notifier use the records’ key only through DynamoDB (agencies’ names); the outbox has a key of its own', () => {
    // Reading a stream grants use of its table's key with no condition: with the outbox under the
    // records' key, the notifier could decrypt any of their data it ever got hold of.
    const notifier = Object.entries(functionRoles()).find(([fn]) => fn.startsWith('NotifyFunction'))?.[1];
    expect(notifier).toBeDefined();
    const dataKey = portal.data.getLogicalId(portal.data.key.node.defaultChild as CfnElement);
    const outboxKey = portal.data.getLogicalId(portal.data.outboxKey.node.defaultChild as CfnElement);
    const keyUse = allStatements().filter(
      ({ roles, statement }) =>
        roles.includes(notifier as string) && actionsOf(statement).some((a) => a.startsWith('kms:')),
    );
    expect(keyUse.some(({ statement }) => JSON.stringify(statement.Resource).includes(outboxKey))).toBe(true);
    const onDataKey = keyUse.filter(({ statement }) => JSON.stringify(statement.Resource).includes(dataKey));
    for (const { statement } of onDataKey)
      expect(JSON.stringify(statement.Condition ?? {})).toContain('kms:ViaService');
  });

  it('gives the sign-in trigger nothing but the standing read, and CDK’s helpers no table at all', () => {
    const ids = tableIds();
    const trigger = triggerRole();
    const tables = Object.values(ids);
    const touches = allStatements().filter(
      ({ roles, statement }) =>
        roles.includes(trigger as string) &&
        tables.some((t) => JSON.stringify(statement.Resource).includes(t)) &&
        !isStandingRead('directory', statement),
    );
    expect(touches).toEqual([]);
    const deploy = allStatements().filter(
      ({ roles, statement }) =>
        roles.some((r) => /DeploySite|CustomResource|BucketDeployment/.test(r)) &&
        tables.some((t) => JSON.stringify(statement.Resource).includes(t)),
    );
    expect(deploy).toEqual([]);
  });
});

describe('wildcards on the portal’s functions', () => {
  it('gives each function’s role one statement on Resource "*": X-Ray’s two actions, exactly (the notifier also lists streams)', () => {
    const portalRoles = new Set(
      resources('AWS::Lambda::Function')
        .filter(([, fn]) => String(fn.Properties.Description ?? '').startsWith('Partnership portal'))
        .map(([id]) => functionRoles()[id] as string),
    );
    expect(portalRoles.size).toBeGreaterThanOrEqual(AREAS.length + 3);
    const xray = new Map<string, number>();
    const wrong: string[] = [];
    for (const { roles, statement } of allStatements()) {
      if (JSON.stringify(statement.Resource) !== '"*"') continue;
      for (const role of roles.filter((r) => portalRoles.has(r))) {
        const actions = actionsOf(statement);
        if (actions.join() === XRAY_ACTIONS.join()) xray.set(role, (xray.get(role) ?? 0) + 1);
        // DynamoDB's ListStreams has no resource-level permissions either (the event source adds it).
        else if (!(role.startsWith('NotifyFunction') && actions.join() === 'dynamodb:ListStreams'))
          wrong.push(`${role}: ${actions.join(' ')} on *`);
      }
    }
    expect(wrong).toEqual([]);
    for (const role of portalRoles) expect(xray.get(role), role).toBe(1);
  });
});

describe('who decides a user’s agency and roles', () => {
  it('no app client can write the agency, or any custom attribute', () => {
    const clients = resources('AWS::Cognito::UserPoolClient');
    expect(clients.length).toBeGreaterThan(0);
    for (const [id, client] of clients) {
      const writable = client.Properties.WriteAttributes as string[] | undefined;
      expect(writable, `${id} must list what it may write`).toBeDefined();
      expect(
        (writable ?? []).filter((a) => a.startsWith('custom:')),
        id,
      ).toEqual([]);
    }
  });

  it('no role in the app can change users, their attributes or their groups', () => {
    const wrong = allStatements()
      .filter(({ statement }) => statement.Effect === 'Allow')
      .flatMap(({ roles, statement }) =>
        actionsOf(statement)
          .filter((a) =>
            /^cognito-idp:(?:Admin|AddCustomAttributes|CreateGroup|UpdateGroup|DeleteGroup|UpdateUserAttributes|\*)|^\*$/.test(
              a,
            ),
          )
          .map((a) => `${roles.join(',')}: ${a}`),
      );
    expect(wrong).toEqual([]);
  });

  it('groups carry no AWS role, and there is no identity pool to trade a token for AWS credentials', () => {
    for (const [id, group] of resources('AWS::Cognito::UserPoolGroup'))
      expect(group.Properties.RoleArn, id).toBeUndefined();
    expect(resources('AWS::Cognito::IdentityPool')).toEqual([]);
  });

  it('the sign-in trigger copies the agency only, whatever else a user’s attributes claim', async () => {
    const store = await createTestStore();
    await store.db.send(
      new PutCommand({
        TableName: store.tables.directory,
        Item: { ...agencyStandingKey('brookfield-primary'), name: 'Brookfield Primary School', active: true },
      }),
    );
    const preTokenGeneration = createPreTokenHandler(createStandingReader(store.db, store.tables.directory));
    const result = await preTokenGeneration({
      version: '2',
      triggerSource: 'TokenGeneration_HostedAuth',
      region: 'eu-west-2',
      userPoolId: 'eu-west-2_test',
      userName: 'mallory',
      callerContext: { awsSdkVersion: 'x', clientId: 'web' },
      request: {
        userAttributes: {
          'custom:agencyId': 'brookfield-primary',
          'custom:roles': 'admin',
          'cognito:groups': 'admin,triage',
          'custom:groups': 'admin',
          name: 'admin',
        },
        groupConfiguration: { groupsToOverride: ['referrer'] },
      },
      response: {},
    });
    await store.drop();
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { agencyId: 'brookfield-primary' } },
    });
  });
});

describe('timeouts, from the store to the edge', () => {
  it('every function stops before API Gateway’s 30 s integration timeout', () => {
    // The portal's own functions (CDK's deployment helpers are not behind the API).
    const functions = resources('AWS::Lambda::Function').filter(([, fn]) =>
      String(fn.Properties.Description ?? '').startsWith('Partnership portal'),
    );
    expect(functions.length).toBeGreaterThanOrEqual(AREAS.length + 3);
    for (const [id, fn] of functions) {
      const timeout = (fn.Properties.Timeout as number | undefined) ?? 3;
      expect(timeout, id).toBeLessThan(30);
    }
    for (const [id, integration] of resources('AWS::ApiGatewayV2::Integration')) {
      const limit = (integration.Properties.TimeoutInMillis as number | undefined) ?? 30_000;
      expect(limit, id).toBeLessThanOrEqual(30_000);
    }
  });

  it('the store client gives up, retries and all, well before any function that uses it', async () => {
    const client = createDocumentClient({ region: 'eu-west-2' });
    const timeouts = await sdkTimeouts(client);
    client.destroy();
    expect(timeouts.throwOnRequestTimeout, 'a hung request is cut off, not only warned about').toBe(true);
    expect(timeouts.requestTimeout).toBeGreaterThan(0);
    const worst = sdkWorstCaseMs(timeouts);
    for (const [id, fn] of resources('AWS::Lambda::Function')) {
      if (id.startsWith('PreTokenGeneration') || !fn.Properties.Environment) continue;
      const env = (fn.Properties.Environment as { Variables?: Record<string, unknown> }).Variables ?? {};
      if (!('TABLE_NAME' in env || 'DIRECTORY_TABLE_NAME' in env)) continue;
      const timeoutMs = ((fn.Properties.Timeout as number | undefined) ?? 3) * 1000;
      // One store call's worst case leaves at least a second to answer 503 in.
      expect(worst + 1_000, id).toBeLessThanOrEqual(timeoutMs);
    }
  });
});

describe('cdk-nag (AwsSolutions) with everything switched on', () => {
  it('finds nothing unacknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(portal.api.node.root);
    expect(
      report.violations.map(
        (v) => `${v.ruleName} ${JSON.stringify(v.violatingResources?.[0]?.locations ?? '')}`,
      ),
    ).toEqual([]);
  });
});
