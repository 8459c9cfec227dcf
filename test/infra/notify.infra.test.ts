import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SynthesizedPortal, synthesizePortal } from '../support/infra-synth.ts';

/** Email through GOV.UK Notify, when configured: the referrals table's stream of outbox items only. */
let synthesized: SynthesizedPortal;
let api: Template;
let data: Template;

beforeAll(() => {
  synthesized = synthesizePortal('portal-notify-', {
    notify: {
      apiKeySecretName: 'partnership-portal/notify-api-key',
      templateId: 'tmpl-1',
      frontDoorEmail: 'frontdoor@example.org',
    },
  });
  api = Template.fromStack(synthesized.portal.api);
  data = Template.fromStack(synthesized.portal.data);
});

afterAll(() => synthesized?.remove());

describe('GOV.UK Notify delivery', () => {
  it('streams new items of the outbox table only (no referral is on a stream), filtered to outbox inserts', () => {
    const streamed = Object.entries(
      data.findResources('AWS::DynamoDB::Table') as Record<string, { Properties: Record<string, unknown> }>,
    ).filter(([, table]) => table.Properties.StreamSpecification);
    expect(streamed.map(([id]) => id)).toEqual([expect.stringMatching(/^OutboxTable/)]);
    expect(streamed[0]?.[1].Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    const mappings = Object.values(api.findResources('AWS::Lambda::EventSourceMapping')) as {
      Properties: Record<string, unknown>;
    }[];
    expect(mappings).toHaveLength(1);
    expect(JSON.stringify(mappings[0]?.Properties.EventSourceArn)).toContain('OutboxTable');
    const filter = JSON.stringify(mappings[0]?.Properties.FilterCriteria);
    expect(filter).toContain('OUTBOX#');
    expect(filter).toContain('INSERT');
  });

  it('reports a failed send alone, halves a failing batch, and sends what still fails to the failed-events queue', () => {
    const mapping = Object.values(api.findResources('AWS::Lambda::EventSourceMapping'))[0] as {
      Properties: Record<string, unknown>;
    };
    expect(mapping.Properties).toMatchObject({
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 86_400,
    });
    const queues = Object.keys(api.findResources('AWS::SQS::Queue'));
    expect(queues).toHaveLength(1);
    expect(JSON.stringify(mapping.Properties.DestinationConfig)).toContain(queues[0]);
  });

  it('lets the notifier write only its own record of what it emailed (DELIVERED# items) in the outbox table', () => {
    const policies = Object.entries(api.findResources('AWS::IAM::Policy')).filter(([id]) =>
      id.startsWith('NotifyFunction'),
    );
    const statements = policies.flatMap(
      ([, p]) =>
        (p as { Properties: { PolicyDocument: { Statement: Record<string, unknown>[] } } }).Properties
          .PolicyDocument.Statement,
    );
    const writes = statements.filter((st) => JSON.stringify(st.Action).includes('PutItem'));
    expect(writes).toHaveLength(1);
    expect(writes[0]?.Action).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    expect(JSON.stringify(writes[0]?.Resource)).toContain('OutboxTable');
    expect(writes[0]?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['DELIVERED#*'] },
    });
  });

  it('gives the scheduled jobs’ rules retries and the same dead-letter queue', () => {
    const rules = Object.values(api.findResources('AWS::Events::Rule')) as {
      Properties: { Targets: { RetryPolicy?: unknown; DeadLetterConfig?: { Arn: unknown } }[] };
    }[];
    expect(rules.length).toBeGreaterThanOrEqual(2);
    const queue = Object.keys(api.findResources('AWS::SQS::Queue'))[0] ?? 'none';
    for (const rule of rules) {
      for (const target of rule.Properties.Targets) {
        expect(target.RetryPolicy).toMatchObject({ MaximumRetryAttempts: 2 });
        expect(JSON.stringify(target.DeadLetterConfig?.Arn)).toContain(queue);
      }
    }
  });

  it('names the API key’s secret, never its value, and lets the notifier alone read it at start-up', () => {
    const fns = Object.entries(api.findResources('AWS::Lambda::Function')) as [
      string,
      { Properties: { Environment: { Variables: Record<string, unknown> } } },
    ][];
    const notify = fns.find(([id]) => id.startsWith('NotifyFunction'))?.[1];
    if (!notify) throw new Error('no notify function');
    const env = notify.Properties.Environment.Variables;
    expect(env.NOTIFY_API_KEY).toBeUndefined();
    expect(JSON.stringify(env)).not.toMatch(/resolve:secretsmanager/);
    expect(env).toMatchObject({
      NOTIFY_API_KEY_SECRET_NAME: 'partnership-portal/notify-api-key',
      NOTIFY_TEMPLATE_ID: 'tmpl-1',
      FRONT_DOOR_EMAIL: 'frontdoor@example.org',
    });
    const readers = Object.entries(api.findResources('AWS::IAM::Policy'))
      .filter(([, p]) => JSON.stringify(p).includes('partnership-portal/notify-api-key'))
      .map(([id]) => id);
    expect(readers).toEqual([expect.stringMatching(/^NotifyFunction/)]);
  });

  it('adds the delivery function only when configured (the default portal has none: portal.infra.test.ts counts its functions)', () => {
    expect(
      Object.keys(api.findResources('AWS::Lambda::Function')).some((id) => id.startsWith('NotifyFunction')),
    ).toBe(true);
  });
});
