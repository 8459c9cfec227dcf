import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SynthesizedPortal, synthesizePortal } from '../support/infra-synth.ts';

/** The web ACL: a limit per caller as well as per IP, and every request logged with its token redacted. */
let synthesized: SynthesizedPortal;
let waf: Template;

beforeAll(() => {
  synthesized = synthesizePortal('portal-waf-');
  waf = Template.fromStack(synthesized.portal.waf);
});
afterAll(() => synthesized?.remove());

type Rule = { Name: string; Action?: unknown; Statement: { RateBasedStatement?: Record<string, unknown> } };
const rules = () =>
  (Object.values(waf.findResources('AWS::WAFv2::WebACL'))[0] as { Properties: { Rules: Rule[] } }).Properties
    .Rules;

describe('the web ACL', () => {
  it('limits each bearer token on the API, beside each IP address', () => {
    const perCaller = rules().find((r) => r.Name === 'RateLimitPerCaller');
    expect(perCaller?.Action).toEqual({ Block: {} });
    expect(perCaller?.Statement.RateBasedStatement).toMatchObject({
      Limit: 1000,
      AggregateKeyType: 'CUSTOM_KEYS',
      CustomKeys: [{ Header: { Name: 'authorization' } }],
      ScopeDownStatement: {
        ByteMatchStatement: { SearchString: '/api/', PositionalConstraint: 'STARTS_WITH' },
      },
    });
    expect(rules().find((r) => r.Name === 'RateLimitPerIp')?.Statement.RateBasedStatement).toMatchObject({
      AggregateKeyType: 'IP',
    });
  });

  it('logs every request to a WAF log group, with the Authorization header and cookies redacted', () => {
    const logging = Object.values(waf.findResources('AWS::WAFv2::LoggingConfiguration'))[0] as {
      Properties: { RedactedFields: unknown[]; LogDestinationConfigs: unknown[] };
    };
    expect(logging.Properties.RedactedFields).toEqual([
      { SingleHeader: { Name: 'authorization' } },
      { SingleHeader: { Name: 'cookie' } },
    ]);
    expect(JSON.stringify(logging.Properties.LogDestinationConfigs)).toContain(
      'log-group:aws-waf-logs-partnership-portal',
    );
    waf.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: 'aws-waf-logs-partnership-portal',
      RetentionInDays: 90,
    });
  });
});
