import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalFunction } from '../../infra/constructs/portal-function.ts';
import { AREAS, TABLE_IDS } from '../../shared/deployment/tables.ts';
import { type SynthesizedPortal, synthesizePortal } from '../support/infra-synth.ts';

/** What tells the council's IT team something is wrong: the alarms, where they go, and the dashboard. */
let synthesized: SynthesizedPortal;
let monitoring: Template;
let api: Template;

beforeAll(() => {
  // With email configured, so the notifier is there to be watched too.
  synthesized = synthesizePortal('portal-monitoring-', {
    notify: {
      apiKeySecretName: 'partnership-portal/notify-api-key',
      templateId: 't',
      frontDoorEmail: 'fd@example.org',
    },
  });
  monitoring = Template.fromStack(synthesized.portal.monitoring);
  api = Template.fromStack(synthesized.portal.api);
});
afterAll(() => synthesized?.remove());

type Alarm = { Properties: Record<string, unknown> & { AlarmName: string; AlarmActions: unknown[] } };
const alarms = () => Object.values(monitoring.findResources('AWS::CloudWatch::Alarm')) as Alarm[];
const names = () => alarms().map((a) => a.Properties.AlarmName);

describe('alarms', () => {
  it('watches every function for errors, throttles and a p99 duration near its timeout', () => {
    const fns = Object.keys(api.findResources('AWS::Lambda::Function')).filter(
      (id) => !id.startsWith('Custom'),
    );
    const portalFns = fns.filter((id) => /Function[0-9A-F]{8}$/.test(id));
    const watched = new Set(
      alarms()
        .filter((a) => a.Properties.Namespace === 'AWS/Lambda')
        .map((a) => JSON.stringify(a.Properties.Dimensions)),
    );
    for (const id of portalFns) {
      const mine = alarms().filter(
        (a) =>
          a.Properties.Namespace === 'AWS/Lambda' && JSON.stringify(a.Properties.Dimensions).includes(id),
      );
      expect(mine.map((a) => a.Properties.MetricName).sort(), id).toEqual([
        'Duration',
        'Errors',
        'Throttles',
      ]);
    }
    expect(watched.size).toBe(portalFns.length);
    expect(portalFns.length).toBeGreaterThanOrEqual(9);
  });

  it('sets the p99 alarm at 80% of the function’s own timeout', () => {
    const duration = alarms().find(
      (a) => a.Properties.AlarmName === 'partnership-portal-referrals-p99-duration',
    );
    const referrals = Object.entries(api.findResources('AWS::Lambda::Function')).find(([id]) =>
      id.startsWith('ReferralsFunction'),
    );
    const timeout =
      (referrals?.[1] as { Properties: { Timeout: number } } | undefined)?.Properties.Timeout ?? 0;
    expect(timeout).toBeGreaterThan(0);
    expect(duration?.Properties).toMatchObject({ ExtendedStatistic: 'p99', Threshold: timeout * 800 });
  });

  it('watches every table for throttled requests and system errors', () => {
    for (const id of TABLE_IDS) {
      expect(names()).toContain(`partnership-portal-${id}-table-throttles`);
      expect(names()).toContain(`partnership-portal-${id}-table-system-errors`);
    }
  });

  it('watches the API’s 5xx and 4xx, the failed-events queue, and referrals past their decision time', () => {
    expect(names()).toEqual(
      expect.arrayContaining([
        'partnership-portal-api-5xx',
        'partnership-portal-api-4xx-spike',
        'partnership-portal-failed-events',
        'partnership-portal-decision-overdue',
      ]),
    );
    const overdue = alarms().find((a) => a.Properties.AlarmName === 'partnership-portal-decision-overdue');
    expect(overdue?.Properties).toMatchObject({
      Namespace: 'PartnershipPortal',
      MetricName: 'DecisionsOverdue',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('sends every alarm, and its recovery, to the one encrypted topic; its mailbox is a deploy-time parameter', () => {
    const topics = Object.keys(monitoring.findResources('AWS::SNS::Topic'));
    expect(topics).toHaveLength(1);
    for (const alarm of alarms()) {
      expect(JSON.stringify(alarm.Properties.AlarmActions), alarm.Properties.AlarmName).toContain(topics[0]);
      expect(JSON.stringify(alarm.Properties.OKActions), alarm.Properties.AlarmName).toContain(topics[0]);
    }
    const topic = Object.values(monitoring.findResources('AWS::SNS::Topic'))[0] as {
      Properties: { KmsMasterKeyId?: unknown };
    };
    expect(JSON.stringify(topic.Properties.KmsMasterKeyId)).toContain('AlarmsKey');
    monitoring.hasParameter('AlarmEmail', { Type: 'String', Default: '' });
    const subscription = Object.values(monitoring.findResources('AWS::SNS::Subscription'))[0] as {
      Properties: { Protocol: string; Endpoint: unknown };
      Condition: string;
    };
    expect(subscription.Properties.Protocol).toBe('email');
    expect(subscription.Properties.Endpoint).toEqual({ Ref: 'AlarmEmail' });
    expect(subscription.Condition).toBeDefined();
  });

  it('watches notifications that could not be emailed (the notifier’s NotificationsFailed)', () => {
    const failed = alarms().find((a) => a.Properties.AlarmName === 'partnership-portal-notifications-failed');
    expect(failed?.Properties).toMatchObject({
      Namespace: 'PartnershipPortal',
      MetricName: 'NotificationsFailed',
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('draws a dashboard of the same, with referrals submitted and decided and errors by route', () => {
    const dashboards = Object.values(monitoring.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]);
    for (const metric of [
      'ReferralsSubmitted',
      'ReferralsDecided',
      'DriftAlarmsRaised',
      'NotificationsFailed',
    ])
      expect(body).toContain(metric);
    expect(body).toContain('{PartnershipPortal,Area,Route}');
  });
});

describe('tracing', () => {
  it('traces every portal function with X-Ray (active tracing), in whichever stack it is', () => {
    const functions = synthesized.portal.api.node.root.node
      .findAll()
      .filter((c): c is PortalFunction => c instanceof PortalFunction);
    expect(functions.length).toBeGreaterThanOrEqual(AREAS.length + 4);
    for (const fn of functions) {
      const stack = Stack.of(fn);
      const resource = Template.fromStack(stack).findResources('AWS::Lambda::Function')[
        stack.getLogicalId(fn.node.defaultChild as CfnElement)
      ] as { Properties: { TracingConfig?: unknown } } | undefined;
      expect(resource?.Properties.TracingConfig, fn.node.path).toEqual({ Mode: 'Active' });
    }
  });
});
