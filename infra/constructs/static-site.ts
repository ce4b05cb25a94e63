import { existsSync } from 'node:fs';
import { RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Distribution, ViewerProtocolPolicy, AllowedMethods, CachePolicy, OriginRequestPolicy, SecurityPolicyProtocol } from 'aws-cdk-lib/aws-cloudfront';
import { RestApiOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { NagSuppressions } from 'cdk-nag';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface StaticSiteProps {
  webDist: string;
  runtimeConfig: Record<string, unknown>;
  /** CloudFront in front of the bucket, routing /api/* to the API (needs an ICP domain in China). */
  cloudFront?: { api: RestApi; domain?: { name: string; certificateArn: string } };
}

/**
 * The web front: a private, encrypted, versioned bucket (SSL only, access-logged) with the
 * build and a runtime config.json; optionally CloudFront with the county's own domain.
 */
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
    new BucketDeployment(this, 'Deploy', { destinationBucket: this.bucket, sources, prune: false, logGroup: deployLogs });

    if (props.cloudFront) {
      const { api, domain } = props.cloudFront;
      this.distribution = new Distribution(this, 'Cdn', {
        defaultRootObject: 'index.html',
        defaultBehavior: { origin: S3BucketOrigin.withOriginAccessControl(this.bucket), viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS },
        additionalBehaviors: {
          '/api/*': {
            origin: new RestApiOrigin(api, { originPath: '' }),
            viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
            allowedMethods: AllowedMethods.ALLOW_ALL,
            cachePolicy: CachePolicy.CACHING_DISABLED,
            originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          },
        },
        errorResponses: [{ httpStatus: 403, responseHttpStatus: 200, responsePagePath: '/index.html' }],
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
        enableLogging: true,
        logBucket: logs,
        logFilePrefix: 'cdn/',
        ...(domain ? { domainNames: [domain.name], certificate: Certificate.fromCertificateArn(this, 'Cert', domain.certificateArn) } : {}),
      });
      NagSuppressions.addResourceSuppressions(this.distribution, [
        { id: 'AwsSolutions-CFR1', reason: 'Geo restriction is not wanted: citizens may look up items from anywhere.' },
        { id: 'AwsSolutions-CFR2', reason: 'AWS WAF is optional per county and attached by the county IT when licensed.' },
      ]);
    }
  }
}
