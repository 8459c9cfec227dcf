import { ArnFormat, Stack, type StackProps } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

export interface WafStackProps extends StackProps {
  /** Requests one IP address may make in any 5 minutes before it is blocked. @default 2000 */
  readonly rateLimitPerFiveMinutes?: number;
  /** API requests one signed-in caller (one bearer token) may make in any 5 minutes. @default 1000 */
  readonly callerRateLimitPerFiveMinutes?: number;
}

/** WAF writes to CloudWatch Logs only into a log group whose name starts so. */
const WAF_LOG_GROUP = 'aws-waf-logs-partnership-portal';

function managedRule(name: string, priority: number, excludedToCount: string[] = []): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ...(excludedToCount.length > 0
          ? {
              ruleActionOverrides: excludedToCount.map((rule) => ({
                name: rule,
                actionToUse: { count: {} },
              })),
            }
          : {}),
      },
    },
    visibilityConfig: { sampledRequestsEnabled: true, cloudWatchMetricsEnabled: true, metricName: name },
  };
}

/**
 * The web ACL in front of CloudFront. A CLOUDFRONT-scope web ACL can only be created in us-east-1,
 * so it has a stack of its own there; the web stack takes its ARN across regions.
 */
export class WafStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: WafStackProps) {
    super(scope, id, props);
    if (this.region !== 'us-east-1') {
      throw new Error(`A CLOUDFRONT-scope web ACL must be created in us-east-1, not ${this.region}`);
    }
    const acl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'Partnership portal: filters every request to CloudFront, for the site and the API',
      visibilityConfig: {
        sampledRequestsEnabled: true,
        cloudWatchMetricsEnabled: true,
        metricName: 'PortalWebAcl',
      },
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: props.rateLimitPerFiveMinutes ?? 2000, aggregateKeyType: 'IP' },
          },
          visibilityConfig: {
            sampledRequestsEnabled: true,
            cloudWatchMetricsEnabled: true,
            metricName: 'RateLimitPerIp',
          },
        },
        {
          // One client cannot starve every partner: each bearer token has its own allowance on the API,
          // beside the IP's (many partners share a council's or a trust's outgoing address).
          name: 'RateLimitPerCaller',
          priority: 4,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.callerRateLimitPerFiveMinutes ?? 1000,
              aggregateKeyType: 'CUSTOM_KEYS',
              customKeys: [
                { header: { name: 'authorization', textTransformations: [{ priority: 0, type: 'NONE' }] } },
              ],
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: '/api/',
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            },
          },
          visibilityConfig: {
            sampledRequestsEnabled: true,
            cloudWatchMetricsEnabled: true,
            metricName: 'RateLimitPerCaller',
          },
        },
        managedRule('AWSManagedRulesAmazonIpReputationList', 1),
        // SizeRestrictions_BODY blocks any body over 8 KB, which a referral in the referrer's own words can
        // exceed; the API bounds every text field itself, so that one rule only counts.
        managedRule('AWSManagedRulesCommonRuleSet', 2, ['SizeRestrictions_BODY']),
        managedRule('AWSManagedRulesKnownBadInputsRuleSet', 3),
      ],
    });
    this.webAclArn = acl.attrArn;

    // Every request the ACL sees is logged, with the bearer token and cookies redacted: no one reading
    // the logs can replay a partner's sign-in. No personal data is in a request's line either.
    const logs = new LogGroup(this, 'WafLogs', {
      logGroupName: WAF_LOG_GROUP,
      retention: RetentionDays.THREE_MONTHS,
    });
    const logging = new CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: acl.attrArn,
      logDestinationConfigs: [
        this.formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: WAF_LOG_GROUP,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
    });
    logging.node.addDependency(logs);
  }
}
