import {
  CfnOutput,
  DefaultStackSynthesizer,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { SERVER_RENDERED_PAGES } from '../../shared/deployment/routes.ts';
import { SERVER_RENDERED } from '../../web/routes.ts';

export interface WebStackProps extends StackProps {
  /** The folder to publish: web/dist, built by web/build.ts (tests pass a stub). */
  readonly webAssetPath: string;
  /** The CLOUDFRONT-scope web ACL (WafStack, us-east-1). */
  readonly webAclArn: string;
  /** The Cognito sign-in origin, `https://<prefix>.auth.<region>.amazoncognito.com`: the callback page calls its token endpoint. */
  readonly authOrigin: string;
  /** The attachments bucket's origin: the browser uploads documents to it directly (presigned POST). */
  readonly attachmentsOrigin?: string;
  /** Steady requests a second across the whole API. @default 50 */
  readonly apiRateLimit?: number;
  /** @default 100 */
  readonly apiBurstLimit?: number;
}

/**
 * Serves `/x/` as `/x/index.html` (the site is folders of static pages on S3), and sends `/x` to `/x/`
 * when `/x/` is a page the guidance function renders (web/routes.ts `SERVER_RENDERED`: they have no
 * index.html on S3). Only those exact addresses are redirected, so a `Location` is never made from an
 * arbitrary request path (`//host` would be read by the browser as another host).
 */
export const INDEX_REWRITE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var rendered = ${JSON.stringify(SERVER_RENDERED.map((p) => p.path.slice(0, -1)))};
  if (rendered.indexOf(uri) !== -1) {
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: uri + '/' } } };
  }
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) {
    request.uri = uri + '/index.html';
  }
  return request;
}`;

/** Sends a server-rendered page's public path to the guidance function's route for it (area-routes.ts). */
export const PAGE_REWRITE = `function handler(event) {
  var request = event.request;
  var pages = ${JSON.stringify(Object.fromEntries(SERVER_RENDERED_PAGES.map((p) => [p.path, p.apiPath])))};
  if (pages[request.uri]) request.uri = pages[request.uri];
  return request;
}`;

/**
 * The portal's public front door: CloudFront (behind the WAF) serving the static site from a private
 * bucket and forwarding `/api/*` to the HTTP API.
 *
 * The HTTP API's endpoint (its `$default` stage, throttling and access log) lives here too; its routes,
 * JWT authorizer and functions are added by ApiStack. That order is forced: Cognito's web client needs
 * CloudFront's domain for its callback URL, the authorizer needs that client, and CloudFront needs the
 * API's domain, so the API must exist before Auth and its routes after.
 */
export class WebStack extends Stack {
  readonly distribution: Distribution;
  readonly httpApi: HttpApi;
  readonly siteBucket: Bucket;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    // Server access logs are delivered under a bucket policy, not the legacy ACL, so both buckets can
    // keep ACLs disabled (BucketOwnerEnforced). Set here, before any child, as the flag is read from context.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);

