import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { nagErrors, synthCounty } from './support.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../infra/constructs/static-site.ts';
import { nginxSnippet, SECURITY_HEADERS } from '../../shared/platform/security-headers.ts';
import { ROOT } from '../../local/modules.ts';

/** Both branches of the `cloudFront` setting, synthesized: the untested path was broken both ways. */
describe.each([
  ['global region, CloudFront domain', '411521', { region: 'us-east-1', cloudFront: true }],
  [
    'China, own ICP domain with an IAM certificate',
    '640502',
    { cloudFront: true, domain: { name: 'zwfw.example.cn', certificateArn: 'arn:aws-cn:iam::123456789012:server-certificate/zwfw-example' } },
  ],
] as const)('cloudFront: true (%s)', (_label, code, overrides) => {
  const { appStack, appT } = synthCounty(code, overrides);
  const dist = () => Object.values(appT.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;

  it('routes /api/* to the API stage, not to the bare execute-api host', () => {
    const api = dist().CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api).toBeDefined();
    const origin = dist().Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(JSON.stringify(origin.OriginPath)).toContain('prod');
    expect(origin.OriginPath).not.toBe('');
    // CloudFront proves itself to the API with a secret header
    expect(origin.OriginCustomHeaders).toEqual(
      [{ HeaderName: 'x-origin-verify', HeaderValue: Match.anyValue() }].map(() => expect.objectContaining({ HeaderName: 'x-origin-verify' })),
    );
  });

  it('never turns an API error into index.html: the SPA fallback is per request on the web origin, or hash routing in China', () => {
    expect(dist().CustomErrorResponses).toBeUndefined();
    const api = dist().CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(api.FunctionAssociations).toBeUndefined();
    if ('region' in overrides) {
      expect(dist().DefaultCacheBehavior.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
      appT.hasResourceProperties('AWS::CloudFront::Function', { FunctionCode: Match.stringLikeRegexp("r.uri = '/index.html'") });
    } else {
      // CloudFormation in the China regions has no CloudFront Functions and no Origin Access Control
      appT.resourceCountIs('AWS::CloudFront::Function', 0);
      appT.resourceCountIs('AWS::CloudFront::OriginAccessControl', 0);
      appT.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 1);
    }
  });

  it('forwards the viewer address and sets security headers with a CSP on every response', () => {
    const api = dist().CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    // Managed-AllViewerExceptHostHeader: viewer headers plus CloudFront-Viewer-Address
    expect(api.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    expect(api.ResponseHeadersPolicyId).toBeDefined();
    expect(dist().DefaultCacheBehavior.ResponseHeadersPolicyId).toBeDefined();
    appT.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: CONTENT_SECURITY_POLICY, Override: true },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31536000 }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
        }),
      },
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('passes cdk-nag with only explained suppressions', () => {
    expect(nagErrors(appStack)).toEqual([]);
  });

  if (!('region' in overrides)) {
    it('uses the IAM server certificate in China (no ACM for CloudFront there)', () => {
      expect(dist().Aliases).toEqual(['zwfw.example.cn']);
      expect(dist().ViewerCertificate).toMatchObject({ IamCertificateId: 'zwfw-example', SslSupportMethod: 'sni-only' });
    });
  }
});

describe('cloudFront: false', () => {
  const { appT } = synthCounty('411521');
  it('has no distribution and no origin secret', () => {
    appT.resourceCountIs('AWS::CloudFront::Distribution', 0);
    appT.resourceCountIs('AWS::SecretsManager::Secret', 0);
  });
});

describe('cloudFront: true reaches the functions', () => {
  it('every function carries the origin secret and the viewer-address header', () => {
    const { appT } = synthCounty('411521', { region: 'us-east-1', cloudFront: true });
    const fns = Object.values(appT.findResources('AWS::Lambda::Function')).filter((f) => f.Properties.Runtime?.startsWith('nodejs22'));
    expect(fns.length).toBeGreaterThan(5);
    for (const f of fns) {
      expect(f.Properties.Environment.Variables.VIEWER_ADDRESS_HEADER).toBe('cloudfront-viewer-address');
      expect(JSON.stringify(f.Properties.Environment.Variables.ORIGIN_VERIFY_SECRET)).toContain('secretsmanager');
    }
  });
});

describe('one header set: CloudFront, the local platform and the README’s nginx snippet', () => {
  const { appT } = synthCounty('411521', { region: 'us-east-1', cloudFront: true });
  const policy = () =>
    Object.values(appT.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;

  it('the CloudFront policy sets exactly the shared headers', () => {
    const p = policy();
    const fromPolicy = {
      'content-security-policy': p.ContentSecurityPolicy.ContentSecurityPolicy,
      'strict-transport-security': `max-age=${p.StrictTransportSecurity.AccessControlMaxAgeSec}${p.StrictTransportSecurity.IncludeSubdomains ? '; includeSubDomains' : ''}`,
      'x-content-type-options': p.ContentTypeOptions ? 'nosniff' : undefined,
      'x-frame-options': p.FrameOptions.FrameOption,
      'referrer-policy': p.ReferrerPolicy.ReferrerPolicy,
    };
    expect(fromPolicy).toEqual(SECURITY_HEADERS);
  });

  it('the README’s nginx block is the same set, line for line', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1]?.trim();
    expect(block).toBe(nginxSnippet());
    const parsed = Object.fromEntries([...block!.matchAll(/^add_header (\S+) "([^"]*)" always;$/gm)].map((m) => [m[1], m[2]]));
    expect(parsed).toEqual(SECURITY_HEADERS);
  });
});
