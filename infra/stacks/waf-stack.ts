import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

export interface WafStackProps extends StackProps {
  /** Requests one IP address may make in any 5 minutes before it is blocked. @default 2000 */
  readonly rateLimitPerFiveMinutes?: number;
}

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
        managedRule('AWSManagedRulesAmazonIpReputationList', 1),
        // SizeRestrictions_BODY blocks any body over 8 KB, which a referral in the referrer's own words can
        // exceed; the API bounds every text field itself, so that one rule only counts.
        managedRule('AWSManagedRulesCommonRuleSet', 2, ['SizeRestrictions_BODY']),
        managedRule('AWSManagedRulesKnownBadInputsRuleSet', 3),
      ],
    });
    this.webAclArn = acl.attrArn;
  }
}