    // --- The HTTP API's endpoint -------------------------------------------------------------------
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: 'partnership-portal',
      description: 'Partnership portal API: routes and authorizer are added by the Api stack',
      createDefaultStage: false,
    });
    const apiAccessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.THREE_MONTHS });
    new HttpStage(this, 'ApiDefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.apiRateLimit ?? 50, burstLimit: props.apiBurstLimit ?? 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(apiAccessLogs),
        // No source IP, user agent or path: the log carries no personal data. The
        // route key and request id are enough to find a request in the function's own log.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTimeEpoch',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationStatus: '$context.integrationStatus',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            error: '$context.error.message',
          }),
        ),
      },
    });

    // --- The static site's bucket ------------------------------------------------------------------
    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket: logging its own access would log into itself.',
    });
    this.siteBucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // --- CloudFront ----------------------------------------------------------------------------------
    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Partnership portal: security headers for a static GOV.UK Frontend site and its API',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(props.authOrigin, props.attachmentsOrigin),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
        // The legacy XSS auditor is off by modern advice ("0"); the CSP does that job.
        xssProtection: { protection: false, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
            override: true,
          },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });

    const indexRewrite = new EdgeFunction(this, 'IndexRewrite', {
      code: FunctionCode.fromInline(INDEX_REWRITE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serves a folder URL from its index.html',
    });

    const pageRewrite = new EdgeFunction(this, 'PageRewrite', {
      code: FunctionCode.fromInline(PAGE_REWRITE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Sends a server-rendered page to the guidance function',
    });

    const apiOrigin = new HttpOrigin(`${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });

    const pagesCachePolicy = new CachePolicy(this, 'PagesCachePolicy', {
      comment:
        'Partnership portal: server-rendered public pages, per address, as long as their Cache-Control allows',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.hours(1),
      headerBehavior: CacheHeaderBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Partnership portal',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: indexRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // The public guidance and the checker, rendered by the guidance function: the same for everyone,
        // so CloudFront keeps each address (query string and all) as long as the page's Cache-Control says.
        ...Object.fromEntries(
          SERVER_RENDERED_PAGES.map((page) => [
            page.path,
            {
              origin: apiOrigin,
              viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
              allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
              cachePolicy: pagesCachePolicy,
              originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
              responseHeadersPolicy: securityHeaders,
              functionAssociations: [{ function: pageRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
            },
          ]),
        ),
        // Published guidance is public and the same for everyone: CloudFront keeps it for as long as the
        // function's Cache-Control says (a minute) and revalidates by ETag. Anything sent with a token
        // (an editor reading a draft) is keyed by that token, and drafts answer no-store anyway.
        '/api/guidance*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: new CachePolicy(this, 'GuidanceCachePolicy', {
            comment: 'Partnership portal: published guidance, as long as its Cache-Control allows',
            minTtl: Duration.seconds(0),
            defaultTtl: Duration.seconds(0),
            maxTtl: Duration.hours(1),
            headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
            queryStringBehavior: CacheQueryStringBehavior.all(),
            cookieBehavior: CacheCookieBehavior.none(),
            enableAcceptEncodingGzip: true,
            enableAcceptEncodingBrotli: true,
          }),
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // API Gateway answers 403 if it receives CloudFront's Host header.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
    });
    const cfnDistribution = this.distribution.node.defaultChild;
    if (cfnDistribution) {
      Validations.of(cfnDistribution).acknowledge({
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: partners, families and inspectors may reach the public guidance from abroad; the WAF rate-limits and filters instead.',
      });
      Validations.of(cfnDistribution).acknowledge({
        id: 'AwsSolutions-CFR3',
        reason:
          "CloudFront standard logs record every visitor's IP address, and the portal keeps logs free of personal data; WAF metrics and sampled requests, the API's access log and the audit table cover operations.",
      });
      Validations.of(cfnDistribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'The distribution uses the default *.cloudfront.net certificate until the partnership supplies a domain name, and CloudFront fixes its minimum protocol then; a custom domain with an ACM certificate and TLSv1.2_2021 replaces it.',
      });
    }

    // --- Publishing the site ---------------------------------------------------------------------------
    const deployLogs = new LogGroup(this, 'DeploySiteLogs', { retention: RetentionDays.ONE_MONTH });
    // Its own role rather than the managed AWSLambdaBasicExecutionRole: logs go to this log group only.
    const deployRole = new Role(this, 'DeploySiteRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Publishes web/dist to the site bucket and invalidates CloudFront',
    });
    deployLogs.grantWrite(deployRole);
    new BucketDeployment(this, 'DeploySite', {
      sources: [Source.asset(props.webAssetPath)],
      destinationBucket: this.siteBucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      prune: true,
      memoryLimit: 512,
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.minutes(5))],
      logGroup: deployLogs,
      role: deployRole,
    });
    this.acknowledgeSiteDeployment(deployRole);

    new CfnOutput(this, 'PortalUrl', { value: `https://${this.distribution.distributionDomainName}/` });
    new CfnOutput(this, 'ApiId', { value: this.httpApi.apiId });
  }

  /** The findings on CDK's own BucketDeployment handler, each with its reason. */
  private acknowledgeSiteDeployment(role: Role): void {
    // The default bootstrap's asset bucket (DefaultStackSynthesizer.DEFAULT_FILE_ASSETS_BUCKET_NAME).
    const assetBucket = `cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${this.account}-${this.region}`;
    const siteLogicalId = this.getLogicalId(this.siteBucket.node.defaultChild as CfnBucket);
    const wildcards: Record<string, string> = {
      'Action::s3:GetObject*': 'CDK grants read of the web asset it uploaded (GetObject and its variants).',
      'Action::s3:GetBucket*':
        'CDK grants read of the asset and site buckets to list and compare what is deployed.',
      'Action::s3:List*': 'CDK lists the site bucket to prune files the new build no longer has.',
      'Action::s3:DeleteObject*': 'CDK deletes files the new build no longer has (prune).',
      'Action::s3:Abort*': 'CDK aborts its own failed multipart uploads to the site bucket.',
      [`Resource::arn:<AWS::Partition>:s3:::${assetBucket}/*`]:
        'CDK reads the web asset from the bootstrap asset bucket; asset keys are content hashes, unknown in advance.',
      [`Resource::<${siteLogicalId}.Arn>/*`]: 'The handler publishes every file of the site to its bucket.',
      'Resource::*':
        'cloudfront:CreateInvalidation and GetInvalidation, which CDK grants on * (they are not scoped to a distribution here).',
    };
    for (const [finding, reason] of Object.entries(wildcards)) {
      Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
    const handler = this.node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (handler) {
      Validations.of(handler).acknowledge({
        id: 'AwsSolutions-L1',
        reason: "CDK's BucketDeployment handler: CDK chooses and updates its Python runtime, not the portal.",
      });
    }
  }
}

/**
 * The CSP for a static GOV.UK Frontend site: every script, style, font and image from the site itself,
 * no inline script or style, no framing; the callback page posts to Cognito's token endpoint, and a
 * referral's page uploads documents to the attachments bucket.
 */
export function contentSecurityPolicy(authOrigin: string, attachmentsOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${authOrigin}${attachmentsOrigin ? ` ${attachmentsOrigin}` : ''}`,
    `form-action 'self' ${authOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}
