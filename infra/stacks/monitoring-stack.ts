import { CfnCondition, CfnParameter, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  SingleValueWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { CfnSubscription, Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { METRICS_NAMESPACE } from '../../functions/platform/metrics.ts';
import type { TableId } from '../../shared/deployment/tables.ts';
import type { PortalFunction } from '../constructs/portal-function.ts';
import type { PortalTable } from '../constructs/portal-table.ts';

export interface MonitoringStackProps extends StackProps {
  /** Every function, by a name an operator reads in the alarm's name. */
  readonly functions: Record<string, PortalFunction>;
  readonly tables: Record<TableId, PortalTable>;
  readonly httpApi: IHttpApi;
  /** The dead-letter queue of the scheduled jobs and the notifier. */
  readonly failedEvents: Queue;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * What tells a council's IT team that the portal is broken, or that children are waiting: alarms on
 * every function (errors, throttles, p99 duration near its timeout), on the API (5xx, and a spike of
 * 4xx), on every table (throttles, system errors), on the failed-events queue, the business alarm
 * "a referral is past its decision time", and (with email on) "a notification could not be emailed";
 * all to one SNS topic, whose e-mail subscriber is the `AlarmEmail` parameter given at deploy time;
 * and a dashboard of the same, with the portal's own metrics (functions/platform/metrics.ts).
 */
export class MonitoringStack extends Stack {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    // CloudWatch can publish to an encrypted topic only with a key whose policy lets it.
    const key = new Key(this, 'AlarmsKey', {
      description: 'Partnership portal: encrypts the alarms topic',
      enableKeyRotation: true,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'AlarmsTopic', {
      displayName: 'Partnership portal alarms',
      masterKey: key,
      enforceSSL: true,
    });
    const email = new CfnParameter(this, 'AlarmEmail', {
      type: 'String',
      default: '',
      description:
        'The mailbox that receives the portal’s alarms (the council’s IT service desk); empty for none',
    });
    const hasEmail = new CfnCondition(this, 'HasAlarmEmail', {
      expression: Fn.conditionNot(Fn.conditionEquals(email.valueAsString, '')),
    });
    new CfnSubscription(this, 'AlarmEmailSubscription', {
      topicArn: this.topic.topicArn,
      protocol: 'email',
      endpoint: email.valueAsString,
    }).cfnOptions.condition = hasEmail;

    const action = new SnsAction(this.topic);
    const alarm = (name: string, metric: IMetric, threshold: number, description: string) => {
      const made = new Alarm(this, name, {
        alarmName: `partnership-portal-${name}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      made.addAlarmAction(action);
      made.addOkAction(action);
      this.alarms.push(made);
      return made;
    };

    const fnWidgets: GraphWidget[] = [];
    for (const [name, fn] of Object.entries(props.functions)) {
      const timeoutMs = fn.timeout?.toMilliseconds() ?? 3000;
      const errors = fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' });
      const duration = fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' });
      alarm(`${name}-errors`, errors, 1, `The ${name} function failed at least once in 5 minutes`);
      alarm(
        `${name}-throttles`,
        fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
        1,
        `The ${name} function was throttled (Lambda's concurrency ran out)`,
      );
      alarm(
        `${name}-p99-duration`,
        duration,
        Math.round(timeoutMs * 0.8),
        `The ${name} function's slowest 1% took over 80% of its timeout`,
      );
      fnWidgets.push(new GraphWidget({ title: name, left: [errors], right: [duration], width: 8 }));
    }

    const apiMetric = (metricName: string, statistic: string) =>
      new Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: props.httpApi.apiId },
        period: FIVE_MINUTES,
        statistic,
      });
    const serverErrors = apiMetric('5xx', 'Sum');
    const clientErrors = apiMetric('4xx', 'Sum');
    alarm('api-5xx', serverErrors, 5, 'The API answered 5 or more server errors in 5 minutes');
    alarm(
      'api-4xx-spike',
      clientErrors,
      200,
      'The API refused 200 or more requests in 5 minutes: a client gone wrong, or an attack',
    );

    for (const [id, table] of Object.entries(props.tables)) {
      const metric = (metricName: string) =>
        new Metric({
          namespace: 'AWS/DynamoDB',
          metricName,
          dimensionsMap: { TableName: table.tableName },
          period: FIVE_MINUTES,
          statistic: 'Sum',
        });
      alarm(
        `${id}-table-throttles`,
        new MathExpression({
          expression: 'reads + writes',
          usingMetrics: { reads: metric('ReadThrottleEvents'), writes: metric('WriteThrottleEvents') },
          period: FIVE_MINUTES,
          label: `${id} throttled requests`,
        }),
        1,
        `DynamoDB throttled requests to the ${id} table`,
      );
      alarm(
        `${id}-table-system-errors`,
        new MathExpression({
          expression: `SUM(SEARCH('{AWS/DynamoDB,Operation,TableName} MetricName="SystemErrors" TableName="${table.tableName}"', 'Sum', 300))`,
          period: FIVE_MINUTES,
          label: `${id} system errors`,
        }),
        1,
        `DynamoDB answered the ${id} table with system errors`,
      );
    }

    const failed = props.failedEvents.metricApproximateNumberOfMessagesVisible({
      period: FIVE_MINUTES,
      statistic: 'Maximum',
    });
    alarm(
      'failed-events',
      failed,
      1,
      'A scheduled job or an email could not be done after its retries: see the failed-events queue',
    );

    const overdue = new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: 'DecisionsOverdue',
      period: Duration.minutes(15),
      statistic: 'Maximum',
    });
    alarm(
      'decision-overdue',
      overdue,
      1,
      'A referral is past its decision time: the front door has children waiting',
    );

    const portalMetric = (metricName: string, period = Duration.hours(1)) =>
      new Metric({ namespace: METRICS_NAMESPACE, metricName, period, statistic: 'Sum' });
    // Only where the notifier is deployed: nothing else sends the metric.
    const notificationsFailed = portalMetric('NotificationsFailed', FIVE_MINUTES);
    if (props.functions.notifier)
      alarm(
        'notifications-failed',
        notificationsFailed,
        1,
        'A notification could not be emailed through GOV.UK Notify (the stream retries it): check Notify and the mailboxes',
      );

    // Every route's server errors and p99 latency, from the area apps' one EMF line per request.
    const byRoute = (metricName: string, statistic: string, label: string) =>
      new MathExpression({
        expression: `SEARCH('{${METRICS_NAMESPACE},Area,Route} MetricName="${metricName}"', '${statistic}', 300)`,
        period: FIVE_MINUTES,
        label,
      });

    new Dashboard(this, 'Dashboard', {
      dashboardName: 'partnership-portal',
      widgets: [
        [
          new SingleValueWidget({
            title: 'Referrals past their decision time',
            metrics: [overdue],
            width: 8,
          }),
          new GraphWidget({ title: 'API errors', left: [serverErrors, clientErrors], width: 8 }),
          new GraphWidget({ title: 'Failed events waiting', left: [failed], width: 8 }),
        ],
        [
          new GraphWidget({
            title: 'Referrals submitted and decided (per hour)',
            left: [portalMetric('ReferralsSubmitted'), portalMetric('ReferralsDecided')],
            width: 8,
          }),
          new GraphWidget({
            title: 'Early-help drift alarms raised, notifications failed',
            left: [portalMetric('DriftAlarmsRaised'), portalMetric('NotificationsFailed')],
            width: 8,
          }),
          new GraphWidget({
            title: 'Server errors and p99 latency by route',
            left: [byRoute('Errors', 'Sum', 'errors')],
            right: [byRoute('Latency', 'p99', 'p99 ms')],
            width: 8,
          }),
        ],
        fnWidgets,
      ],
    });
  }
}
