import { existsSync } from 'node:fs';
import { RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as EdgeFunction,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type CfnDistribution,
} from 'aws-cdk-lib/aws-cloudfront';
import { Duration } from 'aws-cdk-lib';
import { RestApiOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { NagSuppressions } from 'cdk-nag';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CONTENT_SECURITY_POLICY, HSTS_MAX_AGE_SECONDS } from '../../shared/platform/security-headers.ts';

export interface StaticSiteProps {
  webDist: string;
  runtimeConfig: Record<string, unknown>;
  /** CloudFront in front of the bucket, routing /api/* to the API (needs an ICP domain in China). */
  cloudFront?: {
    api: RestApi;
    domain?: { name: string; certificateArn: string };
    /** Sent by CloudFront to the API on every request; the API refuses requests without it (no way around the edge). */
    originVerify: string;
    /**
     * CloudFront in China (CloudFormation there has neither CloudFront Functions nor Origin Access
     * Control): the bucket is read through an Origin Access Identity and the app routes by hash.
     */
    china: boolean;
  };
}

/**
 * The SPA fallback, on the S3 behaviour only: a path without a file extension is a page of the
 * app (index.html). Done per request instead of a distribution-wide 403→200 error page, which
 * would also turn the API's own 403s into index.html.
 */
const SPA_REWRITE = `function handler(event) {
  var r = event.request;
  if (r.uri.indexOf('.') === -1) r.uri = '/index.html';
  return r;
}`;

export { CONTENT_SECURITY_POLICY } from '../../shared/platform/security-headers.ts';

/**
 * The web front: a private, encrypted, versioned bucket (SSL only, access-logged) with the
 * build and a runtime config.json; optionally CloudFront with the county's own domain.
 */
const isIamCertificate = (arn: string): boolean => /:iam::[^:]*:server-certificate\//.test(arn);

export class StaticSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution?: Distribution;

  constructor(scope: Construct, id: string, props: StaticSiteProps) {
    super(scope, id);
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(logs, [{ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself.' }]);
    this.bucket = new Bucket(this, 'Web', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'web/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const sources = [Source.jsonData('config.json', props.runtimeConfig)];
    if (existsSync(props.webDist)) sources.unshift(Source.asset(props.webDist));
    // the deployment's own function logs for a year, like every other function (CDK's default is two)
    const deployLogs = new LogGroup(this, 'DeployLogs', { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
    const deployment = new BucketDeployment(this, 'Deploy', { destinationBucket: this.bucket, sources, prune: false, logGroup: deployLogs });
    NagSuppressions.addResourceSuppressions(
      deployment.handlerRole,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'CDK-managed BucketDeployment copies objects: wildcard object actions on its asset bucket and the web bucket only.',
        },
      ],
      true,
    );

    if (props.cloudFront) {
      const { api, domain, originVerify, china } = props.cloudFront;
      const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
        comment: 'Bianmin: HSTS, CSP, no framing, no sniffing',
        securityHeadersBehavior: {
          contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
          strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
          contentTypeOptions: { override: true },
          frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
          referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        },
      });
      const spa = china
        ? undefined
        : new EdgeFunction(this, 'SpaRewrite', {
            code: FunctionCode.fromInline(SPA_REWRITE),
            runtime: FunctionRuntime.JS_2_0,
            comment: 'SPA fallback to index.html',
          });
      this.distribution = new Distribution(this, 'Cdn', {
        defaultRootObject: 'index.html',
        defaultBehavior: {
          origin: china ? S3BucketOrigin.withOriginAccessIdentity(this.bucket) : S3BucketOrigin.withOriginAccessControl(this.bucket),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          responseHeadersPolicy: securityHeaders,
          ...(spa ? { functionAssociations: [{ function: spa, eventType: FunctionEventType.VIEWER_REQUEST }] } : {}),
        },
        additionalBehaviors: {
          '/api/*': {
            // the default origin path is the stage (/prod): the resources live at /prod/api/...
            origin: new RestApiOrigin(api, { customHeaders: { 'x-origin-verify': originVerify } }),
            viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
            allowedMethods: AllowedMethods.ALLOW_ALL,
            cachePolicy: CachePolicy.CACHING_DISABLED,
            // forwards CloudFront-Viewer-Address: the citizen's address, not the edge's, for limits and audit
            originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            responseHeadersPolicy: securityHeaders,
          },
        },
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
        enableLogging: true,
        logBucket: logs,
        logFilePrefix: 'cdn/',
        ...(domain && !isIamCertificate(domain.certificateArn)
          ? { domainNames: [domain.name], certificate: Certificate.fromCertificateArn(this, 'Cert', domain.certificateArn) }
          : {}),
      });
      if (china) {
        NagSuppressions.addResourceSuppressions(this.distribution, [
          {
            id: 'AwsSolutions-CFR7',
            reason: 'CloudFormation in the China regions has no Origin Access Control: the bucket is private and read through an Origin Access Identity.',
          },
        ]);
      }
      if (!domain || isIamCertificate(domain.certificateArn)) {
        NagSuppressions.addResourceSuppressions(this.distribution, [
          {
            id: 'AwsSolutions-CFR4',
            reason: domain
              ? 'The viewer certificate is the IAM server certificate set below by a property override, sni-only with TLSv1.2_2021 (cdk-nag reads the construct before overrides).'
              : 'Staging in a global region without an own domain serves on the default *.cloudfront.net certificate; production (China) requires a domain (county config validation).',
          },
        ]);
      }
      if (domain && isIamCertificate(domain.certificateArn)) {
        // CloudFront in China has no ACM: the certificate is uploaded to IAM (server-certificate)
        const cfn = this.distribution.node.defaultChild as CfnDistribution;
        cfn.addPropertyOverride('DistributionConfig.Aliases', [domain.name]);
        cfn.addPropertyOverride('DistributionConfig.ViewerCertificate', {
          IamCertificateId: domain.certificateArn.split('/').pop(),
          SslSupportMethod: 'sni-only',
          MinimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
        });
      }
      NagSuppressions.addResourceSuppressions(this.distribution, [
        { id: 'AwsSolutions-CFR1', reason: 'Geo restriction is not wanted: citizens may look up items from anywhere.' },
        { id: 'AwsSolutions-CFR2', reason: 'AWS WAF is optional per county and attached by the county IT when licensed.' },
      ]);
    }
  }
}
