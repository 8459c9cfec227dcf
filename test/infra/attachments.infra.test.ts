import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Portal } from '../../infra/stacks/portal.ts';
import { type SynthesizedPortal, synthesizePortal } from '../support/infra-synth.ts';

/**
 * The bucket of documents attached to referrals: private, TLS only, under the records' key, versioned,
 * reachable from the portal's own origin only, and by the referrals function alone.
 */
type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };

let synthesized: SynthesizedPortal;
let portal: Portal;
let templates: Template[];
let data: Template;
let bucketId: string;
const BUCKET_NAME = 'portal-attachments-111111111111-eu-west-2';

beforeAll(() => {
  synthesized = synthesizePortal('portal-attachments-infra-', {
    notify: {
      apiKeySecretName: 'portal/notify-key',
      templateId: 'template-1',
      frontDoorEmail: 'fd@example.org',
    },
  });
  portal = synthesized.portal;
  templates = [portal.waf, portal.data, portal.web, portal.auth, portal.api].map((s) =>
    Template.fromStack(s),
  );
  data = Template.fromStack(portal.data);
  bucketId = portal.data.getLogicalId(portal.data.attachments.bucket.node.defaultChild as CfnElement);
});

afterAll(() => synthesized?.remove());

const resources = (type: string): [string, Resource][] =>
  templates.flatMap((t) => Object.entries(t.findResources(type) as Record<string, Resource>));
const bucket = () => data.findResources('AWS::S3::Bucket')[bucketId] as Resource;

describe('the attachments bucket', () => {
  it('is encrypted with the records’ key, with a bucket key', () => {
    const key = portal.data.getLogicalId(portal.data.key.node.defaultChild as CfnElement);
    expect(bucket().Properties.BucketName).toBe(BUCKET_NAME);
    expect(bucket().Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          BucketKeyEnabled: true,
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: { 'Fn::GetAtt': [key, 'Arn'] },
          },
        },
      ],
    });
  });

  it('blocks all public access, is versioned, logs its access and is retained', () => {
    const { Properties } = bucket();
    expect(Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(Properties.LoggingConfiguration).toMatchObject({ LogFilePrefix: 'attachments/' });
    expect(
      (data.findResources('AWS::S3::Bucket')[bucketId] as { DeletionPolicy?: string }).DeletionPolicy,
    ).toBe('Retain');
  });

  it('denies any request not over TLS', () => {
    data.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('aborts unfinished uploads, expires old versions and what was left in incoming/', () => {
    const rules = (bucket().Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
        expect.objectContaining({ Prefix: 'incoming/', ExpirationInDays: 1 }),
      ]),
    );
  });

  it('takes uploads and downloads from the portal’s own origin only, which lets the browser reach it', () => {
    const cors = bucket().Properties.CorsConfiguration as { CorsRules: Record<string, unknown>[] };
    expect(cors.CorsRules).toHaveLength(1);
    expect(cors.CorsRules[0]).toMatchObject({ AllowedMethods: ['POST', 'GET'] });
    expect(JSON.stringify(cors.CorsRules[0]?.AllowedOrigins)).toMatch(
      /Portal-Web:.*Distribution.*DomainName/,
    );
    const [, policy] = resources('AWS::CloudFront::ResponseHeadersPolicy')[0] ?? [];
    expect(JSON.stringify(policy?.Properties)).toContain(
      `connect-src 'self' https://partnership-portal-111111111111.auth.eu-west-2.amazoncognito.com https://${BUCKET_NAME}.s3.eu-west-2.amazonaws.com;`,
    );
  });
});

describe('who reaches it', () => {
  /** Every identity policy statement, with the roles it is attached to. */
  function statements(): { roles: string[]; statement: Statement }[] {
    const out: { roles: string[]; statement: Statement }[] = [];
    for (const [, policy] of resources('AWS::IAM::Policy')) {
      const roles = JSON.stringify(policy.Properties.Roles ?? []).match(/"Ref":"([^"]+)"/g) ?? [];
      for (const statement of (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
        out.push({ roles: roles.map((r) => r.slice(7, -1)), statement });
    }
    return out;
  }
  const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
  const referralsRole = () => {
    const fn = portal.api.functions.referrals.node.defaultChild as CfnElement;
    const [, resource] =
      resources('AWS::Lambda::Function').find(([id]) => id === portal.api.getLogicalId(fn)) ?? [];
    return JSON.stringify(resource?.Properties.Role).match(/"Fn::GetAtt":\["([^"]+)"/)?.[1];
  };

  it('gives no role but the referrals function’s any s3: permission on it, and that one objects under its two prefixes only', () => {
    const onBucket = statements().filter(({ statement }) => {
      const resource = JSON.stringify(statement.Resource);
      const s3 = actionsOf(statement).some((a) => a.startsWith('s3:') || a === '*');
      return (
        statement.Effect === 'Allow' &&
        s3 &&
        (resource.includes(BUCKET_NAME) || resource.includes(bucketId) || resource === '"*"')
      );
    });
    expect(onBucket.flatMap((s) => s.roles)).toEqual([referralsRole()]);
    const [grant] = onBucket;
    expect(actionsOf(grant?.statement as Statement).sort()).toEqual([
      's3:DeleteObject',
      's3:GetObject',
      's3:PutObject',
    ]);
    expect(JSON.stringify(grant?.statement.Resource)).toMatch(/incoming\/\*.*referrals\/\*/);
  });

  it('lets the referrals function use the records’ key for it through S3 only', () => {
    const key = portal.data.getLogicalId(portal.data.key.node.defaultChild as CfnElement);
    const viaS3 = statements().filter(({ statement }) =>
      JSON.stringify(statement.Condition ?? {}).includes('s3.eu-west-2'),
    );
    expect(viaS3.flatMap((s) => s.roles)).toEqual([referralsRole()]);
    expect(JSON.stringify(viaS3[0]?.statement.Resource)).toContain(key);
  });

  it('names the bucket to the referrals function', () => {
    const fn = portal.api.getLogicalId(portal.api.functions.referrals.node.defaultChild as CfnElement);
    Template.fromStack(portal.api).hasResource('AWS::Lambda::Function', {
      Properties: Match.objectLike({
        Environment: { Variables: Match.objectLike({ ATTACHMENTS_BUCKET: BUCKET_NAME }) },
      }),
    });
    expect(fn).toMatch(/^ReferralsFunction/);
  });
});
